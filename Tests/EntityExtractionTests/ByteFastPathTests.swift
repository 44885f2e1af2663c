import Testing
@testable import EntityExtraction

/// The pipeline's byte-level fast paths give what the `String`/`Character` code they replace gives,
/// on tokens of random texts (ASCII, canonically equivalent spellings, marks, emoji, capitals).
@Suite struct ByteFastPathTests {
    /// Extra pieces where byte and Unicode answers could differ: KELVIN SIGN equals "K",
    /// decomposed letters, a letter with a mark that upper-cases to another letter.
    static let pieces: [String] = TokenizerOffsetPropertyTests.pieces + [
        "\u{212A}ing", "King", "Gen", "General", "Vice-President", "Vice--President", "-", "A\u{345}", "a\u{301}",
        "Lieutenant-Colonel", "of", "Forces", "War", "Cup", "\u{600}.", "J.", "Mr.", "ÉCOLE", "École", "US", "Ab",
    ]

    static func randomTexts(seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<200).map { _ in
            (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? " " : "")
            }.joined()
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func tokenPredicatesAnswerAsStringsDo(seed: UInt64) {
        let sets = [Extractor.titles, Extractor.roles, Extractor.roleConnectors, Extractor.organizationHeads, Extractor.eventWords]
        for text in Self.randomTexts(seed: seed) {
            let tokenized = Tokenizer().tokenize(text)
            for i in tokenized.tokens.indices {
                let token = tokenized.text(ofToken: i)
                let string = String(token)
                #expect(tokenized.string(ofToken: i) == string)
                #expect(tokenized.startsUppercase(token: i) == (token.first?.isUppercase ?? false), "\(string.debugDescription)")
                #expect(tokenized.endsWithPeriod(token: i) == token.hasSuffix("."), "\(string.debugDescription)")
                #expect(Extractor.isTitle(token: i, in: tokenized) == Extractor.isTitle(string), "\(string.debugDescription)")
                for set in sets { #expect(tokenized.token(i, isIn: set) == set.strings.contains(string), "\(string.debugDescription)") }
                #expect(string.fastUppercased == string.uppercased())
                var copy = string
                copy.withUTF8 { bytes in
                    #expect(UTF8Bytes.isShouted(bytes) == string.isShouted)
                    #expect(UTF8Bytes.containsCurlyApostrophe(bytes) == string.contains("’"))
                }
            }
            #expect(tokenized.tokens.isEmpty || tokenized.slice(0..<tokenized.tokens.count) == String(
                text.unicodeScalars[text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: tokenized.tokens[0].start)..<text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: tokenized.tokens.last!.end)]))
        }
    }

    @Test func kelvinSignIsTheTitleKing() {
        let tokenized = Tokenizer().tokenize("\u{212A}ing Charles")
        #expect(Extractor.isTitle(token: 0, in: tokenized))
        #expect(!Extractor.isTitle(token: 1, in: tokenized))
    }

    @Test func phrasesAddedFromBytesMatchAsPhrasesAddedAsStrings() {
        let phrases = ["Volodymyr Nazarenko", "O’Brien", "U.S.", "BAKHMUT", "\u{212A}iev", "Kiev", "e\u{301}cole", "AT&T Inc."]
        var fromStrings = PhraseMatcher()
        var fromBytes = PhraseMatcher()
        var fromUppercased = PhraseMatcher()
        var upperStrings = PhraseMatcher()
        var scratch: [UInt8] = []
        for (k, phrase) in phrases.enumerated() {
            fromStrings.add(phrase, payload: k)
            upperStrings.add(phrase.uppercased(), payload: k)
            var copy = phrase
            copy.withUTF8 { bytes in
                fromBytes.add(bytes: bytes, payload: k)
                fromUppercased.addUppercased(bytes, payload: k, scratch: &scratch)
            }
        }
        let text = Tokenizer().tokenize(
            "Volodymyr Nazarenko met O'Brien and O’Brien in Kiev, \u{212A}iev and the U.S. école AT&T Inc. VOLODYMYR NAZARENKO O’BRIEN KIEV")
        let all = 0..<text.tokens.count
        #expect(fromBytes.matches(in: text, within: all).map(\.payload) == fromStrings.matches(in: text, within: all).map(\.payload))
        #expect(fromBytes.matches(in: text, within: all).count >= 6)
        #expect(fromUppercased.matches(in: text, within: all).map(\.tokens) == upperStrings.matches(in: text, within: all).map(\.tokens))
        #expect(fromUppercased.matches(in: text, within: all).count >= 3)
    }

    @Test func integersAndShortDecimalsAreWrittenAsDescriptionSpellsThem() {
        for value in [0, 1, 9, 10, 99, 100, 12345, Int.max, -1, -907, Int.min + 1] {
            var writer = JSONWriter(capacity: 1)
            writer.int(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
        }
        for value in [0.5, 0.05, 0.005, 0.0005, 0.95, 0.85, 0.1, 0.9 * 0.95, 0.25] {
            var writer = JSONWriter(capacity: 1)
            writer.double(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == value.description)
        }
    }
}
