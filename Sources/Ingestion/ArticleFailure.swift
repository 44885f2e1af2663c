/// Why one article could not be processed; it goes to `failed/` with this as its reason.
public struct ArticleFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pipeline step that failed, reported as `step` in the error file.
    public enum Step: String, Sendable, Hashable {
        case claim, read, decode, extract
    }

    /// Where in the pipeline it failed.
    public var step: Step
    /// Stable machine-readable reason (`symlink`, `too_large`, `undecodable`, …).
    public var code: String
    /// Human-readable detail.
    public var message: String

    /// A failure at `step` with a stable code and a message.
    public init(step: Step, code: String, message: String) {
        self.step = step
        self.code = code
        self.message = message
    }

    /// `step: message`, for logs (`ENTITYD_ERROR`).
    public var description: String { "\(step.rawValue): \(message)" }
}
