/// Reusable buffers for feature extraction: after warming up, extraction allocates nothing.
struct FeatureScratch {
    var lowers: [UInt64] = []
    /// Packed word clusters per token (left 0 by context-only extraction, which needs none).
    var clusters: [UInt32] = []
    var marks: [UInt32] = []
    /// Per token: its one-token gazetteer entry and its capitalization prior.
    var singles: [UInt32] = []
    var priors: [UInt32] = []
    var offsets: [Int] = []
    var codeOffsets: [Int] = []
    // Keys and codes go into storage that only grows, written through a `FeatureWriter`'s
    // pointers (array appends, key by key, cost more than hashing the keys); the sentence's
    // are the first `keyCount` and `codeCount`.
    private var keyStorage: [UInt64] = []
    private var codeStorage: [Int32] = []
    private(set) var keyCount = 0
    private(set) var codeCount = 0

    init() {}

    /// The sentence's feature keys: token i's are `keys[offsets[i]..<offsets[i + 1]]`.
    var keys: ArraySlice<UInt64> { keyStorage[0..<keyCount] }

    /// `DenseContextTable` codes (with `dense` extraction): token i's are
    /// `codes[codeOffsets[i]..<codeOffsets[i + 1]]`.
    var codes: ArraySlice<Int32> { codeStorage[0..<codeCount] }

    mutating func reset(count n: Int) {
        if lowers.count < n {
            lowers = [UInt64](repeating: 0, count: n)
            clusters = [UInt32](repeating: 0, count: n)
            marks = [UInt32](repeating: 0, count: n)
            singles = [UInt32](repeating: 0, count: n)
            priors = [UInt32](repeating: 0, count: n)
            offsets = [Int](repeating: 0, count: n + 1)
            codeOffsets = [Int](repeating: 0, count: n + 1)
        }
        keyCount = 0
        codeCount = 0
    }

    /// Runs `body` with a writer that can take `keys` more keys and `codes` more codes, and
    /// reads the sentence's gazetteer marks and clusters.
    mutating func write(keys: Int, codes: Int, _ body: (inout FeatureWriter) -> Void) {
        if keyStorage.count < keyCount + keys { keyStorage += repeatElement(0, count: max(keyCount + keys, 2 * keyStorage.count) - keyStorage.count) }
        if codeStorage.count < codeCount + codes { codeStorage += repeatElement(0, count: max(codeCount + codes, 2 * codeStorage.count) - codeStorage.count) }
        let (keyCount, codeCount) = (self.keyCount, self.codeCount)
        let written = keyStorage.withUnsafeMutableBufferPointer { keyBuffer in
            codeStorage.withUnsafeMutableBufferPointer { codeBuffer in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    codeOffsets.withUnsafeMutableBufferPointer { codeOffsets in
                        marks.withUnsafeBufferPointer { marks in
                            clusters.withUnsafeBufferPointer { clusters in
                            priors.withUnsafeBufferPointer { priors in
                                var writer = FeatureWriter(
                                    keys: keyBuffer.baseAddress!, keyCount: keyCount, keyLimit: keyCount + keys,
                                    codes: codeBuffer.baseAddress!, codeCount: codeCount, codeLimit: codeCount + codes,
                                    offsets: offsets.baseAddress!, codeOffsets: codeOffsets.baseAddress!,
                                    marks: marks.baseAddress!, clusters: clusters.baseAddress!, priors: priors.baseAddress!)
                                body(&writer)
                                return (writer.keyCount, writer.codeCount)
                            }
                            }
                        }
                    }
                }
            }
        }
        self.keyCount = written.0
        self.codeCount = written.1
    }
}
