/// The summed weights of a word's string-only keys (`FeatureExtractor.wordKeys`), part by
/// part, for every stage: what the word-score cache precomputes for the frequent words and a
/// tagger computes for the others. One probe of the shared index per key serves both stages.
struct WordPartSums: Sendable {
    private let stages: [LinearStage]
    private let index: SharedWeightIndex
    private let labelCount: Int

    init(stages: [LinearStage], index: SharedWeightIndex, labelCount: Int) {
        precondition(stages.count >= 1 && stages.count <= SharedWeightIndex.maxStages)
        self.stages = stages
        self.index = index
        self.labelCount = labelCount
    }

    /// Writes the word's `parts × L` sums of the first stage at `first` and of the second (if the
    /// model has one) at `second`. Sums are added in whole SIMD steps: each target needs
    /// `LabelVector.width` writable values after its last part, which get meaningless values.
    func sum(_ info: TokenInfo, cluster: UInt32, into first: UnsafeMutablePointer<Int32>, _ second: UnsafeMutablePointer<Int32>?) {
        let l = labelCount, lanes = LabelVector.lanes(l), twoStages = stages.count > 1
        precondition(!twoStages || second != nil, "a two-stage model needs both targets")
        stages[0].table.paddedWeights.withUnsafeBufferPointer { firstRows in
        stages[stages.count - 1].table.paddedWeights.withUnsafeBufferPointer { secondRows in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { keys in
        index.withSlots { slots, mask in
            for part in FeatureExtractor.WordPart.allCases {
                var count = 0
                FeatureExtractor.wordKeys(info, cluster: cluster, part: part) { key in
                    precondition(count < keys.count, "more word keys than FeatureExtractor.wordKeys emits")
                    keys[count] = key
                    count &+= 1
                }
                let target0 = first + part.rawValue * l
                let target1 = twoStages ? second! + part.rawValue * l : target0
                LabelVector.clear(target0, count: l)
                if twoStages { LabelVector.clear(target1, count: l) }
                // Whole SIMD steps: the lanes past L spill into the next part's vector, which that
                // part clears first (or into the spare values after the last part).
                for k in 0..<count {
                    let packed = SharedWeightIndex.offsets(of: keys[k], slots: slots, mask: mask)
                    let offset0 = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF), offset1 = Int(truncatingIfNeeded: packed >> 32)
                    if offset0 != 0 { LabelVector.addLanes(firstRows.baseAddress! + offset0 - 1, into: target0, lanes: lanes) }
                    if offset1 != 0 { LabelVector.addLanes(secondRows.baseAddress! + offset1 - 1, into: target1, lanes: lanes) }
                }
            }
        }
        }
        }
        }
    }
}
