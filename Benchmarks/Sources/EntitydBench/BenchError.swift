/// A failure of the benchmark itself (missing data, a daemon that never answered), with a stable code.
struct BenchError: Error, CustomStringConvertible {
    var code: String
    var message: String

    var description: String { "\(code): \(message)" }
}
