extension TokenInfo {
    /// Per ASCII byte: its shape class in the low byte, then `seen` bits (`upperBit` …) and the
    /// flags the byte sets wherever it stands (hyphen, period, apostrophe) above bit 16.
    private static let asciiTable: [UInt32] = (0..<128).map { (v: UInt32) -> UInt32 in
        if v &- 0x41 < 26 { return 0x58 | upperBit }
        if v &- 0x61 < 26 { return 0x78 | lowerBit }
        if v &- 0x30 < 10 { return 0x64 | digitBit }
        var entry = v | otherBit
        if v == 0x2D { entry |= UInt32(Flag.hasHyphen.rawValue) << 16 }
        if v == 0x2E { entry |= UInt32(Flag.hasPeriod.rawValue) << 16 }
        if v == 0x27 { entry |= UInt32(Flag.hasApostrophe.rawValue) << 16 }
        return entry
    }
    private static let upperBit: UInt32 = 0x100, lowerBit: UInt32 = 0x200, digitBit: UInt32 = 0x400, otherBit: UInt32 = 0x800

    /// The analysis of a non-empty all-ASCII token whose `FeatureHash.exact` is `exact`: what
    /// `init(utf8:)` gives (`TokenScan`, scalar by scalar), in one table-driven pass over the
    /// bytes. The prefixes and last scalars are read off the bytes afterwards (one byte is one
    /// scalar), so the loop keeps only the hashes, the shape runs and the classes seen.
    @inline(__always)
    init(ascii bytes: UnsafeBufferPointer<UInt8>, exact: UInt64) {
        precondition(!bytes.isEmpty, "a token has characters")
        let count = bytes.count
        self.init()
        Self.asciiTable.withUnsafeBufferPointer { table in
            // Every byte is below 0x80 (the caller found the token all-ASCII): in range of the table.
            @inline(__always) func p(_ hash: UInt64, _ value: UInt32) -> UInt64 { FeatureHash.add(hash, value) }
            @inline(__always) func entry(_ b: UInt8) -> UInt32 { table[Int(b & 0x7F)] }
            @inline(__always) func lower(_ b: UInt8, _ e: UInt32) -> UInt32 { UInt32(b) | (e & Self.upperBit) >> 3 }
            let first = bytes[0], e0 = entry(first)
            let l0 = lower(first, e0)
            var lowerHash = p(FeatureHash.seed, l0)
            var titleHash = p(FeatureHash.seed, e0 & Self.lowerBit != 0 ? UInt32(first) - 0x20 : UInt32(first))
            var cls = e0 & 0xFF
            var shape = p(FeatureHash.seed, cls), shortShape = shape
            var run = 1
            var seen: UInt32 = 0
            var i = 1
            while i < count {
                let b = bytes[i], e = entry(b)
                seen |= e
                let l = lower(b, e)
                lowerHash = p(lowerHash, l)
                titleHash = p(titleHash, l)
                let c = e & 0xFF
                if c == cls {
                    run &+= 1
                    if run <= 4 { shape = p(shape, c) }
                } else {
                    run = 1
                    shape = p(shape, c)
                    shortShape = p(shortShape, c)
                    cls = c
                }
                i &+= 1
            }
            let all = seen | e0
            var flags = UInt16(truncatingIfNeeded: all >> 16)
            if e0 & Self.upperBit != 0 { flags |= Flag.initialCapital.rawValue }
            if seen & Self.upperBit != 0 { flags |= Flag.innerCapital.rawValue }
            let letters = all & (Self.upperBit | Self.lowerBit) != 0, digits = all & Self.digitBit != 0
            if letters { flags |= Flag.hasLetter.rawValue }
            if all & Self.lowerBit != 0 { flags |= Flag.hasLower.rawValue }
            if all & Self.upperBit != 0 && all & Self.lowerBit == 0 { flags |= Flag.allCapitals.rawValue }
            if digits { flags |= Flag.hasDigit.rawValue }
            if digits && !letters { flags |= Flag.numeric.rawValue }
            if !letters && !digits && all & Self.otherBit != 0 { flags |= Flag.punctuation.rawValue }
            // The lowercase hash after the first 1…4 scalars, and the last four lowercase scalars.
            @inline(__always) func lowerAt(_ k: Int) -> UInt32 { k >= 0 && k < count ? lower(bytes[k], entry(bytes[k])) : 0 }
            let s1 = p(FeatureHash.seed, l0)
            let s2 = count >= 2 ? p(s1, lowerAt(1)) : 0
            let s3 = count >= 3 ? p(s2, lowerAt(2)) : 0
            let s4 = count >= 4 ? p(s3, lowerAt(3)) : 0
            self.exact = exact
            self.lower = FeatureHash.finalize(lowerHash)
            self.title = FeatureHash.finalize(titleHash)
            self.shortShape = FeatureHash.finalize(shortShape)
            self.length = count
            self.flags = flags
            self.shapeState = shape
            self.prefixStates = (s1, s2, s3, s4)
            self.lastLowers = (lowerAt(count - 1), lowerAt(count - 2), lowerAt(count - 3), lowerAt(count - 4))
        }
    }
}
