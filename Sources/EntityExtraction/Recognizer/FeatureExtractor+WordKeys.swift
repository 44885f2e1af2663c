extension FeatureExtractor {
    /// Keys `writeWordKeys` writes at most: 12 spelling and 3 cluster keys for the word itself,
    /// 2 + 2 for either neighbour, 1 for either token two away.
    static let mostWordKeys = 25

    /// Every part's `wordKeys`, in part order, into `keys` (room for `mostWordKeys`); part p's
    /// are `keys[(p == 0 ? 0 : ends[p - 1])..<ends[p]]`. The same keys as `wordKeys`, made in
    /// one pass: the prefix and suffix hashes finalized once, no closure per key.
    @inline(__always)
    static func writeWordKeys(_ info: TokenInfo, cluster: UInt32, into keys: UnsafeMutablePointer<UInt64>,
                              ends: UnsafeMutablePointer<Int>) {
        var k = 0
        @inline(__always) func put(_ template: FeatureTemplate, _ value: UInt64) {
            keys[k] = FeatureHash.mix(template.rawValue, value)
            k &+= 1
        }
        @inline(__always) func putClusters(_ template: FeatureTemplate, full: Bool) {
            guard cluster != 0 else { return }
            let coarse = UInt64(cluster & 0xFF), medium = UInt64((cluster >> 8) & 0x3FF), fine = UInt64(cluster >> 18)
            if coarse != 0 { put(template, 1 << 20 | coarse) }
            if medium != 0 { put(template, 2 << 20 | medium) }
            if full && fine != 0 { put(template, 3 << 20 | fine) }
        }
        let prefixes = info.prefixes, suffixes = info.suffixes
        put(.word, info.exact)
        put(.lower, info.lower)
        put(.shape, info.shape)
        put(.shortShape, info.shortShape)
        put(.prefix1, prefixes.0)
        put(.prefix2, prefixes.1)
        put(.prefix3, prefixes.2)
        put(.prefix4, prefixes.3)
        put(.suffix1, suffixes.0)
        put(.suffix2, suffixes.1)
        put(.suffix3, suffixes.2)
        put(.suffix4, suffixes.3)
        putClusters(.clusterHere, full: true)
        ends[WordPart.itself.rawValue] = k
        put(.lowerMinus1, info.lower)
        put(.shapeMinus1, info.shortShape)
        putClusters(.clusterMinus1, full: false)
        ends[WordPart.nextToken.rawValue] = k
        put(.lowerMinus2, info.lower)
        ends[WordPart.tokenAfterNext.rawValue] = k
        put(.lowerPlus1, info.lower)
        put(.shapePlus1, info.shortShape)
        putClusters(.clusterPlus1, full: false)
        ends[WordPart.previousToken.rawValue] = k
        put(.lowerPlus2, info.lower)
        ends[WordPart.tokenBeforePrevious.rawValue] = k
    }
}
