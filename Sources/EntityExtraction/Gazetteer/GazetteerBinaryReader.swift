/// Reads the little-endian values of `gazetteer.bin`; anything short or out of range throws
/// `ExtractionError.resourceCorrupt` (a bad resource is a build defect, never a crash).
struct GazetteerBinaryReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    private mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= bytes.count - position else {
            throw ExtractionError(.resourceCorrupt, "gazetteer.bin ends early (at byte \(position))")
        }
        defer { position += count }
        return position..<(position + count)
    }

    /// `count` bytes as they are (magic numbers, name blobs).
    mutating func bytes(_ count: Int) throws -> [UInt8] {
        Array(bytes[try take(count)])
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let range = try take(MemoryLayout<T>.size)
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: T.self)) }
    }

    /// `count` consecutive little-endian integers, copied in one go.
    mutating func integers<T: FixedWidthInteger>(_: T.Type = T.self, count: Int) throws -> [T] {
        let range = try take(count * MemoryLayout<T>.size)
        return bytes.withUnsafeBytes { source in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range]))
                for i in 0..<count { buffer[i] = T(littleEndian: buffer[i]) }
                initialized = count
            }
        }
    }

    /// A count of elements no larger than the bytes left could hold (rejects absurd counts early).
    mutating func count() throws -> Int {
        let count = Int(try integer(UInt32.self))
        guard count <= bytes.count - position else {
            throw ExtractionError(.resourceCorrupt, "gazetteer.bin declares \(count) entries at byte \(position), more than it holds")
        }
        return count
    }

    /// A string: a `UInt16` byte count, then UTF-8.
    mutating func string() throws -> String {
        let range = try take(Int(try integer(UInt16.self)))
        // Through a buffer pointer: the generic slice path costs ~5x more per string.
        guard let string = bytes.withUnsafeBufferPointer({ String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }) else {
            throw ExtractionError(.resourceCorrupt, "gazetteer.bin holds a string that is not UTF-8 at byte \(range.lowerBound)")
        }
        return string
    }
}
