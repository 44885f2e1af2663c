/// The running state of `TokenInfo`'s one pass over a token's scalars.
struct TokenScan {
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
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    @inline(__always)
    mutating func step(_ v: UInt32) {
        let l = CaseFolding.lower(v)
        let isUpper: Bool, isLower: Bool
        // Unicode properties only for non-ASCII scalars: most tokens never need them.
        if v < 0x80 {
            isUpper = v >= 0x41 && v <= 0x5A
            isLower = v >= 0x61 && v <= 0x7A
        } else {
            let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
            isUpper = l != v || scalar.properties.isUppercase
            isLower = !isUpper && scalar.properties.isLowercase
        }
        let isDigit = v >= 0x30 && v <= 0x39
        let cls: UInt32
        if isUpper { cls = 0x58; uppers += 1; letters += 1 }
        else if isLower { cls = 0x78; lowers += 1; letters += 1 }
        else if isDigit { cls = 0x64; digits += 1 }
        else if v < 0x80 { cls = v; others += 1 }
        else if (Unicode.Scalar(v) ?? "\u{FFFD}").properties.isAlphabetic { cls = 0x61; letters += 1; lowers += 1 }
        else { cls = 0x6F; others += 1 }
        if isUpper && n == 0 { flags |= TokenInfo.Flag.initialCapital.rawValue }
        if isUpper && n > 0 { flags |= TokenInfo.Flag.innerCapital.rawValue }
        if v == 0x2D || v == 0x2013 { flags |= TokenInfo.Flag.hasHyphen.rawValue }
        if v == 0x2E { flags |= TokenInfo.Flag.hasPeriod.rawValue }
        if v == 0x27 || v == 0x2019 { flags |= TokenInfo.Flag.hasApostrophe.rawValue }

        exact = FeatureHash.add(exact, v)
        lower = FeatureHash.add(lower, l)
        title = FeatureHash.add(title, n == 0 ? (isLower ? TokenInfo.upper(v) : v) : l)
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

    /// The analysis of the scalars seen so far.
    func info() -> TokenInfo {
        var result = TokenInfo()
        var flags = self.flags
        result.prefixes = prefixes
        if letters > 0 { flags |= TokenInfo.Flag.hasLetter.rawValue }
        if lowers > 0 { flags |= TokenInfo.Flag.hasLower.rawValue }
        if uppers > 0 && lowers == 0 { flags |= TokenInfo.Flag.allCapitals.rawValue }
        if digits > 0 { flags |= TokenInfo.Flag.hasDigit.rawValue }
        if digits > 0 && letters == 0 { flags |= TokenInfo.Flag.numeric.rawValue }
        if letters == 0 && digits == 0 && others > 0 { flags |= TokenInfo.Flag.punctuation.rawValue }
        var s = FeatureHash.seed
        s = FeatureHash.add(s, last.0); result.suffixes.0 = FeatureHash.finalize(s)
        s = FeatureHash.add(s, last.1); result.suffixes.1 = FeatureHash.finalize(s)
        s = FeatureHash.add(s, last.2); result.suffixes.2 = FeatureHash.finalize(s)
        s = FeatureHash.add(s, last.3); result.suffixes.3 = FeatureHash.finalize(s)
        result.exact = FeatureHash.finalize(exact)
        result.lower = FeatureHash.finalize(lower)
        result.title = FeatureHash.finalize(title)
        result.shape = FeatureHash.finalize(shape)
        result.shortShape = FeatureHash.finalize(shortShape)
        result.length = n
        result.flags = flags
        return result
    }
}
