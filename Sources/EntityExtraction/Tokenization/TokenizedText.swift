/// A text cut into tokens and sentences.
public struct TokenizedText: Sendable {
    /// The text the tokens index.
    public var text: String
    /// All tokens in text order.
    public var tokens: [Token]
    /// Sentences as ranges of indices into `tokens`, in order, covering every token once.
    public var sentences: [Range<Int>]
    /// The text's UTF-8 bytes and each token's byte range in them: the stages that compare
    /// token spellings read bytes instead of going through `Substring`.
    let utf8: [UInt8]
    let byteRanges: [Range<Int>]
    /// The number of Unicode code points in `text`, counted by the tokenizer on its way.
    let scalarCount: Int

    init(text: String, tokens: [Token], sentences: [Range<Int>], utf8: [UInt8], byteRanges: [Range<Int>], scalarCount: Int) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.utf8 = utf8
        self.byteRanges = byteRanges
        self.scalarCount = scalarCount
    }

    /// The characters of token `i`, a slice of `text` (no copy).
    public func text(ofToken i: Int) -> Substring {
        let utf8 = text.utf8
        let range = byteRanges[i]
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    /// The token strings of each sentence, the shape the statistical recognizer reads.
    public var sentenceTokenTexts: [[Substring]] {
        sentences.map { range in range.map { text(ofToken: $0) } }
    }

    /// The UTF-8 bytes of `range` of tokens, from the first token's start to the last one's end.
    @inline(__always) func byteRange(_ range: Range<Int>) -> Range<Int> {
        byteRanges[range.lowerBound].lowerBound..<byteRanges[range.upperBound - 1].upperBound
    }

    /// The text of `range` of tokens, from the first token's start to the last one's end.
    func slice(_ range: Range<Int>) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[byteRange(range)]), as: UTF8.self) }
    }

    /// Token `i` as a `String` (a small string needs no allocation).
    func string(ofToken i: Int) -> String {
        utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[byteRanges[i]]), as: UTF8.self) }
    }

    /// `string(ofToken: i).fastUppercased`, made straight from the bytes when they are ASCII (one string, not two).
    func uppercasedString(ofToken i: Int) -> String {
        let ascii = utf8.withUnsafeBufferPointer { utf8 -> String? in
            let bytes = UnsafeBufferPointer(rebasing: utf8[byteRanges[i]])
            guard PatternText.isASCII(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for k in 0..<bytes.count { out[k] = bytes[k] &- 0x61 < 26 ? bytes[k] &- 0x20 : bytes[k] }
                return bytes.count
            }
        }
        return ascii ?? string(ofToken: i).fastUppercased
    }

    /// `first?.isUppercase` of token `i`.
    func startsUppercase(token i: Int) -> Bool {
        utf8.withUnsafeBufferPointer { UTF8Bytes.startsUppercase(UnsafeBufferPointer(rebasing: $0[byteRanges[i]])) }
    }

    /// `hasSuffix(".")` of token `i`, on bytes unless a non-ASCII character precedes the period.
    func endsWithPeriod(token i: Int) -> Bool {
        let range = byteRanges[i]
        guard !range.isEmpty, utf8[range.upperBound - 1] == UInt8(ascii: ".") else { return false }
        if range.count == 1 || utf8[range.upperBound - 2] < 0x80 { return true }
        return text(ofToken: i).hasSuffix(".")
    }
}
