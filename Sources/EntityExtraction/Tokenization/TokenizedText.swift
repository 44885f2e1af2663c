/// A text cut into tokens and sentences.
public struct TokenizedText: Sendable {
    /// The text the tokens slice.
    public var text: String
    /// All tokens in text order.
    public var tokens: [Token]
    /// Sentences as ranges of indices into `tokens`, in order, covering every token once.
    public var sentences: [Range<Int>]

    /// Creates a tokenized text from its parts.
    public init(text: String, tokens: [Token], sentences: [Range<Int>]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The token strings of each sentence, the shape the statistical recognizer reads.
    public var sentenceTokenTexts: [[Substring]] {
        sentences.map { range in tokens[range].map(\.text) }
    }
}
