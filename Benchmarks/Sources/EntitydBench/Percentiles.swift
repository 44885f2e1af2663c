/// Order statistics of a sample of durations (nanoseconds), nearest-rank method.
struct Percentiles: Codable, Sendable {
    var count: Int
    var p50Milliseconds: Double
    var p90Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double
    var meanMilliseconds: Double

    init(nanoseconds samples: [UInt64]) {
        precondition(!samples.isEmpty, "percentiles of an empty sample")
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            let index = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return Double(sorted[max(0, min(sorted.count - 1, index))]) / 1e6
        }
        count = sorted.count
        p50Milliseconds = rank(0.50)
        p90Milliseconds = rank(0.90)
        p99Milliseconds = rank(0.99)
        maxMilliseconds = Double(sorted[sorted.count - 1]) / 1e6
        meanMilliseconds = Double(sorted.reduce(0, +)) / Double(sorted.count) / 1e6
    }
}
