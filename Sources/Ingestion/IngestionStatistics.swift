/// Processed, failed and queued counts, as reported in systemd's STATUS=.
public struct IngestionStatistics: Sendable, Hashable {
    /// Results written since start.
    public var processed = 0
    /// Inputs quarantined since start.
    public var failed = 0
    /// Claimed and waiting for a worker.
    public var queued = 0
    /// Being worked on now.
    public var inFlight = 0
    /// True while results wait for the outbox (or failed/) to become writable again.
    public var waitingForStorage = false

    public init() {}

    /// One line for STATUS= and logs.
    public var summary: String {
        var text = "processed \(processed), failed \(failed), queued \(queued), in flight \(inFlight)"
        if waitingForStorage { text += "; waiting for the outbox to become writable" }
        return text
    }
}
