/// A claimed file after reading and extraction, waiting to be published or quarantined.
struct PreparedFile: Sendable {
    var file: ClaimedFile
    var outcome: Result<ProcessedArticle, ArticleFailure>
    /// Monotonic nanoseconds when its processing began.
    var started: UInt64
}
