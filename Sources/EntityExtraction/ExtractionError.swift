/// Why extraction or loading the extractor failed.
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, stable for programs to match on.
    public enum Code: String, Sendable, Hashable {
        /// The article took longer than `ExtractorConfiguration.timeLimit`.
        case timeLimitExceeded = "time-limit-exceeded"
        /// A user dictionary line is malformed; the message names source and line.
        case badDictionaryLine = "bad-dictionary-line"
        /// A bundled resource file was not found.
        case resourceMissing = "resource-missing"
        /// A bundled resource file is malformed.
        case resourceCorrupt = "resource-corrupt"
    }

    public var code: Code
    public var message: String
    /// For `badDictionaryLine`: the dictionary's source name and 1-based line number.
    public var source: String?
    public var line: Int?

    public init(_ code: Code, _ message: String, source: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.source = source
        self.line = line
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
