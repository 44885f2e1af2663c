/// The outcome of processing one article.
public struct ProcessedArticle: Sendable {
    /// The outbox JSON (newline-terminated).
    public var json: [UInt8]
    /// SHA-256 of the input bytes, hex.
    public var sha256: String
    /// Number of entities found.
    public var entityCount: Int
    /// Time spent in the extractor.
    public var elapsedMilliseconds: Double
}
