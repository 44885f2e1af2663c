#if canImport(Glibc)
import Glibc
#endif

/// One journal record's `NAME=value` fields, packed into a single byte buffer with the
/// field boundaries beside it, as `sd_journal_sendv` takes them (one iovec per field).
struct JournalRecord {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        ends.reserveCapacity(16)
    }

    /// Number of fields.
    var count: Int { ends.count }

    /// Adds `name=value` (the name must already be a valid journal field name).
    mutating func append(_ name: String, _ value: String) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(contentsOf: value.utf8)
        ends.append(bytes.count)
    }

    /// Calls `body` with one iovec per field, pointing into the buffer (valid only inside).
    mutating func withIOVectors<Result>(_ body: (UnsafeMutableBufferPointer<iovec>) -> Result) -> Result {
        let ends = self.ends
        return bytes.withUnsafeMutableBytes { raw in
            withUnsafeTemporaryAllocation(of: iovec.self, capacity: max(1, ends.count)) { vectors in
                var start = 0
                for (index, end) in ends.enumerated() {
                    vectors[index] = iovec(iov_base: raw.baseAddress! + start, iov_len: end - start)
                    start = end
                }
                return body(UnsafeMutableBufferPointer(rebasing: vectors[0..<ends.count]))
            }
        }
    }
}
