#if canImport(Glibc)
import Glibc
#endif

/// A libsystemd call that failed, with the errno it reported.
public struct SystemdError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The libsystemd function that failed, e.g. `sd_notify`.
    public var operation: String
    /// The (positive) errno value.
    public var code: Int32

    /// An error for `operation`, given libsystemd's negative-errno return value or a positive errno.
    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code < 0 ? -code : code
    }

    /// "<operation> failed: <strerror> (errno N)".
    public var description: String {
        "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
