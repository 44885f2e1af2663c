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

    /// `caseShape`'s `scalars > 1` and `hasLowercase`, decided at the first lower-case ASCII
    /// letter when the token starts with an ASCII byte (then two or more bytes are two or more scalars).
    @inline(__always) static func wordCase(_ bytes: UnsafeBufferPointer<UInt8>) -> (longerThanOne: Bool, hasLowercase: Bool) {
        guard bytes.count >= 2, bytes[0] < 0x80 else {
            let (scalars, hasLowercase) = caseShape(bytes)
            return (scalars > 1, hasLowercase)
        }
        for b in bytes {
            if b &- 0x61 < 26 { return (true, true) }
            if b >= 0x80 { return (true, caseShape(bytes).hasLowercase) }
        }
        return (true, false)
    }

    /// The ASCII bytes a token is canonically equal to, if any: the token itself when ASCII, or
    /// with the three scalars whose canonical decomposition is ASCII replaced (KELVIN SIGN → K,
    /// GREEK VARIA → `, GREEK QUESTION MARK → ;). `nil` for every other non-ASCII token.
    static func asciiForm(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(token.count)
        var i = 0
        while i < token.count {
            let (value, length) = UTF8Bytes.decode(token, at: i)
            switch value {
            case 0..<0x80: ascii.append(UInt8(value))
            case 0x212A: ascii.append(UInt8(ascii: "K"))
            case 0x1FEF: ascii.append(UInt8(ascii: "`"))
            case 0x037E: ascii.append(UInt8(ascii: ";"))
            default: return nil
            }
            i += length
        }
        return ascii
    }

    /// FNV-1a of the bytes.
    @inline(__always) static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// Whether the bytes hold ’ (U+2019: E2 80 99).
    static func containsCurlyApostrophe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 { return true }
            i += 1
        }
        return false
    }

    /// `first?.isUppercase` of the text: decided on the first byte when the first character is
    /// one ASCII scalar (the next byte, if any, is ASCII too), else by `Character`.
    static func startsUppercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 && (bytes.count == 1 || bytes[1] < 0x80) { return first &- 0x41 < 26 }
        return String(decoding: bytes, as: UTF8.self).first?.isUppercase ?? false
    }

    /// `String.isShouted` of the text: at least two letters and none in lower case.
    static func isShouted(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0
        for b in bytes {
            if b >= 0x80 { return String(decoding: bytes, as: UTF8.self).isShouted }
            if b &- 0x61 < 26 { return false }
            if b &- 0x41 < 26 { letters += 1 }
        }
        return letters >= 2
    }

    /// The bytes of `String.uppercased()` of ASCII text (ASCII letters only change); `false`,
    /// writing nothing, for non-ASCII text.
    static func appendASCIIUppercased(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        for b in bytes { out.append(b &- 0x61 < 26 ? b &- 0x20 : b) }
        return true
    }
}

extension String {
    /// `uppercased()`, without the general Unicode path for ASCII text.
    var fastUppercased: String {
        var copy = self
        return copy.withUTF8 { bytes -> String? in
            var hasLower = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if b &- 0x61 < 26 { hasLower = true }
            }
            guard hasLower else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for k in 0..<bytes.count { out[k] = bytes[k] &- 0x61 < 26 ? bytes[k] &- 0x20 : bytes[k] }
                return bytes.count
            }
        } ?? uppercased()
    }
}
