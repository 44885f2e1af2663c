public import ArticleReading
public import EntityExtraction
import Foundation

/// One outbox JSON object, in the contract's key order (see DESIGN.md, "Output contract"):
/// `schema_version`, `source`, `article`, `entities`, `extractor`. Nested objects from the
/// extractor are encoded with sorted keys so the output is byte-for-byte reproducible.
public struct OutboxDocument: Sendable {
    /// Bumped when a field is renamed or removed; adding fields keeps it.
    public static let schemaVersion = 1

    public var name: String
    public var bytes: Int
    public var sha256: String
    public var read: ReadArticle
    public var receivedAt: String
    public var result: ExtractionResult
    public var extractorVersion: String
    public var model: String
    public var elapsedMilliseconds: Double

    /// The UTF-8 JSON text, one line, newline-terminated.
    public func encoded() throws -> [UInt8] {
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
