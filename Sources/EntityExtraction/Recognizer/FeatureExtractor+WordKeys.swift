/// Where `FeatureExtractor.visitWordKeys` hands a word's keys, part by part.
protocol WordKeySink {
    /// A key `FeatureHash.mix(template.rawValue, value)`.
    mutating func put(_ template: FeatureTemplate, _ value: UInt64)
    /// A key that many words share, `FeatureHash.mix(template.rawValue, value())`: `tag` alone
    /// decides the value among the keys of `kind` (so a memo of `kind` may skip `value`).
    mutating func put(_ template: FeatureTemplate, shared kind: WordKeyMemo.Kind, tag: UInt64, _ value: () -> UInt64)
    /// The keys of `part` end here.
    mutating func end(_ part: FeatureExtractor.WordPart)
}

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
        var writer = KeyWriter(keys: keys, ends: ends)
        visitWordKeys(info, cluster: cluster, &writer)
    }

    /// `wordKeys` of every part, in part order (the order `writeWordKeys` writes), to `sink`;
    /// the keys many words share (shapes, short prefixes and suffixes, coarse clusters) with
    /// the tag their memo kind knows them by.
    @inline(__always)
    static func visitWordKeys<Sink: WordKeySink>(_ info: TokenInfo, cluster: UInt32, _ sink: inout Sink) {
        @inline(__always) func putClusters(_ template: FeatureTemplate, full: Bool, coarseKind: WordKeyMemo.Kind,
                                           mediumKind: WordKeyMemo.Kind) {
            guard cluster != 0 else { return }
            let coarse = UInt64(cluster & 0xFF), medium = UInt64((cluster >> 8) & 0x3FF), fine = UInt64(cluster >> 18)
            if coarse != 0 { sink.put(template, shared: coarseKind, tag: coarse) { 1 << 20 | coarse } }
            if medium != 0 { sink.put(template, shared: mediumKind, tag: medium) { 2 << 20 | medium } }
            if full && fine != 0 { sink.put(template, 3 << 20 | fine) }
        }
        let prefixes = info.prefixStates, length = info.length
        // `TokenInfo.suffixes`' running states: each suffix hash is its state finalized.
        let last = info.lastLowers
        let suffix1 = FeatureHash.add(FeatureHash.seed, last.0), suffix2 = FeatureHash.add(suffix1, last.1)
        let suffix3 = FeatureHash.add(suffix2, last.2), suffix4 = FeatureHash.add(suffix3, last.3)
        sink.put(.word, info.exact)
        sink.put(.lower, info.lower)
        sink.put(.shape, shared: .shape, tag: info.shapeState) { FeatureHash.finalize(info.shapeState) }
        sink.put(.shortShape, shared: .shortShape, tag: info.shortShape) { info.shortShape }
        // A prefix longer than the word is 0 whatever its state: only real prefixes are shared by state.
        if length >= 1 { sink.put(.prefix1, shared: .prefix1, tag: prefixes.0) { FeatureHash.finalize(prefixes.0) } } else { sink.put(.prefix1, 0) }
        if length >= 2 { sink.put(.prefix2, shared: .prefix2, tag: prefixes.1) { FeatureHash.finalize(prefixes.1) } } else { sink.put(.prefix2, 0) }
        sink.put(.prefix3, length >= 3 ? FeatureHash.finalize(prefixes.2) : 0)
        sink.put(.prefix4, length >= 4 ? FeatureHash.finalize(prefixes.3) : 0)
        sink.put(.suffix1, shared: .suffix1, tag: suffix1) { FeatureHash.finalize(suffix1) }
        sink.put(.suffix2, shared: .suffix2, tag: suffix2) { FeatureHash.finalize(suffix2) }
        sink.put(.suffix3, FeatureHash.finalize(suffix3))
        sink.put(.suffix4, FeatureHash.finalize(suffix4))
        putClusters(.clusterHere, full: true, coarseKind: .clusterHereCoarse, mediumKind: .clusterHereMedium)
        sink.end(.itself)
        sink.put(.lowerMinus1, info.lower)
        sink.put(.shapeMinus1, shared: .shapeMinus1, tag: info.shortShape) { info.shortShape }
        putClusters(.clusterMinus1, full: false, coarseKind: .clusterMinus1Coarse, mediumKind: .clusterMinus1Medium)
        sink.end(.nextToken)
        sink.put(.lowerMinus2, info.lower)
        sink.end(.tokenAfterNext)
        sink.put(.lowerPlus1, info.lower)
        sink.put(.shapePlus1, shared: .shapePlus1, tag: info.shortShape) { info.shortShape }
        putClusters(.clusterPlus1, full: false, coarseKind: .clusterPlus1Coarse, mediumKind: .clusterPlus1Medium)
        sink.end(.previousToken)
        sink.put(.lowerPlus2, info.lower)
        sink.end(.tokenBeforePrevious)
    }

    /// `writeWordKeys`' sink: every key hashed into the buffer.
    private struct KeyWriter: WordKeySink {
        let keys: UnsafeMutablePointer<UInt64>, ends: UnsafeMutablePointer<Int>
        var k = 0

        @inline(__always)
        mutating func put(_ template: FeatureTemplate, _ value: UInt64) {
            keys[k] = FeatureHash.mix(template.rawValue, value)
            k &+= 1
        }

        @inline(__always)
        mutating func put(_ template: FeatureTemplate, shared kind: WordKeyMemo.Kind, tag: UInt64, _ value: () -> UInt64) {
            put(template, value())
        }

        @inline(__always)
        mutating func end(_ part: WordPart) { ends[part.rawValue] = k }
    }
}
