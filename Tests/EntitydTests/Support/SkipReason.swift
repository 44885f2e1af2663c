/// Why a test could not run on this machine (printed, the test then passes vacuously).
struct SkipReason: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
