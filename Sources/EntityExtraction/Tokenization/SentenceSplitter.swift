/// Groups tokens into sentences.
///
/// A sentence ends after `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets
/// that follow) when the next token does not start in lower case; after an abbreviation only
/// when a typical sentence opener follows (never after a title such as "Gen."); at a blank
/// line; and at a single line break unless the next line visibly continues the sentence,
/// so headline-style lines stand alone.
struct SentenceSplitter {
    var maximumTokens: Int

    func split(_ tokens: [Token]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        for i in tokens.indices.dropFirst() where i - start >= maximumTokens || isBoundary(before: i, in: tokens) {
            sentences.append(start..<i)
            start = i
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }

    private func isBoundary(before i: Int, in tokens: [Token]) -> Bool {
        let next = tokens[i]
        if next.newlinesBefore >= 2 { return true }
        if next.newlinesBefore == 1 { return !continuesLine(previous: tokens[i - 1], next: next) }
        if isCloser(next) { return false }  // the sentence takes its closing quotes and brackets
        var k = i - 1
        while k > 0 && isCloser(tokens[k]) { k -= 1 }
        let end = tokens[k]
        let startsLower = Self.startsLowercase(next)
        switch end.kind {
        case .punctuation:
            return Self.isSentenceEnd(end.text) && !startsLower
        case .word where end.text.utf8.last == UInt8(ascii: ".") && end.text.utf8.count > 1:
            // An abbreviation's period may also end the sentence: "… in the U.S. The talks …"
            let word = end.text.dropLast()
            if Abbreviations.titlesWithPeriod.contains(String(word)) { return false }
            return Self.sentenceOpeners.contains(String(next.text))
        default:
            return false
        }
    }

    /// A line break inside a sentence: the next line starts in lower case, or this one ends mid-clause.
    private func continuesLine(previous: Token, next: Token) -> Bool {
        if Self.startsLowercase(next) { return true }
        guard previous.kind == .punctuation, let c = previous.text.unicodeScalars.first else { return false }
        return previous.text.count == 1 && ",;(-–—/&".unicodeScalars.contains(c)
    }

    private func isCloser(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        let (value, length) = token.text.withBytes { bytes in bytes.isEmpty ? (0, 0) : UTF8Bytes.decode(bytes, at: 0) }
        guard length > 0, length == token.text.utf8.count else { return false }  // exactly one scalar
        switch value {
        case 0x201D, 0xBB, 0x29, 0x5D, 0x7D: return true  // ” » ) ] }
        case 0x22, 0x27, 0x2019: return !token.spaceBefore  // a straight or single quote right after the text closes it
        default: return false
        }
    }

    private static func isSentenceEnd(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case ".", "!", "?", "…", "。", "！", "？", "｡": return true
        default: return false
        }
    }

    private static func startsLowercase(_ token: Token) -> Bool {
        guard let first = token.text.utf8.first else { return false }
        if first < 0x80 { return first &- 0x61 < 26 }
        return token.text.unicodeScalars.first!.isLowercaseFast
    }

    /// Capitalized words that usually open a sentence rather than continue a name.
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "In", "On",
        "At", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Its", "His", "Her",
        "Their", "Our", "There", "Here", "What", "Why", "How", "Who", "Meanwhile", "However", "Officials", "Some",
    ]
}
