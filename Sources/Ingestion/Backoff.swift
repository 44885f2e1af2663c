/// Retry delays for a file waiting on storage: doubling from `first` up to `limit`.
struct Backoff {
    let first: Double
    let limit: Double
    private(set) var next: Double

    init(first: Double = 0.25, limit: Double = 30) {
        self.first = first
        self.limit = limit
        self.next = first
    }

    /// The delay before the next attempt, in seconds.
    mutating func delay() -> Double {
        defer { next = min(limit, next * 2) }
        return next
    }
}
