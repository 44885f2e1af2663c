import Glibc

/// A claimed file after reading and extraction, waiting to be published or quarantined.
struct PreparedFile: Sendable {
    var file: ClaimedFile
    var outcome: Result<ProcessedArticle, ArticleFailure>
    /// Monotonic nanoseconds when its processing began.
    var started: UInt64
    /// The input still open from reading (its claim record is set through it), or -1 when
    /// it could not be read. Whoever ends the file's way through the pipeline closes it.
    var descriptor: Int32 = -1

    /// Closes the input's descriptor, if any.
    func closeDescriptor() {
        if descriptor >= 0 { close(descriptor) }
    }
}
