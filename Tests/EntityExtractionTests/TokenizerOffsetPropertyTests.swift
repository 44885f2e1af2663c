import Testing
@testable import EntityExtraction

/// The training code's seeded SplitMix64, so failures reproduce from the seed.
typealias SeededGenerator = SplitMix64

@Suite struct TokenizerOffsetPropertyTests {
    /// Pieces random texts are made of: words, punctuation, quotes, emoji, combining marks, CJK, RTL, controls.
    static let pieces: [String] = [
        "Kyiv", "Zelensky", "’s", "'s", "n't", "Al-Wajni", "U.S.", "Gen.", "e.g.", "1,200.50", "3.5", "%", "$", "€",
        "bn", "http://x.org/a", "a@b.co", "@user", "#tag", ".", ",", "...", "…", "—", "–", "-", "--", "“", "”", "‘", "’",
        "\"", "'", "(", ")", "[", "]", "!", "?", "👍", "🏽", "\u{200D}", "❤️", "🇺🇦", "\u{301}", "\u{0308}", "e\u{301}",
        "東京", "日本語", "。", "مرحبا", "שלום", "\u{200F}", "\u{FEFF}", "Ω", "ß", " ", " ", "  ", "\n", "\n\n", "\r\n",
        "\t", "\u{00A0}", "\u{2028}", "\u{0}", "\u{7F}", "𝔘𝔫𝔦", "½", "²", "ǅ", "İ",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...60, using: &generator)
        var text = ""
        for _ in 0..<length { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyTokenIsItsCodePointSliceOfTheText(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<300 {
            let text = Self.randomText(&generator)
            let scalars = Array(text.unicodeScalars)
            let tokenized = Tokenizer(maximumSentenceTokens: 7).tokenize(text)
            #expect(tokenized.scalarCount == scalars.count, "text: \(text.debugDescription)")
            var previousEnd = 0
            for (i, token) in tokenized.tokens.enumerated() {
                #expect(token.start >= previousEnd && token.end > token.start && token.end <= scalars.count)
                // Scalars, not String ==, which would accept canonically equivalent but different text.
                let slice = Array(scalars[token.start..<min(token.end, scalars.count)])
                #expect(slice == Array(tokenized.text(ofToken: i).unicodeScalars), "text: \(text.debugDescription)")
                previousEnd = token.end
            }
            // Sentences tile the tokens in order.
            #expect(tokenized.sentences.first?.lowerBound ?? 0 == 0)
            #expect(tokenized.sentences.last?.upperBound ?? 0 == tokenized.tokens.count)
            for (a, b) in zip(tokenized.sentences, tokenized.sentences.dropFirst()) { #expect(a.upperBound == b.lowerBound && !a.isEmpty) }
        }
    }

    @Test func skipsOnlyWhitespaceAndUnattachedMarks() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<300 {
            let text = Self.randomText(&generator)
            let scalars = Array(text.unicodeScalars)
            let tokenized = Tokenizer().tokenize(text)
            var covered = Array(repeating: false, count: scalars.count)
            for token in tokenized.tokens { for i in token.start..<token.end { covered[i] = true } }
            for (i, scalar) in scalars.enumerated() where !covered[i] {
                let cls = CharacterClass(scalar.value)
                #expect(cls == .space || cls == .newline || cls == .extend, "dropped \(scalar.debugDescription) in \(text.debugDescription)")
            }
        }
    }
}
