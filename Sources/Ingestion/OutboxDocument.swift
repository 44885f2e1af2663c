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
    /// sorted keys would (pinned by `JSONWriterTests`), at a small fraction of its cost; the
    /// envelope's strings as `JSONText.string` spells them (pinned by `OutboxDocumentTests`).
    func encoded() throws -> [UInt8] {
        var writer = JSONWriter(capacity: 768 + result.entities.count * 200)
        writer.raw("{\"schema_version\":")
        writer.int(Self.schemaVersion)
        writer.raw(",\"source\":{\"name\":")
        JSONText.appendString(name, to: &writer.bytes)
        writer.raw(",\"bytes\":")
        writer.int(bytes)
        writer.raw(",\"sha256\":")
        JSONText.appendString(sha256, to: &writer.bytes)
        writer.raw(",\"format\":")
        JSONText.appendString(read.format.rawValue, to: &writer.bytes)
        writer.raw(",\"encoding\":")
        JSONText.appendString(read.encoding.rawValue, to: &writer.bytes)
        writer.raw(",\"received_at\":")
        JSONText.appendString(receivedAt, to: &writer.bytes)
        if let url = read.url {
            writer.raw(",\"url\":")
            JSONText.appendString(url, to: &writer.bytes)
        }
        if let published = read.published {
            writer.raw(",\"published\":")
            JSONText.appendString(published, to: &writer.bytes)
        }
        writer.raw("},\"article\":")
        result.article.write(to: &writer)
        writer.raw(",\"entities\":")
        ExtractionResult.write(result.entities, to: &writer)
        writer.raw(",\"extractor\":{\"name\":\"entityd\",\"version\":")
        JSONText.appendString(extractorVersion, to: &writer.bytes)
        writer.raw(",\"model\":")
        JSONText.appendString(model, to: &writer.bytes)
        writer.raw(",\"elapsed_ms\":")
        writer.bytes += JSONText.milliseconds(elapsedMilliseconds).utf8
        writer.raw("}}\n")
        return writer.bytes
    }
}
