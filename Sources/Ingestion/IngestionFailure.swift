/// The pipeline ended for a reason that needs a restart (the inbox was lost).
public struct IngestionFailure: Error, Sendable, CustomStringConvertible {
    /// What was lost.
    public var description: String
    init(_ description: String) { self.description = description }
}
