/// Why a model could not be loaded or built.
public struct RecognizerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable for callers that branch on it.
    public enum Code: String, Sendable, Hashable {
        case notAModel = "not-a-model"
        case unsupportedVersion = "unsupported-version"
        case truncated = "truncated"
        case checksumMismatch = "checksum-mismatch"
        case invalidContent = "invalid-content"
        case modelNotFound = "model-not-found"
        case invalidTrainingData = "invalid-training-data"
    }

    /// The kind of failure.
    public var code: Code
    /// What exactly failed, for people.
    public var message: String

    /// An error of kind `code`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Code and message on one line.
    public var description: String { "recognizer error (\(code.rawValue)): \(message)" }
}
