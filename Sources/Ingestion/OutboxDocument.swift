import ArticleReading
import EntityExtraction

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
    ///
    /// The extractor's objects are written by `JSONWriter`, byte for byte as `JSONEncoder` with
    /// sorted keys would (pinned by `JSONWriterTests`), at a small fraction of its cost.
    func encoded() throws -> [UInt8] {
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
        let extractor = JSONText.object([
            ("name", JSONText.string("entityd")),
            ("version", JSONText.string(extractorVersion)),
            ("model", JSONText.string(model)),
            ("elapsed_ms", JSONText.milliseconds(elapsedMilliseconds)),
        ])
        var writer = JSONWriter(capacity: 512 + result.entities.count * 200)
        writer.raw("{\"schema_version\":")
        writer.int(Self.schemaVersion)
        writer.raw(",\"source\":")
        writer.bytes += JSONText.object(source).utf8
        writer.raw(",\"article\":")
        result.article.write(to: &writer)
        writer.raw(",\"entities\":")
        ExtractionResult.write(result.entities, to: &writer)
        writer.raw(",\"extractor\":")
        writer.bytes += extractor.utf8
        writer.raw("}\n")
        return writer.bytes
    }
}
