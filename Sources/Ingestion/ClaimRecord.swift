import Glibc
import Synchronization

/// The note a worker leaves on a claimed file before its result appears in the outbox: the
/// extended attribute `user.entityd.output` holding the result's name (it stays on the
/// archived input, linking it to its result). Where that is impossible (no user xattrs on
/// the file system, or a file owned by another user), a file `.out.<job>` in the instance
/// directory holds `<output name> NUL <input name>`.
///
/// After a crash between publishing the result and archiving the input, the note tells the
/// recovering instance that the result already exists, so it is not written twice.
enum ClaimRecord {
    static let prefix = ".out."
    static let attribute = "user.entityd.output"
    /// Whether this process ever had to write a record file: until then (xattrs work, the
    /// normal case) there is nothing to remove and `remove` saves its system call.
    private static let recordFilesWritten = Atomic<Bool>(false)

    static func fileName(job: UInt64) -> String { prefix + String(job) }

    /// Records `output` for the claimed `input`: on `descriptor` when the caller has the input
    /// open (-1: it is opened by name here).
    static func write(directory: Int32, job: UInt64, output: String, input: String, descriptor: Int32 = -1) throws(SystemCallError) {
        let fd = descriptor >= 0 ? descriptor : openat(directory, input, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd >= 0 {
            defer { if descriptor < 0 { close(fd) } }
            // Fails without xattr support, or on a file someone else owns (user xattrs need
            // write permission): then the record file does the job.
            if FileSystem.setAttribute(fd, attribute, Array(output.utf8)) { return }
        }
        try writeFile(directory: directory, job: job, output: output, input: input)
    }

    /// The output name recorded on `input` as an extended attribute, if any.
    static func recordedOutput(directory: Int32, input: String) -> String? {
        let fd = openat(directory, input, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return FileSystem.attribute(fd, attribute).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func writeFile(directory: Int32, job: UInt64, output: String, input: String) throws(SystemCallError) {
        recordFilesWritten.store(true, ordering: .sequentiallyConsistent)
        let fd = openat(directory, fileName(job: job), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SystemCallError("write claim record for \(input.debugDescription)") }
        defer { close(fd) }
        try FileSystem.writeAll(fd, Array(output.utf8) + [0] + Array(input.utf8), "claim record")
    }

    static func remove(directory: Int32, job: UInt64) {
        guard recordFilesWritten.load(ordering: .sequentiallyConsistent) else { return }
        _ = unlinkat(directory, fileName(job: job), 0)
    }

    /// All records in a directory: input name → output name.
    static func readAll(directory: Int32) -> [String: String] {
        var records: [String: String] = [:]
        try? FileSystem.forEachEntry(in: directory) { raw in
            let name = String(decoding: raw, as: UTF8.self)
            guard name.hasPrefix(prefix), let bytes = readSmallFile(directory: directory, name: name),
                  let separator = bytes.firstIndex(of: 0) else { return true }
            records[String(decoding: bytes[separator...].dropFirst(), as: UTF8.self)] = String(decoding: bytes[..<separator], as: UTF8.self)
            return true
        }
        return records
    }

    /// Up to 64 KiB of a regular file (records and results are small or only their start matters).
    static func readSmallFile(directory: Int32, name: String, limit: Int = 65_536) -> [UInt8]? {
        let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, limit) }
        guard count >= 0 else { return nil }
        return Array(buffer.prefix(count))
    }
}
