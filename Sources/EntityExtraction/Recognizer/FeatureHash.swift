/// Allocation-free 64-bit hashing for feature keys, gazetteer entries and word lexicons.
///
/// The constants are part of the model format: changing them invalidates trained models.
enum FeatureHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds one Unicode scalar value to a running FNV-1a style hash.
    @inline(__always)
    static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// Combines two hashes order-sensitively and scrambles the result.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize((a &* 0x9E37_79B9_7F4A_7C15) ^ b)
    }

    /// SplitMix64's finalizer: spreads every input bit over the whole word. Never returns 0,
    /// which the hash tables reserve for empty slots.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }

    /// Hash of a token's exact characters.
    static func exact<S: StringProtocol>(_ text: S) -> UInt64 {
        var h = seed
        for scalar in text.unicodeScalars { h = add(h, scalar.value) }
        return finalize(h)
    }

    /// Hash of a token's lowercase form (see `CaseFolding.lower`).
    static func lowercased<S: StringProtocol>(_ text: S) -> UInt64 {
        var h = seed
        for scalar in text.unicodeScalars { h = add(h, CaseFolding.lower(scalar.value)) }
        return finalize(h)
    }

    /// Hash of a sequence of token hashes, as used for multi-token gazetteer names.
    @inline(__always)
    static func sequence(_ previous: UInt64, _ token: UInt64) -> UInt64 {
        mix(previous ^ 0x5851_F42D_4C95_7F2D, token)
    }
}

/// Allocation-free case mapping for the scripts news text uses (Latin, Greek, Cyrillic).
enum CaseFolding {
    /// The lowercase form of a scalar value; unchanged when it has none in the covered ranges.
    @inline(__always)
    static func lower(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 0x20 }
        if v >= 0x100 && v <= 0x17F && v != 0x130 && v != 0x131 && v != 0x138 && v != 0x149 {
            // Latin Extended-A pairs upper/lower on even/odd code points, shifted by one
            // between U+0139 and U+0148 and between U+0179 and U+017E.
            let shifted = (v >= 0x139 && v <= 0x148) || (v >= 0x179 && v <= 0x17E)
            if shifted { return v % 2 == 1 ? v + 1 : v }
            return v % 2 == 0 ? v + 1 : v
        }
        if v >= 0x391 && v <= 0x3A9 { return v + 0x20 }
        if v >= 0x410 && v <= 0x42F { return v + 0x20 }
        if v >= 0x400 && v <= 0x40F { return v + 0x50 }
        return v
    }
}
