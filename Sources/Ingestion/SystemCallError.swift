import Glibc

/// A failed system call: which operation on what, and the `errno` it set.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was attempted, e.g. `rename processing/x.txt → archive/x.txt`.
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    /// An error for `operation` with the current `errno`.
    init(_ operation: String) {
        self.init(operation, code: errno)
    }

    /// An error for `operation` with a given `errno`.
    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// The C library's text for the error number.
    public var reason: String { String(cString: strerror(code)) }

    /// `operation: reason (errno N)`.
    public var description: String { "\(operation): \(reason) (errno \(code))" }

    /// Errors that mean the storage is full, read-only or not writable: a condition of the
    /// directory, not of the article, so the article waits instead of being quarantined.
    public var isStorageCondition: Bool {
        [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO, ENOENT, ENOTDIR, EMFILE, ENFILE, ENOMEM].contains(code)
    }
}
