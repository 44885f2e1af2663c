/// How much of an article is about each entity.
///
/// Each mention counts, earlier ones more (news puts the main actors first); a mention in the
/// first sentence (the lede or headline) and a name in the article title add a bonus.
/// Named entities share 1 (each gets its score over the sum of all scores); numeric and
/// temporal expressions get 0.
enum Salience {
    /// The score of a named entity called `name` whose mentions are `mentions[m]` for `m` in `members`.
    static func score(_ members: UnsafeBufferPointer<Int>, _ mentions: UnsafePointer<Mention>, name: String, title: String?) -> Double {
        var score = 0.0
        for m in members { score += 1 / (1 + 0.15 * Double(mentions[m].sentence)) }
        if members.contains(where: { mentions[$0].sentence == 0 }) { score += 0.5 }
        // Any of the texts in the title: which one is asked first does not change the answer.
        if let title, title.contains(name) || members.contains(where: { title.contains(mentions[$0].text) }) { score += 1 }
        return score
    }
}
