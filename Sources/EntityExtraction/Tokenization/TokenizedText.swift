/// A text cut into tokens and sentences.
public struct TokenizedText: Sendable {
    /// The text the tokens slice.
    public var text: String
    /// All tokens in text order.
    public var tokens: [Token]
    /// Sentences as ranges of indices into `tokens`, in order, covering every token once.
    public var sentences: [Range<Int>]
    /// The text's UTF-8 bytes and each token's byte range in them: the stages that compare
    /// token spellings read bytes instead of going through `Substring`.
    let utf8: [UInt8]
    let byteRanges: [Range<Int>]

    /// Creates a tokenized text from its parts; the tokens must be slices of `text`.
    public init(text: String, tokens: [Token], sentences: [Range<Int>]) {
        let utf8 = text.utf8
        self.init(
            text: text, tokens: tokens, sentences: sentences, utf8: Array(utf8),
            byteRanges: tokens.map {
                utf8.distance(from: utf8.startIndex, to: $0.text.startIndex)..<utf8.distance(from: utf8.startIndex, to: $0.text.endIndex)
            })
    }

    init(text: String, tokens: [Token], sentences: [Range<Int>], utf8: [UInt8], byteRanges: [Range<Int>]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.utf8 = utf8
        self.byteRanges = byteRanges
    }

    /// The token strings of each sentence, the shape the statistical recognizer reads.
    public var sentenceTokenTexts: [[Substring]] {
        sentences.map { range in tokens[range].map(\.text) }
    }
}
