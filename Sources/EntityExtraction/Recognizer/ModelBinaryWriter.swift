/// Appends little-endian values to a byte buffer: the writing half of the model file format.
struct ModelBinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Float) { write(value.bitPattern) }

    mutating func write(_ string: String) {
        let utf8 = Array(string.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Writes a count followed by the elements' raw little-endian bytes.
    mutating func write<T: FixedWidthInteger>(array: [T]) {
        write(UInt32(array.count))
        for value in array { write(value) }
    }

    mutating func write(array: [Float]) { write(array: array.map(\.bitPattern)) }

    /// Appends the checksum of everything written so far; `ModelBinaryReader` verifies it.
    mutating func seal() { write(ModelBinaryWriter.checksum(bytes[...])) }

    static func checksum(_ data: ArraySlice<UInt8>) -> UInt64 {
        data.withUnsafeBytes { checksum($0) }
    }

    /// FNV-1a over the bytes.
    static func checksum(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = FeatureHash.seed
        for byte in buffer { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
