/// Reusable buffers for feature extraction: after warming up, extraction allocates nothing.
struct FeatureScratch {
    var infos: [TokenInfo] = []
    var lowers: [UInt64] = []
    var clusters: [UInt32] = []
    var marks: [UInt32] = []
    var keys: [UInt64] = []
    var offsets: [Int] = []
    /// `DenseContextTable` codes (with `dense` extraction): token i's are
    /// `codes[codeOffsets[i]..<codeOffsets[i + 1]]`.
    var codes: [Int32] = []
    var codeOffsets: [Int] = []

    init() {}

    mutating func reset(count n: Int) {
        if infos.count < n {
            infos = [TokenInfo](repeating: TokenInfo(), count: n)
            lowers = [UInt64](repeating: 0, count: n)
            clusters = [UInt32](repeating: 0, count: n)
            marks = [UInt32](repeating: 0, count: n)
            offsets = [Int](repeating: 0, count: n + 1)
            codeOffsets = [Int](repeating: 0, count: n + 1)
        }
        keys.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
    }
}
