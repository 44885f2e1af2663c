/// Learns, per lowercase word, how often running text capitalizes it away from sentence
/// starts: "apple" vs "Apple" is the best clue for words in headlines and at sentence starts.
struct CasePriorBuilder {
    private var counts: [UInt64: (capital: Int32, lower: Int32)] = [:]

    init() {}

    /// Counts the words of one tokenized sentence (its first word is skipped).
    mutating func add(_ tokens: [Substring]) {
        var sentenceStart = true
        for token in tokens {
            defer { sentenceStart = token == "." || token == "!" || token == "?" || token == ":" || token == "\"" }
            if sentenceStart { continue }
            let info = TokenInfo(token)
            guard info.has(.hasLetter), !info.has(.allCapitals) || info.length == 1 else { continue }
            if info.has(.initialCapital) {
                counts[info.lower, default: (0, 0)].capital += 1
            } else if !info.has(.innerCapital) {
                counts[info.lower, default: (0, 0)].lower += 1
            }
        }
    }

    /// Buckets 1-5 by capitalized share, plus 5 for words seen at least 50 times.
    func table(minCount: Int = 3) -> (keys: [UInt64], values: [UInt32]) {
        var keys: [UInt64] = []
        var values: [UInt32] = []
        for key in counts.keys.sorted() {
            let c = counts[key]!
            let total = Int(c.capital) + Int(c.lower)
            guard total >= minCount else { continue }
            let share = Double(c.capital) / Double(total)
            var bucket = UInt32(1 + min(4, Int(share * 5)))
            if total >= 50 { bucket += 5 }
            keys.append(key)
            values.append(bucket)
        }
        return (keys, values)
    }
}
