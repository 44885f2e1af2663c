/// Writes JSON text into room a `JSONWriter` reserved beforehand, through a bare pointer.
///
/// One capacity check per entity instead of one array access (uniqueness and bounds checks)
/// per byte. The caller reserves the worst case: `JSONCursor.room(forString:)` for a string,
/// `maximumNumberLength` for a number.
struct JSONCursor {
    /// The next byte to write.
    var p: UnsafeMutablePointer<UInt8>

    /// Room any `int` or `double` spelling fits in ("-2.2250738585072014e-308" is 24 bytes).
    static let maximumNumberLength = 32

    /// Worst-case room for `string(_:)` of `utf8Count` bytes: every byte as `\u00XX`, and the quotes.
    @inline(__always) static func room(forString utf8Count: Int) -> Int { utf8Count &* 6 &+ 2 }

    @inline(__always) mutating func byte(_ b: UInt8) {
        p.pointee = b
        p += 1
    }

    @inline(__always) mutating func raw(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        p.update(from: text.utf8Start, count: n)
        p += n
    }

    @inline(__always) mutating func copy(_ source: UnsafeRawBufferPointer) {
        guard let base = source.baseAddress else { return }
        p.update(from: base.assumingMemoryBound(to: UInt8.self), count: source.count)
        p += source.count
    }

    /// An integer in decimal, digits written right to left in place.
    mutating func int(_ value: Int) {
        var rest = value.magnitude
        if value < 0 { byte(UInt8(ascii: "-")) }
        if rest < 10 {  // ids, sentence numbers
            byte(UInt8(truncatingIfNeeded: rest) &+ 0x30)
            return
        }
        var digits = 2
        var limit: UInt = 100
        while rest >= limit && digits < 19 {
            digits &+= 1
            limit &*= 10
        }
        if digits == 19 && rest >= limit { digits = 20 }  // above 10^19: only UInt's top range
        var q = p + digits
        repeat {
            q -= 1
            q.pointee = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
        } while rest > 0
        p += digits
    }

    /// A string literal, escaped as `JSONEncoder` escapes (`"`, `\`, control characters): bytes
    /// are copied as they are scanned, and only the rare escape leaves the loop.
    mutating func string(_ text: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        if let base = text.baseAddress {
            let n = text.count
            var out = p
            JSONCursor.escapes.withUnsafeBufferPointer { escapes in
                let table = escapes.baseAddress!
                var i = 0
                // Eight bytes at a time while none of them needs an escape (the usual case).
                while i &+ 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    guard !JSONCursor.mayNeedEscape(word) else { break }
                    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
                    out += 8
                    i &+= 8
                }
                while i < n {
                    let b = base[i]
                    let escape = table[Int(b)]
                    if escape == 0 {
                        out.pointee = b
                        out += 1
                    } else {
                        out[0] = UInt8(ascii: "\\")
                        out[1] = escape
                        if escape == UInt8(ascii: "u") {
                            out[2] = UInt8(ascii: "0")
                            out[3] = UInt8(ascii: "0")
                            out[4] = JSONCursor.hex(b >> 4)
                            out[5] = JSONCursor.hex(b & 0xF)
                            out += 6
                        } else {
                            out += 2
                        }
                    }
                    i &+= 1
                }
            }
            p = out
        }
        byte(UInt8(ascii: "\""))
    }

    /// A `String`'s literal: its UTF-8 in place when native (the usual case), else a copy.
    @inline(__always) mutating func string(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ string($0) }) == nil {
            var copy = value
            copy.withUTF8 { string($0) }
        }
    }

    /// Whether any of the eight bytes in `word` may be below 0x20, `"` or `\\` (no false negatives;
    /// a false positive only sends the bytes through the byte loop).
    @inline(__always) static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote & highs
        let zeroBackslash = (backslash &- ones) & ~backslash & highs
        return control | zeroQuote | zeroBackslash != 0
    }

    @inline(__always) private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ 0x30 : nibble &+ 0x57
    }

    /// Which bytes need an escape: 0 = none, else the letter after the backslash (`u` for `\u00XX`).
    static let escapes: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x22: return UInt8(ascii: "\"")
        case 0x5C: return UInt8(ascii: "\\")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        case 0..<0x20: return UInt8(ascii: "u")
        default: return 0
        }
    }
}
