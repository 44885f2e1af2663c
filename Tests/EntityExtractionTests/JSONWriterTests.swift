import Foundation
import Testing
@testable import EntityExtraction

/// The hand-written JSON writer must produce exactly the bytes of Foundation's
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (the output contract
/// was defined by that encoder; consumers may hash or diff outbox files).
@Suite struct JSONWriterTests {
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    /// The CoNLL-2003 dev documents as text: `<repo>/../shared/data`, or `ENTITYD_DATA_DIR`.
    static func conllDevDocuments() throws -> [String] {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = ProcessInfo.processInfo.environment["ENTITYD_DATA_DIR"].map { URL(fileURLWithPath: $0) }
            ?? repo.deletingLastPathComponent().appendingPathComponent("shared/data")
        let text = try String(contentsOf: data.appendingPathComponent("conll2003/dev.conll"), encoding: .utf8)
        return try ConllCorpus(text: text).documents.map { RawTextEvaluation.document($0).text }
    }

    @Test func doublesAreSpelledAsJSONEncoderSpellsThem() throws {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.08, 0.0001, 0.001, 0.05, 0.0005, 0.9999, 0.855, 0.9 * 0.95, 0.95 * 0.9, 0.1 + 0.2, 1e-5, 1e-7, 123_456.789, 1e15, 1e16, 1e21, 2.5e-300,
                                999_999_999_999_999, 9_007_199_254_740_992, 1e300, -1e15, -37.6173, 55.75222, 0.9 * 0.98, 1.0 / 3]
        var random = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let raw = random.next()
            values.append(Double(raw % 1_000_000) / Double(1 + raw % 977))
            values.append(Double(raw % 10_000) / [10.0, 100, 1000, 10_000, 100_000][Int(raw >> 60) % 5])  // few decimals
            values.append(Double(bitPattern: raw & 0x7FEF_FFFF_FFFF_FFFF | (raw & 1) << 63))  // any finite value
        }
        for value in values {
            var writer = JSONWriter()
            writer.double(value)
            let expected = String(decoding: try Self.foundation([value]).dropFirst().dropLast(), as: UTF8.self)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected, "\(value)")
        }
    }

    @Test func integersAreSpelledAsJSONEncoderSpellsThem() throws {
        // Every digit count's first and last value (the cursor sizes a number before writing it).
        var powers: [Int] = []
        var power = 1
        for _ in 0..<19 {
            powers += [power, power - 1, -power, 1 - power]
            if power <= Int.max / 10 { power *= 10 }
        }
        for value in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, Int.max - 1, Int.min + 1] + powers {
            var writer = JSONWriter()
            writer.int(value)
            #expect(writer.bytes == Array(try Self.foundation([value]).dropFirst().dropLast()))
        }
    }

    @Test func stringsWithEscapesAreEscapedAsJSONEncoderEscapesThem() throws {
        let pool: [Unicode.Scalar] = (0..<0x20).map { Unicode.Scalar($0)! } + [
            "\"", "\\", "/", "a", "Z", " ", "\u{7F}", "\u{80}", "é", "’", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{301}",
            "€", "😀", "\u{10FFFF}", "<", ">", "&", "'",
        ]
        var random = SplitMix64(seed: 11)
        var strings = ["", "plain", "a\"b\\c/d\ne\r\nf\tg\u{0}h\u{1F}"]
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 12) { s.append(pool[Int(random.next() % UInt64(pool.count))]) }
            strings.append(String(s))
        }
        for string in strings {
            var writer = JSONWriter()
            writer.string(string)
            #expect(writer.bytes == Array(try Self.foundation([string]).dropFirst().dropLast()), "\(string.debugDescription)")
            var fromSubstring = JSONWriter()
            fromSubstring.string(Substring(string))
            #expect(fromSubstring.bytes == writer.bytes)
        }
    }

    @Test func longStringsWithOneEscapeAnywhereAreEscapedAsJSONEncoderEscapesThem() throws {
        // The writer copies clean runs eight bytes at a time: put each special byte at every offset.
        let specials = ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "é", "’", " ", "!", "#", "[", "]", "|"]
        for length in 0..<34 {
            for special in specials {
                for at in 0...length {
                    var string = String(repeating: "a", count: length)
                    string.insert(contentsOf: special, at: string.index(string.startIndex, offsetBy: at))
                    var writer = JSONWriter(capacity: 1)
                    writer.string(string)
                    #expect(writer.bytes == Array(try Self.foundation([string]).dropFirst().dropLast()), "\(string.debugDescription)")
                }
            }
        }
    }

    @Test func resultsWithEveryFieldEncodeAsJSONEncoderEncodesThem() throws {
        let result = ExtractionResult(
            article: ArticleSummary(title: "A \"title\"\n", language: "en", characters: 12, sentences: 2, tokens: 5),
            entities: [
                Entity(id: 0, name: "Kyiv", type: .gpe, salience: 0.75, mentions: [
                    Mention(text: "Kiev", start: 0, end: 4, sentence: 0, confidence: 0.93),
                    Mention(text: "KYIV", start: 20, end: 24, sentence: 1, confidence: 1),
                ], geo: GeoReference(geonameid: 703_448, countryCode: "UA", latitude: 50.45466, longitude: 30.5238)),
                Entity(id: 1, name: "Ukraine", type: .gpe, salience: 0.25, mentions: [
                    Mention(text: "Ukraine", start: 30, end: 37, sentence: 1, confidence: 0.81),
                ], geo: GeoReference(geonameid: 690_791, countryCode: "UA", latitude: nil, longitude: nil)),
                Entity(id: 2, name: "two days", type: .date, salience: 0, mentions: [
                    Mention(text: "two\ndays", start: 40, end: 48, sentence: 1, confidence: 0.8),
                ]),
            ])
        #expect(result.jsonBytes == (try Self.foundation(result)))
        let untitled = ExtractionResult(article: ArticleSummary(title: nil, language: "en", characters: 0, sentences: 0, tokens: 0), entities: [])
        #expect(untitled.jsonBytes == (try Self.foundation(untitled)))
    }

    @Test func extractedResultsOfTheCoNLLDevDocumentsAndExamplesEncodeAsJSONEncoderEncodesThem() throws {
        let extractor = try SharedExtractor.get()
        var texts = try Self.conllDevDocuments()
        texts.append(try ExampleFiles.text("bakhmut.txt"))
        #expect(texts.count > 200)
        for text in texts {
            let result = try extractor.extract(Article(text: text, title: String(text.prefix(40))))
            let expected = try Self.foundation(result)
            #expect(result.jsonBytes == expected, "\(String(decoding: expected.prefix(200), as: UTF8.self))")
        }
    }
}
