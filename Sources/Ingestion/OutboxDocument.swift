import ArticleReading
import EntityExtraction
import Foundation

/// One outbox JSON object, in the contract's key order (see DESIGN.md, "Output contract"):
/// `schema_version`, `source`, `article`, `entities`, `extractor`. Nested objects from the
/// extractor are encoded with sorted keys so the output is byte-for-byte reproducible.
struct OutboxDocument: Sendable {
    /// Bumped when a field is renamed or removed; adding fields keeps it.
    static let schemaVersion = 1

    var name: String
    var bytes: Int
    var sha256: String
    var read: ReadArticle
    var receivedAt: String
    var result: ExtractionResult
    var extractorVersion: String
    var model: String
    var elapsedMilliseconds: Double

    /// The UTF-8 JSON text, one line, newline-terminated.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let article = String(decoding: try encoder.encode(result.article), as: UTF8.self)
        let entities = String(decoding: try encoder.encode(result.entities), as: UTF8.self)
        var source: [(String, String)] = [
            ("name", JSONText.string(name)),
            ("bytes", String(bytes)),
            ("sha256", JSONText.string(sha256)),
            ("format", JSONText.string(read.format.rawValue)),
            ("encoding", JSONText.string(read.encoding.rawValue)),
            ("received_at", JSONText.string(receivedAt)),
        ]
        if let url = read.url { source.append(("url", JSONText.string(url))) }
        if let published = read.published { source.append(("published", JSONText.string(published))) }
        let document = JSONText.object([
            ("schema_version", String(Self.schemaVersion)),
            ("source", JSONText.object(source)),
            ("article", article),
            ("entities", entities),
            ("extractor", JSONText.object([
                ("name", JSONText.string("entityd")),
                ("version", JSONText.string(extractorVersion)),
                ("model", JSONText.string(model)),
                ("elapsed_ms", JSONText.milliseconds(elapsedMilliseconds)),
            ])),
        ])
        return Array((document + "\n").utf8)
    }
}
