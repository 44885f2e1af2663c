/// Cuts text into tokens and sentences, keeping exact code point offsets.
///
/// News-style English rules: possessives and clitics split off (`Zelensky’s` → `Zelensky` `’s`),
/// hyphenated names whole (`Al-Wajni`), abbreviations keep their period (`U.S.`, `Gen.`),
/// numbers keep separators (`1,200.50`), URLs, e-mail addresses and handles stay one token.
/// It scans UTF-8 bytes once; tokens are offsets into the input, never copies.
public struct Tokenizer: Sendable {
    /// Longest sentence in tokens; longer runs without a sentence end are cut there, so
    /// later stages (and the per-article deadline checks between sentences) see bounded units.
    public var maximumSentenceTokens: Int

    /// Creates a tokenizer.
    public init(maximumSentenceTokens: Int = 400) {
        self.maximumSentenceTokens = max(1, maximumSentenceTokens)
    }

    /// Tokenizes `text` and splits it into sentences.
    public func tokenize(_ text: String) -> TokenizedText {
        var storage = text
        let (raw, sentences, bytes, scalars) = storage.withUTF8 { bytes -> ([RawToken], [Range<Int>], [UInt8], Int) in
            var scanner = TokenScanner(bytes: bytes)
            scanner.run()
            let sentences = SentenceSplitter(maximumTokens: maximumSentenceTokens).split(scanner.tokens, bytes: bytes)
            // The scan has counted every code point of the text, tokens and whitespace.
            return (scanner.tokens, sentences, Array(bytes), scanner.scalarPosition)
        }
        let (tokens, byteRanges) = Self.split(raw)
        return TokenizedText(text: storage, tokens: tokens, sentences: sentences, utf8: bytes, byteRanges: byteRanges, scalarCount: scalars)
    }

    /// The scanner's tokens as `Token`s and byte ranges, both arrays filled in one pass.
    private static func split(_ raw: [RawToken]) -> ([Token], [Range<Int>]) {
        let n = raw.count
        var byteRanges: [Range<Int>] = []
        let tokens = raw.withUnsafeBufferPointer { raw in
            [Token](unsafeUninitializedCapacity: n) { tokens, tokenCount in
                byteRanges = [Range<Int>](unsafeUninitializedCapacity: n) { ranges, rangeCount in
                    for k in 0..<n {
                        let r = raw[k]
                        (tokens.baseAddress! + k).initialize(to: Token(
                            start: r.scalarStart, end: r.scalarEnd, kind: r.kind, newlinesBefore: r.newlinesBefore, spaceBefore: r.spaceBefore))
                        (ranges.baseAddress! + k).initialize(to: r.byteStart..<r.byteEnd)
                    }
                    rangeCount = n
                }
                tokenCount = n
            }
        }
        return (tokens, byteRanges)
    }
}

/// A token as byte and code point offsets, before it becomes a `Substring`.
struct RawToken {
    var byteStart: Int
    var byteEnd: Int
    var scalarStart: Int
    var scalarEnd: Int
    var kind: TokenKind
    var newlinesBefore: Int
    var spaceBefore: Bool
}
