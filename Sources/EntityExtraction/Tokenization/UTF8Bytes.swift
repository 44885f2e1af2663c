/// Reading Unicode scalars straight from valid UTF-8 bytes.
enum UTF8Bytes {
    /// The scalar value and byte length at `i`, a scalar boundary of valid UTF-8.
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12) | (UInt32(bytes[i + 2] & 0x3F) << 6)
            | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Whether the scalar is lower case, without a property lookup for ASCII.
    @inline(__always) static func isLowercase(_ value: UInt32) -> Bool {
        value < 0x80 ? (value &- 0x61 < 26) : (Unicode.Scalar(value)?.properties.isLowercase ?? false)
    }

    /// The number of scalars in valid UTF-8: every byte that does not continue a scalar.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 { count &+= 1 }
        return count
    }

    /// Scalar count and whether any scalar is lower case.
    @inline(__always) static func caseShape(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: Int, hasLowercase: Bool) {
        var scalars = 0
        var lower = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b &- 0x61 < 26 { lower = true }
                i &+= 1
            } else {
                let (value, length) = decode(bytes, at: i)
                if isLowercase(value) { lower = true }
                i &+= length
            }
            scalars &+= 1
        }
        return (scalars, lower)
    }
}
