/// A file this instance has claimed into its `processing/` directory.
struct ClaimedFile: Sendable {
    /// The input file name (as dropped into the inbox).
    var name: String
    /// Unique within the instance: names the claim record.
    var job: UInt64
    /// When it was claimed, RFC 3339 (`source.received_at`).
    var receivedAt: String
    /// The input as the claim opened it (for its lease), kept for reading instead of opening
    /// the name again; -1 when none. The worker takes it over (`ArticleFile.readClaimed`).
    var descriptor: Int32 = -1
}
