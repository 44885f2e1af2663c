/// Everything the features need from one token's characters, computed in one pass with no
/// allocation.
struct TokenInfo: Sendable {
    /// Orthographic properties, as bits of `flags`.
    enum Flag: UInt16 {
        case initialCapital = 1
        case allCapitals = 2
        case hasLower = 4
        case hasDigit = 8
        case numeric = 16
        case hasHyphen = 32
        case hasPeriod = 64
        case punctuation = 128
        case hasApostrophe = 256
        case innerCapital = 512
        case hasLetter = 1024
    }

    var exact: UInt64 = 0
    var lower: UInt64 = 0
    /// First letter uppercase, the rest lowercase: how an all-caps headline word is usually written.
    var title: UInt64 = 0
    /// Character classes, runs cut at 4 ("Xxxxx", "dd-dd").
    var shape: UInt64 = 0
    /// Character classes, runs collapsed ("Xx", "d-d").
    var shortShape: UInt64 = 0
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var length: Int = 0
    var flags: UInt16 = 0

    @inline(__always)
    func has(_ flag: Flag) -> Bool { flags & flag.rawValue != 0 }

    init() {}

    init(_ token: Substring) {
        var scan = TokenScan()
        // Native strings are contiguous valid UTF-8: decoding the bytes directly is much
        // cheaper than iterating `unicodeScalars` of a Substring.
        let decoded = token.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            let count = bytes.count
            while i < count {
                let b = UInt32(bytes[i])
                if b < 0x80 {
                    scan.step(b)
                    i += 1
                } else if b >= 0xF0 && i + 3 < count {
                    scan.step((b & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F))
                    i += 4
                } else if b >= 0xE0 && i + 2 < count {
                    scan.step((b & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F))
                    i += 3
                } else if i + 1 < count {
                    scan.step((b & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F))
                    i += 2
                } else {
                    scan.step(0xFFFD)
                    i += 1
                }
            }
            return true
        }
        if decoded == nil {
            for scalar in token.unicodeScalars { scan.step(scalar.value) }
        }
        self = scan.info()
    }

    @inline(__always)
    static func upper(_ v: UInt32) -> UInt32 {
        if v >= 0x61 && v <= 0x7A { return v - 0x20 }
        if v >= 0xE0 && v <= 0xFE && v != 0xF7 { return v - 0x20 }
        return v
    }
}
