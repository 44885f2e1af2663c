/// How much of an article is about each entity.
///
/// Each mention counts, earlier ones more (news puts the main actors first); a mention in the
/// first sentence (the lede or headline) and a name in the article title add a bonus.
/// Named entities share 1; numeric and temporal expressions get 0.
enum Salience {
    static func assign(to entities: inout [Entity], title: String?) {
        var scores = [Double](repeating: 0, count: entities.count)
        for (i, entity) in entities.enumerated() where entity.type.isNamed {
            var score = 0.0
            for mention in entity.mentions { score += 1 / (1 + 0.15 * Double(mention.sentence)) }
            if entity.mentions.contains(where: { $0.sentence == 0 }) { score += 0.5 }
            if let title, Set(entity.mentions.map(\.text) + [entity.name]).contains(where: { title.contains($0) }) { score += 1 }
            scores[i] = score
        }
        let total = scores.reduce(0, +)
        for i in entities.indices { entities[i].salience = total > 0 ? scores[i] / total : 0 }
    }
}
