/// Groups tokens into sentences.
///
/// A sentence ends after `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets
/// that follow) when the next token does not start in lower case; after an abbreviation only
/// when a typical sentence opener follows (never after a title such as "Gen."); at a blank
/// line; and at a single line break unless the next line visibly continues the sentence,
/// so headline-style lines stand alone.
struct SentenceSplitter {
    var maximumTokens: Int

    /// Sentences of the scanner's tokens over `bytes`, the text they were scanned from.
    /// `shortcut: false` judges every token in full (the reference for tests).
    func split(_ tokens: [RawToken], bytes: UnsafeBufferPointer<UInt8>, shortcut: Bool = true) -> [Range<Int>] {
        tokens.withUnsafeBufferPointer { tokens in
            var sentences: [Range<Int>] = []
            sentences.reserveCapacity(tokens.count / 16 + 1)  // news sentences run ~25 tokens: rarely a regrowth
            var start = 0
            var i = 1
            while i < tokens.count {
                if i - start >= maximumTokens || !(shortcut && Self.continuesSentence(at: i, in: tokens, bytes)) && isBoundary(before: i, in: tokens, bytes) {
                    sentences.append(start..<i)
                    start = i
                }
                i &+= 1
            }
            if start < tokens.count { sentences.append(start..<tokens.count) }
            return sentences
        }
    }

    /// Most tokens: on the line of a previous token that is neither punctuation nor a word ending
    /// in "." — `isBoundary` then finds no sentence end before them (nothing there closes or ends one).
    @inline(__always) private static func continuesSentence(at i: Int, in tokens: UnsafeBufferPointer<RawToken>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let next = tokens[i]
        let previous = tokens[i &- 1]
        guard next.newlinesBefore == 0, previous.kind != .punctuation else { return false }
        return previous.kind != .word || bytes[previous.byteEnd &- 1] != UInt8(ascii: ".")
    }

    private func isBoundary(before i: Int, in tokens: UnsafeBufferPointer<RawToken>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let next = tokens[i]
        if next.newlinesBefore >= 2 { return true }
        if next.newlinesBefore == 1 { return !continuesLine(previous: tokens[i - 1], next: next, bytes) }
        if isCloser(next, bytes) { return false }  // the sentence takes its closing quotes and brackets
        var k = i - 1
        while k > 0 && isCloser(tokens[k], bytes) { k -= 1 }
        let end = tokens[k]
        switch end.kind {
        case .punctuation:
            return Self.isSentenceEnd(Self.firstScalar(end, bytes).value) && !Self.startsLowercase(next, bytes)
        case .word where bytes[end.byteEnd - 1] == UInt8(ascii: ".") && end.byteEnd - end.byteStart > 1:
            // An abbreviation's period may also end the sentence: "… in the U.S. The talks …"
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[end.byteStart..<(end.byteEnd - 1)]), as: UTF8.self)
            if Abbreviations.titlesWithPeriod.contains(word) { return false }
            return Self.sentenceOpeners.contains(Self.text(next, bytes))
        default:
            return false
        }
    }

    /// A line break inside a sentence: the next line starts in lower case, or this one ends mid-clause.
    private func continuesLine(previous: RawToken, next: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if Self.startsLowercase(next, bytes) { return true }
        guard previous.kind == .punctuation else { return false }
        let (c, length) = Self.firstScalar(previous, bytes)
        switch c {
        case 0x2C, 0x3B, 0x28, 0x2D, 0x2013, 0x2014, 0x2F, 0x26: break  // , ; ( - – — / &
        default: return false
        }
        // One character: one scalar, or one with marks attached.
        return length == previous.byteEnd - previous.byteStart || Self.text(previous, bytes).count == 1
    }

    private func isCloser(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .punctuation else { return false }
        let (value, length) = Self.firstScalar(token, bytes)
        guard length == token.byteEnd - token.byteStart else { return false }  // exactly one scalar
        switch value {
        case 0x201D, 0xBB, 0x29, 0x5D, 0x7D: return true  // ” » ) ] }
        case 0x22, 0x27, 0x2019: return !token.spaceBefore  // a straight or single quote right after the text closes it
        default: return false
        }
    }

    private static func isSentenceEnd(_ first: UInt32) -> Bool {
        switch first {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF61: return true  // . ! ? … 。 ！ ？ ｡
        default: return false
        }
    }

    private static func startsLowercase(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Bytes.isLowercase(firstScalar(token, bytes).value)
    }

    /// The first scalar of a token (never empty) and its UTF-8 length.
    @inline(__always) private static func firstScalar(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        UTF8Bytes.decode(bytes, at: token.byteStart)
    }

    private static func text(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd]), as: UTF8.self)
    }

    /// Capitalized words that usually open a sentence rather than continue a name.
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "In", "On",
        "At", "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Its", "His", "Her",
        "Their", "Our", "There", "Here", "What", "Why", "How", "Who", "Meanwhile", "However", "Officials", "Some",
    ]
}
