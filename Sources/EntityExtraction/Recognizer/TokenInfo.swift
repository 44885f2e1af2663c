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
    /// Character classes, runs collapsed ("Xx", "d-d").
    var shortShape: UInt64 = 0
    var length: Int = 0
    var flags: UInt16 = 0
    /// Inside an `AnalyzedDocument`: the number of the token's lowercase form among the
    /// document's (`DocumentWordNumbering`), for a token with letters; else -1. (It fills the
    /// padding after `flags`: the analysis stays 104 bytes.)
    var documentWord: Int32 = -1
    // Running hash states behind `shape`, `prefixes` and `suffixes`, finalized only when read:
    // only words missing from the word-score cache need them.
    var shapeState: UInt64 = 0
    var prefixStates: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The last four lowercase scalar values, newest first (0 where the token is shorter).
    var lastLowers: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)

    @inline(__always)
    func has(_ flag: Flag) -> Bool { flags & flag.rawValue != 0 }

    /// Character classes, runs cut at 4 ("Xxxxx", "dd-dd").
    var shape: UInt64 { FeatureHash.finalize(shapeState) }

    /// Hashes of the lowercase first 1...4 scalars; 0 where the token is shorter.
    var prefixes: (UInt64, UInt64, UInt64, UInt64) {
        (length >= 1 ? FeatureHash.finalize(prefixStates.0) : 0, length >= 2 ? FeatureHash.finalize(prefixStates.1) : 0,
         length >= 3 ? FeatureHash.finalize(prefixStates.2) : 0, length >= 4 ? FeatureHash.finalize(prefixStates.3) : 0)
    }

    /// Hashes of the lowercase last 1...4 scalars, newest first (padded with 0 values).
    var suffixes: (UInt64, UInt64, UInt64, UInt64) {
        var s = FeatureHash.seed
        s = FeatureHash.add(s, lastLowers.0)
        let one = FeatureHash.finalize(s)
        s = FeatureHash.add(s, lastLowers.1)
        let two = FeatureHash.finalize(s)
        s = FeatureHash.add(s, lastLowers.2)
        let three = FeatureHash.finalize(s)
        s = FeatureHash.add(s, lastLowers.3)
        return (one, two, three, FeatureHash.finalize(s))
    }

    init() {}

    /// The analysis of a token's UTF-8 bytes (valid UTF-8, as a Swift string's).
    @inline(__always)
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var scan = TokenScan()
        var i = 0
        let count = bytes.count
        while i < count {
            let b = UInt32(bytes[i])
            if b < 0x80 {
                scan.stepASCII(b)
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
        self = scan.info()
    }

    /// The analysis of a token's characters.
    init<S: StringProtocol>(_ token: S) {
        let analyse = { (bytes: UnsafeBufferPointer<UInt8>) -> TokenInfo in
            guard !bytes.isEmpty, let exact = AnalyzedDocument.asciiExactHash(bytes) else { return TokenInfo(utf8: bytes) }
            return TokenInfo(ascii: bytes, exact: exact)
        }
        if let info = token.utf8.withContiguousStorageIfAvailable(analyse) {
            self = info
        } else {
            self = Array(token.utf8).withUnsafeBufferPointer(analyse)
        }
    }

    /// The reference analysis: every Unicode scalar through `TokenScan.step`, which the UTF-8
    /// fast path must agree with.
    init<S: StringProtocol>(scalarsOf token: S) {
        var scan = TokenScan()
        for scalar in token.unicodeScalars { scan.step(scalar.value) }
        self = scan.info()
    }

    @inline(__always)
    static func upper(_ v: UInt32) -> UInt32 {
        if v >= 0x61 && v <= 0x7A { return v - 0x20 }
        if v >= 0xE0 && v <= 0xFE && v != 0xF7 { return v - 0x20 }
        return v
    }
}

extension TokenInfo: Equatable {
    static func == (a: TokenInfo, b: TokenInfo) -> Bool {
        a.exact == b.exact && a.lower == b.lower && a.title == b.title && a.shortShape == b.shortShape
            && a.length == b.length && a.flags == b.flags && a.shapeState == b.shapeState
            && a.prefixes == b.prefixes && a.suffixes == b.suffixes
    }
}
