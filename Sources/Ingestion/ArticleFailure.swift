/// Why one article could not be processed; it goes to `failed/` with this as its reason.
public struct ArticleFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pipeline step that failed, reported as `step` in the error file.
    public enum Step: String, Sendable, Hashable {
        case claim, read, decode, extract
    }

    public var step: Step
    /// Stable machine-readable reason (`symlink`, `too_large`, `undecodable`, …).
    public var code: String
    /// Human-readable detail.
    public var message: String

    public init(step: Step, code: String, message: String) {
        self.step = step
        self.code = code
        self.message = message
    }

    public var description: String { "\(step.rawValue): \(message)" }
}
