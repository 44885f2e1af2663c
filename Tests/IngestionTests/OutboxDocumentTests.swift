import ArticleReading
import EntityExtraction
import Foundation
import Testing
@testable import Ingestion

/// The outbox writer must keep the exact bytes it wrote when Foundation's `JSONEncoder`
/// (sorted keys, unescaped slashes) encoded the extractor's objects.
@Suite struct OutboxDocumentTests {
    /// The outbox JSON as it was built before the hand-written writer: the reference.
    static func referenceEncoding(_ d: OutboxDocument) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let article = String(decoding: try encoder.encode(d.result.article), as: UTF8.self)
        let entities = String(decoding: try encoder.encode(d.result.entities), as: UTF8.self)
        var source: [(String, String)] = [
            ("name", JSONText.string(d.name)), ("bytes", String(d.bytes)), ("sha256", JSONText.string(d.sha256)),
            ("format", JSONText.string(d.read.format.rawValue)), ("encoding", JSONText.string(d.read.encoding.rawValue)),
            ("received_at", JSONText.string(d.receivedAt)),
        ]
        if let url = d.read.url { source.append(("url", JSONText.string(url))) }
        if let published = d.read.published { source.append(("published", JSONText.string(published))) }
        let document = JSONText.object([
            ("schema_version", String(OutboxDocument.schemaVersion)), ("source", JSONText.object(source)),
            ("article", article), ("entities", entities),
            ("extractor", JSONText.object([
                ("name", JSONText.string("entityd")), ("version", JSONText.string(d.extractorVersion)),
                ("model", JSONText.string(d.model)), ("elapsed_ms", JSONText.milliseconds(d.elapsedMilliseconds)),
            ])),
        ])
        return Array((document + "\n").utf8)
    }

    static let articles: [(name: String, input: String)] = [
        ("bakhmut.txt", (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/examples/bakhmut.txt"), encoding: .utf8))
            ?? "Bakhmut fell, Volodymyr Nazarenko said."),
        ("we\"ird\u{2028}name\\.txt", "Chancellor Olaf Scholz met \"Emmanuel Macron\" in Paris on Jan. 5, 2023.\n\tHe paid $1.2 billion."),
        ("c.json", #"{"title":"A / \"T\"","text":"Lagos is large.\nKiev\u0001 is Kyiv; 40 km away, 5%.","url":"https://example.org/x","published":"2026-11-24"}"#),
        ("plain.txt", "nothing named here"),
    ]

    @Test(arguments: articles)
    func encodedBytesEqualTheJSONEncoderReference(article: (name: String, input: String)) throws {
        let extractor = try Extractor()
        let read = try ArticleReader.read(Array(article.input.utf8), fileName: article.name)
        let result = try extractor.extract(Article(text: read.text, title: read.title))
        let document = OutboxDocument(
            name: article.name, bytes: article.input.utf8.count, sha256: "00ff", read: read, receivedAt: "2026-11-24T16:02:11.123Z",
            result: result, extractorVersion: "9.9.9", model: extractor.modelName, elapsedMilliseconds: 1.2345)
        #expect(try document.encoded() == (try Self.referenceEncoding(document)))
        #expect(article.name == "plain.txt" || !result.entities.isEmpty)
    }

    /// The byte writer behind the envelope must spell every string as `JSONText.string` does.
    @Test(arguments: ["", "plain.txt", "a\"b\\c\nd\re\tf\u{08}\u{0C}g", "\u{01}\u{1F}\u{7F}", "x\u{2028}y\u{2029}z\u{2027}\u{202A}",
                      "€ ж 😀 \u{202E}", "\u{2028}", "end\u{E2}", String(repeating: "ab\u{00}", count: 20)])
    func envelopeStringsAreSpelledAsJSONTextSpellsThem(value: String) {
        var bytes: [UInt8] = []
        JSONText.appendString(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONText.string(value))
    }
}
