import ArticleReading
public import EntityExtraction
import Glibc

/// Bytes of one article file → outbox JSON: read the format, decode, extract, encode.
/// The daemon's workers and `entityd extract` both go through here.
public struct ArticleProcessor: Sendable {
    /// The loaded extractor (thread-safe, shared by all workers).
    public let extractor: Extractor
    /// entityd's version, reported in `extractor.version`.
    public let version: String

    /// A processor over a loaded extractor, reporting `version` as entityd's.
    public init(extractor: Extractor, version: String) {
        self.extractor = extractor
        self.version = version
    }

    /// The processed article, or the step at which it failed.
    public func process(_ bytes: [UInt8], name: String, receivedAt: String) throws(ArticleFailure) -> ProcessedArticle {
        let read: ReadArticle
        do {
            read = try ArticleReader.read(bytes, fileName: name)
        } catch {
            throw ArticleFailure(step: .decode, code: error.code.rawValue, message: error.message)
        }
        let started = Self.monotonicNow()
        let result: ExtractionResult
        do {
            result = try extractor.extract(Article(text: read.text, title: read.title))
        } catch let error as ExtractionError where error.code == .timeLimitExceeded {
            throw ArticleFailure(step: .extract, code: "time_limit", message: error.message)
        } catch {
            throw ArticleFailure(step: .extract, code: "extraction_failed", message: String(describing: error))
        }
        let elapsed = Double(Self.monotonicNow() - started) / 1_000_000
        let sha256 = SHA256.hexDigest(of: bytes)
        let document = OutboxDocument(
            name: name, bytes: bytes.count, sha256: sha256, read: read, receivedAt: receivedAt,
            result: result, extractorVersion: version, model: extractor.modelName, elapsedMilliseconds: elapsed)
        do {
            return ProcessedArticle(json: try document.encoded(), sha256: sha256, entityCount: result.entities.count, elapsedMilliseconds: elapsed)
        } catch {
            throw ArticleFailure(step: .extract, code: "encoding_failed", message: "the result could not be encoded as JSON: \(error)")
        }
    }

    /// Nanoseconds on the monotonic clock.
    static func monotonicNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
