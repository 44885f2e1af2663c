/// One token of a text: exact Unicode code point offsets and what it is made of.
///
/// A plain value (no reference to the text): token arrays are copied and read without
/// reference counting. The characters are `TokenizedText.text(ofToken:)`.
public struct Token: Sendable, Hashable {
    /// Code point offset of the first character in the tokenized text.
    public var start: Int
    /// Code point offset one past the last character.
    public var end: Int
    /// Line breaks in the whitespace before this token; 0 when it is on the same line.
    public var newlinesBefore: Int
    /// What the token is made of.
    public var kind: TokenKind
    /// Whether whitespace separates this token from the previous one.
    public var spaceBefore: Bool

    /// Creates a token; offsets are code point offsets, end exclusive.
    public init(start: Int, end: Int, kind: TokenKind, newlinesBefore: Int = 0, spaceBefore: Bool = true) {
        self.start = start
        self.end = end
        self.kind = kind
        self.newlinesBefore = newlinesBefore
        self.spaceBefore = spaceBefore
    }
}

/// The broad class of a token, decided by the tokenizer.
public enum TokenKind: UInt8, Sendable, Hashable {
    /// Letters, possibly with digits, inner hyphens, apostrophes or abbreviation periods.
    case word
    /// Starts with a digit: `1,200.50`, `3rd`, `1990s`.
    case number
    /// Punctuation: quotes, brackets, dashes, `...`, sentence ends.
    case punctuation
    /// Symbols: currency signs, `%`, emoji, math.
    case symbol
    /// `http://…`, `https://…`, `www.…`.
    case url
    /// `name@example.com`.
    case email
    /// `@handle` or `#hashtag`.
    case handle
}
