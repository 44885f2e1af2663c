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
    /// The lowercase hash's running state after the first 1...4 scalars (finalized on use).
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// One scalar of any value: the reference that `stepASCII` must agree with.
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
        advance(v, lower: l, title: n == 0 ? (isLower ? TokenInfo.upper(v) : v) : l, class: cls)
    }

    /// One ASCII scalar (`v < 0x80`): what `step` does, without its non-ASCII branches.
    @inline(__always)
    mutating func stepASCII(_ v: UInt32) {
        let cls: UInt32, l: UInt32, t: UInt32
        if v &- 0x41 < 26 {
            cls = 0x58; l = v + 0x20; t = n == 0 ? v : l
            uppers += 1; letters += 1
            flags |= n == 0 ? TokenInfo.Flag.initialCapital.rawValue : TokenInfo.Flag.innerCapital.rawValue
        } else if v &- 0x61 < 26 {
            cls = 0x78; l = v; t = n == 0 ? v - 0x20 : v
            lowers += 1; letters += 1
        } else if v &- 0x30 < 10 {
            cls = 0x64; l = v; t = v
            digits += 1
        } else {
            cls = v; l = v; t = v
            others += 1
            if v == 0x2D { flags |= TokenInfo.Flag.hasHyphen.rawValue }
            else if v == 0x2E { flags |= TokenInfo.Flag.hasPeriod.rawValue }
            else if v == 0x27 { flags |= TokenInfo.Flag.hasApostrophe.rawValue }
        }
        advance(v, lower: l, title: t, class: cls)
    }

    /// The hashes, shape runs, prefixes and last scalars after one scalar.
    @inline(__always)
    private mutating func advance(_ v: UInt32, lower l: UInt32, title t: UInt32, class cls: UInt32) {
        exact = FeatureHash.add(exact, v)
        lower = FeatureHash.add(lower, l)
        title = FeatureHash.add(title, t)
        if cls == previousClass { run += 1 } else { run = 1 }
        if run <= 4 { shape = FeatureHash.add(shape, cls) }
        if run == 1 { shortShape = FeatureHash.add(shortShape, cls) }
        previousClass = cls
        n += 1
        switch n {
        case 1: prefixes.0 = lower
        case 2: prefixes.1 = lower
        case 3: prefixes.2 = lower
        case 4: prefixes.3 = lower
        default: break
        }
        last = (l, last.0, last.1, last.2)
    }

    /// The analysis of the scalars seen so far.
    func info() -> TokenInfo {
        var result = TokenInfo()
        var flags = self.flags
        if letters > 0 { flags |= TokenInfo.Flag.hasLetter.rawValue }
        if lowers > 0 { flags |= TokenInfo.Flag.hasLower.rawValue }
        if uppers > 0 && lowers == 0 { flags |= TokenInfo.Flag.allCapitals.rawValue }
        if digits > 0 { flags |= TokenInfo.Flag.hasDigit.rawValue }
        if digits > 0 && letters == 0 { flags |= TokenInfo.Flag.numeric.rawValue }
        if letters == 0 && digits == 0 && others > 0 { flags |= TokenInfo.Flag.punctuation.rawValue }
        result.exact = FeatureHash.finalize(exact)
        result.lower = FeatureHash.finalize(lower)
        result.title = FeatureHash.finalize(title)
        result.shortShape = FeatureHash.finalize(shortShape)
        result.shapeState = shape
        result.prefixStates = prefixes
        result.lastLowers = last
        result.length = n
        result.flags = flags
        return result
    }
}
