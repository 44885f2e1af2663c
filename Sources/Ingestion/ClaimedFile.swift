/// A file this instance has claimed into its `processing/` directory.
struct ClaimedFile: Sendable {
    /// The input file name (as dropped into the inbox).
    var name: String
    /// Unique within the instance: names the claim record.
    var job: UInt64
    /// When it was claimed, RFC 3339 (`source.received_at`).
    var receivedAt: String
}

/// A claimed file after reading and extraction, waiting to be published or quarantined.
struct PreparedFile: Sendable {
    var file: ClaimedFile
    var outcome: Result<ProcessedArticle, ArticleFailure>
    /// Monotonic nanoseconds when its processing began.
    var started: UInt64
}

/// What happened when the claiming thread tried to claim an inbox name.
enum ClaimOutcome: Equatable {
    case claimed
    /// Not in the inbox (any more): another instance took it, or it was a duplicate event.
    case gone
    /// A writer still has it open; its close will announce it again.
    case beingWritten
    /// A file of this name is already in flight here; try again when it is released.
    case collision
    case failed(SystemCallError)
}

/// Processed, failed and queued counts, as reported in systemd's STATUS=.
public struct IngestionStatistics: Sendable, Hashable {
    public var processed = 0
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
