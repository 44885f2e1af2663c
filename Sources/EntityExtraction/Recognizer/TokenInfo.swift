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
        var exact = FeatureHash.seed
        var lower = FeatureHash.seed
        var title = FeatureHash.seed
        var shape = FeatureHash.seed
        var shortShape = FeatureHash.seed
        var previousClass: UInt32 = 0
        var run = 0
        var last: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)  // last four lowercase values, newest first
        var letters = 0, uppers = 0, lowers = 0, digits = 0, others = 0
        var flags: UInt16 = 0
        var n = 0
        func step(_ v: UInt32) {
            let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
            let l = CaseFolding.lower(v)
            let isUpper: Bool, isLower: Bool
            if v < 0x80 {
                isUpper = v >= 0x41 && v <= 0x5A
                isLower = v >= 0x61 && v <= 0x7A
            } else {
                isUpper = l != v || scalar.properties.isUppercase
                isLower = !isUpper && scalar.properties.isLowercase
            }
            let isDigit = v >= 0x30 && v <= 0x39
            let cls: UInt32
            if isUpper { cls = 0x58; uppers += 1; letters += 1 }
            else if isLower { cls = 0x78; lowers += 1; letters += 1 }
            else if isDigit { cls = 0x64; digits += 1 }
            else if v < 0x80 { cls = v; others += 1 }
            else if scalar.properties.isAlphabetic { cls = 0x61; letters += 1; lowers += 1 }
            else { cls = 0x6F; others += 1 }
            if isUpper && n == 0 { flags |= Flag.initialCapital.rawValue }
            if isUpper && n > 0 { flags |= Flag.innerCapital.rawValue }
            if v == 0x2D || v == 0x2013 { flags |= Flag.hasHyphen.rawValue }
            if v == 0x2E { flags |= Flag.hasPeriod.rawValue }
            if v == 0x27 || v == 0x2019 { flags |= Flag.hasApostrophe.rawValue }

            exact = FeatureHash.add(exact, v)
            lower = FeatureHash.add(lower, l)
            title = FeatureHash.add(title, n == 0 ? (isLower ? Self.upper(v) : v) : l)
            if cls == previousClass { run += 1 } else { run = 1 }
            if run <= 4 { shape = FeatureHash.add(shape, cls) }
            if run == 1 { shortShape = FeatureHash.add(shortShape, cls) }
            previousClass = cls
            n += 1
            switch n {
            case 1: prefixes.0 = FeatureHash.finalize(lower)
            case 2: prefixes.1 = FeatureHash.finalize(lower)
            case 3: prefixes.2 = FeatureHash.finalize(lower)
            case 4: prefixes.3 = FeatureHash.finalize(lower)
            default: break
            }
            last = (l, last.0, last.1, last.2)
        }
        // Native strings are contiguous valid UTF-8: decoding the bytes directly is much
        // cheaper than iterating `unicodeScalars` of a Substring.
        let decoded = token.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            let count = bytes.count
            while i < count {
                let b = UInt32(bytes[i])
                if b < 0x80 {
                    step(b)
                    i += 1
                } else if b >= 0xF0 && i + 3 < count {
                    step((b & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F))
                    i += 4
                } else if b >= 0xE0 && i + 2 < count {
                    step((b & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F))
                    i += 3
                } else if i + 1 < count {
                    step((b & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F))
                    i += 2
                } else {
                    step(0xFFFD)
                    i += 1
                }
            }
            return true
        }
        if decoded == nil {
            for scalar in token.unicodeScalars { step(scalar.value) }
        }
        if letters > 0 { flags |= Flag.hasLetter.rawValue }
        if lowers > 0 { flags |= Flag.hasLower.rawValue }
        if uppers > 0 && lowers == 0 { flags |= Flag.allCapitals.rawValue }
        if digits > 0 { flags |= Flag.hasDigit.rawValue }
        if digits > 0 && letters == 0 { flags |= Flag.numeric.rawValue }
        if letters == 0 && digits == 0 && others > 0 { flags |= Flag.punctuation.rawValue }
        var s = FeatureHash.seed
        s = FeatureHash.add(s, last.0); suffixes.0 = FeatureHash.finalize(s)
        s = FeatureHash.add(s, last.1); suffixes.1 = FeatureHash.finalize(s)
        s = FeatureHash.add(s, last.2); suffixes.2 = FeatureHash.finalize(s)
        s = FeatureHash.add(s, last.3); suffixes.3 = FeatureHash.finalize(s)
        self.exact = FeatureHash.finalize(exact)
        self.lower = FeatureHash.finalize(lower)
        self.title = FeatureHash.finalize(title)
        self.shape = FeatureHash.finalize(shape)
        self.shortShape = FeatureHash.finalize(shortShape)
        self.length = n
        self.flags = flags
    }

    @inline(__always)
    private static func upper(_ v: UInt32) -> UInt32 {
        if v >= 0x61 && v <= 0x7A { return v - 0x20 }
        if v >= 0xE0 && v <= 0xFE && v != 0xF7 { return v - 0x20 }
        return v
    }
}
