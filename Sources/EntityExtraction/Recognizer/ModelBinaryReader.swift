/// Reads what `ModelBinaryWriter` wrote, throwing `RecognizerError` on any inconsistency.
///
/// Reads borrowed bytes (valid only while the reader is used): loading copies each section
/// once into its own array, never the whole file.
struct ModelBinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var position: Int
    private let end: Int

    /// Verifies the trailing checksum, then reads from `start`.
    init(bytes: UnsafeRawBufferPointer, start: Int) throws {
        guard bytes.count >= start + 8 else {
            throw RecognizerError(.truncated, "model file is \(bytes.count) bytes, too short to be a model")
        }
        self.bytes = bytes
        self.position = start
        self.end = bytes.count - 8
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes[end + i]) << (8 * UInt64(i)) }
        guard stored == ModelBinaryWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<end])) else {
            throw RecognizerError(.checksumMismatch, "model file checksum does not match its content (corrupt or truncated file)")
        }
    }

    var isAtEnd: Bool { position == end }

    private mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, position + count <= end else {
            throw RecognizerError(.truncated, "model file ends inside a section at byte \(position)")
        }
        defer { position += count }
        return position..<(position + count)
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let range = try take(MemoryLayout<T>.size)
        var value: T = 0
        for (i, byte) in bytes[range].enumerated() { value |= T(truncatingIfNeeded: byte) << (8 * i) }
        return value
    }

    mutating func readFloat() throws -> Float { Float(bitPattern: try read(UInt32.self)) }

    mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        let range = try take(count)
        guard let string = String(validating: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw RecognizerError(.invalidContent, "model file holds a string that is not UTF-8")
        }
        return string
    }

    /// Reads a counted array of little-endian integers in one copy.
    mutating func readArray<T: FixedWidthInteger>(_: T.Type = T.self, maxCount: Int = 1 << 28) throws -> [T] {
        let count = Int(try read(UInt32.self))
        guard count <= maxCount else {
            throw RecognizerError(.invalidContent, "model file declares \(count) elements, more than the \(maxCount) allowed")
        }
        let range = try take(count * MemoryLayout<T>.size)
        var result = [T](unsafeUninitializedCapacity: count) { target, initialized in
            UnsafeMutableRawBufferPointer(target).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[range]))
            initialized = count
        }
        #if _endian(big)
        result = result.map { T(littleEndian: $0) }
        #endif
        return result
    }

    mutating func readFloatArray(maxCount: Int = 1 << 20) throws -> [Float] {
        try readArray(UInt32.self, maxCount: maxCount).map { Float(bitPattern: $0) }
    }
}
