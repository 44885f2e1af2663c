/// Spelling a `Double` as `description` does (the shortest decimal that reads back as the
/// value; of several, the closest), without the stdlib's general routine for the common case.
extension JSONCursor {
    /// A `Double` as `JSONEncoder` spells it; see `JSONWriter.double(_:)`.
    mutating func double(_ value: Double) {
        if value == value.rounded(.towardZero), abs(value) < 1e15, value != 0 || value.sign == .plus {
            int(Int(value))  // what `description` spells "N.0"
            return
        }
        if value > 0, value < 1 {
            if shortDecimal(value) { return }
            if value >= 0.001, shortestFraction(value) { return }
        }
        // `write(to:)` spells a finite Double as `description` does, into a stack buffer handed
        // to the stream as ASCII: no String is made.
        var stream = DigitStream()
        value.write(to: &stream)
        let count = stream.count
        withUnsafeBytes(of: &stream.bytes) { raw in
            let dropsPointZero = count > 2 && raw[count - 2] == UInt8(ascii: ".") && raw[count - 1] == UInt8(ascii: "0")
            copy(UnsafeRawBufferPointer(rebasing: raw[0..<(dropsPointZero ? count - 2 : count)]))
        }
    }

    /// Writes `value` in (0, 1) as "0.d" … "0.dddd" when that decimal reads back as exactly
    /// `value`: then it is the shortest round-trip spelling `description` gives (no other decimal
    /// of at most four digits lies within an ulp). `false`, writing nothing, otherwise.
    private mutating func shortDecimal(_ value: Double) -> Bool {
        // A decimal of at most four places that reads back as `value` is within a few ulps of
        // `value * 10^4`, far from a half: adding 0.5 and truncating finds it (it is the only one,
        // as two such decimals are 10^-4 apart); its shortest form drops the trailing zeros.
        var digits = Int(value * 10_000 + 0.5)
        guard Double(digits) / 10_000 == value else { return false }
        var places = 4
        while digits % 10 == 0 {
            digits /= 10
            places &-= 1
        }
        p[0] = UInt8(ascii: "0")
        p[1] = UInt8(ascii: ".")
        for k in stride(from: places + 1, through: 2, by: -1) {
            p[k] = UInt8(truncatingIfNeeded: digits % 10) &+ 0x30
            digits /= 10
        }
        p += places + 2
        return true
    }

    /// Writes `value` in [0.001, 1) as "0.ddd…" with the fewest significant digits that read back
    /// as `value` (of those, the closest): what `description` spells (confidences and saliences
    /// are such values). `false`, writing nothing, where a boundary or tie would have to be decided
    /// the way `description` decides it, and for powers of two (lopsided rounding interval).
    ///
    /// Exact integer arithmetic: `value` = m / 2^s (53-bit m, s in 53...62), so `value` * 10^k for
    /// k ≤ 19 is m * 10^k (< 2^117, one full-width multiply) shifted right by s: the quotient fits
    /// 64 bits, and so does twice the remainder.
    mutating func shortestFraction(_ value: Double) -> Bool {
        let m = value.significandBitPattern | (1 << 52)
        let s = 1075 &- Int(value.exponentBitPattern)
        guard m != 1 << 52, s >= 53, s <= 62 else { return false }
        // Leading zeros after the point: 10^-(zeros+1) ≤ value < 10^-zeros (0.1, 0.01 as Doubles lie
        // just above the real powers, and no Double lies between, so the comparisons are exact).
        let zeros = value >= 0.1 ? 0 : value >= 0.01 ? 1 : 2
        let unit: UInt64 = 1 << s
        // The closest decimal of `digits` significant digits, if it reads back as `value`.
        func candidate(_ digits: Int) -> (UInt64, inside: Bool, undecided: Bool) {
            let scale = JSONCursor.powerOfTen(digits &+ zeros)
            let (high, low) = m.multipliedFullWidth(by: scale)
            var q = high << (64 &- s) | low >> s
            let rest = low & (unit &- 1)
            if rest << 1 == unit { return (0, false, true) }  // halfway between two decimals
            var distance = rest
            if rest << 1 > unit {
                q &+= 1
                distance = unit &- rest
            }
            // Within half an ulp (scale / 2 in these units) reads back; exactly half depends on the reader.
            let twiceDistance = distance << 1
            if twiceDistance == scale { return (0, false, true) }
            return (q, twiceDistance < scale, false)
        }
        // Readable at some length means readable at every longer one: most values need 16 or 17.
        var (digits, length) = (UInt64(0), 16)
        let at16 = candidate(16)
        if at16.undecided { return false }
        if at16.inside {
            digits = at16.0
            while length > 1 {
                let shorter = candidate(length &- 1)
                if shorter.undecided { return false }
                guard shorter.inside else { break }
                digits = shorter.0
                length &-= 1
            }
        } else {
            let at17 = candidate(17)
            guard !at17.undecided, at17.inside else { return false }
            (digits, length) = (at17.0, 17)
        }
        // The shortest has exactly `length` digits, the last not 0; anything else is left to `description`.
        guard digits >= JSONCursor.powerOfTen(length &- 1), digits < JSONCursor.powerOfTen(length), digits % 10 != 0 else { return false }
        // "0.00" whatever the zeros (digits overwrite the extra ones; the room is reserved), then
        // the digits right to left, two per division, each pair copied from a table.
        UnsafeMutableRawPointer(p).storeBytes(of: UInt32(0x3030_2E30), as: UInt32.self)  // "0.00" little-endian
        let at = 2 &+ zeros
        var k = at &+ length
        let end = k
        let pairs = UnsafeRawPointer(JSONCursor.digitPairs.utf8Start)
        while k &- at >= 2 {
            let pair = Int(truncatingIfNeeded: digits % 100)
            digits /= 100
            k &-= 2
            UnsafeMutableRawPointer(p + k).storeBytes(of: pairs.loadUnaligned(fromByteOffset: pair &* 2, as: UInt16.self), as: UInt16.self)
        }
        if k > at { p[at] = UInt8(truncatingIfNeeded: digits) &+ 0x30 }
        p += end
        return true
    }

    /// "00" "01" … "99": the two ASCII digits of n at offset 2n.
    static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// 10^k for k in 0...19.
    @inline(__always) static func powerOfTen(_ k: Int) -> UInt64 {
        switch k {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10: return 10_000_000_000
        case 11: return 100_000_000_000
        case 12: return 1_000_000_000_000
        case 13: return 10_000_000_000_000
        case 14: return 100_000_000_000_000
        case 15: return 1_000_000_000_000_000
        case 16: return 10_000_000_000_000_000
        case 17: return 100_000_000_000_000_000
        case 18: return 1_000_000_000_000_000_000
        default: return 10_000_000_000_000_000_000
        }
    }
}
