/// A light CoNLL-like tokenizer for the unlabeled training text: splits on whitespace and
/// peels punctuation and possessives off the ends of words. Only word statistics depend on
/// it; articles are tokenized by the pipeline's own tokenizer.
enum PlainTextTokenizer {
    private static let leading: Set<Character> = ["\"", "'", "(", "[", "{", "“", "‘", "`"]
    private static let trailing: Set<Character> = ["\"", "'", ")", "]", "}", ",", ";", ":", "!", "?", "”", "’", "."]

    /// The tokens of one line.
    static func tokens(_ line: Substring) -> [Substring] {
        var result: [Substring] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var core = word
            while let first = core.first, leading.contains(first), core.count > 1 {
                result.append(core.prefix(1))
                core = core.dropFirst()
            }
            var tail: [Substring] = []
            while let last = core.last, trailing.contains(last), core.count > 1 {
                // Keep the period of abbreviations such as "U.S." and "Inc.".
                if last == "." && (core.dropLast().contains(".") || (core.count <= 4 && core.first!.isUppercase)) { break }
                tail.append(core.suffix(1))
                core = core.dropLast()
            }
            if core.count > 2, core.hasSuffix("'s") || core.hasSuffix("’s") {
                result.append(core.dropLast(2))
                result.append(core.suffix(2))
            } else {
                result.append(core)
            }
            result.append(contentsOf: tail.reversed())
        }
        return result
    }
}
