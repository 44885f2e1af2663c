/// Why bytes could not be turned into an article; `code` is stable for logs and error files.
public struct ArticleReadingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Machine-readable reason.
    public enum Code: String, Sendable, Hashable {
        /// The bytes are not text in any encoding entityd reads (NUL or control bytes, bad UTF-16).
        case undecodable
        /// The format's structure is broken (malformed JSON, wrong field types).
        case malformed
        /// The file name has no extension entityd reads.
        case unsupportedFormat = "unsupported_format"
        /// Decoding worked but there is no text to extract from.
        case empty
    }

    /// Why, for programs (`code` in the error record).
    public var code: Code
    /// Human-readable detail.
    public var message: String

    /// An error with its code and detail.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`, for logs.
    public var description: String { "\(code.rawValue): \(message)" }
}
