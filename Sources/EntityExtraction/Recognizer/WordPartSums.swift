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
        withSummer { $0.sum(info, cluster: cluster, into: first, second) }
    }

    /// Runs `body` with a `Summer` over the model's weights: for summing many words, the
    /// weights and the index are pinned once rather than per word. `memo` (a tagger's, kept
    /// across documents) remembers where the keys many words share have their weights.
    func withSummer<R>(memo: WordKeyMemo = WordKeyMemo(), _ body: (Summer) -> R) -> R {
        stages[0].table.paddedWeights.withUnsafeBufferPointer { firstRows in
        stages[stages.count - 1].table.paddedWeights.withUnsafeBufferPointer { secondRows in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: FeatureExtractor.mostWordKeys) { offsets in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: FeatureExtractor.WordPart.allCases.count) { ends in
        index.withSlots { slots, mask in
            withExtendedLifetime(memo) {
                body(Summer(firstRows: firstRows.baseAddress!, secondRows: secondRows.baseAddress!, slots: slots, mask: mask,
                            labelCount: labelCount, twoStages: stages.count > 1, offsets: offsets.baseAddress!, ends: ends.baseAddress!,
                            memo: memo.entries))
            }
        }
        }
        }
        }
        }
    }

    /// `WordPartSums.sum` through pointers that `withSummer` keeps valid.
    struct Summer {
        let firstRows: UnsafePointer<Int16>, secondRows: UnsafePointer<Int16>
        let slots: UnsafePointer<UInt64>, mask: Int
        let labelCount: Int, twoStages: Bool
        /// Room for one word's keys' packed offsets and its parts' ends.
        let offsets: UnsafeMutablePointer<UInt64>, ends: UnsafeMutablePointer<Int>
        let memo: UnsafeMutablePointer<WordKeyMemo.Entry>

        /// What `WordPartSums.sum` writes.
        @inline(__always)
        func sum(_ info: TokenInfo, cluster: UInt32, into first: UnsafeMutablePointer<Int32>, _ second: UnsafeMutablePointer<Int32>?) {
            precondition(!twoStages || second != nil, "a two-stage model needs both targets")
            let l = labelCount, lanes = LabelVector.lanes(l)
            var finder = OffsetFinder(offsets: offsets, ends: ends, slots: slots, mask: mask, memo: memo)
            FeatureExtractor.visitWordKeys(info, cluster: cluster, &finder)
            var start = 0
            // Part by part, each written in whole SIMD steps: the lanes past L spill into the next
            // part's vector, which is written after (or into the spare values after the last part).
            for part in 0..<FeatureExtractor.WordPart.allCases.count {
                let end = ends[part]
                let target0 = first + part * l
                if lanes == 24 {
                    var a0 = SIMD8<Int32>(), b0 = a0, c0 = a0, a1 = a0, b1 = a0, c1 = a0
                    for k in start..<end {
                        let packed = offsets[k]
                        let offset0 = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF), offset1 = Int(truncatingIfNeeded: packed >> 32)
                        if offset0 != 0 { Self.add24(firstRows + offset0 - 1, &a0, &b0, &c0) }
                        if offset1 != 0 { Self.add24(secondRows + offset1 - 1, &a1, &b1, &c1) }
                    }
                    Self.store24(a0, b0, c0, into: target0)
                    if twoStages { Self.store24(a1, b1, c1, into: second! + part * l) }
                } else {
                    let target1 = twoStages ? second! + part * l : target0
                    LabelVector.clear(target0, count: lanes)
                    if twoStages { LabelVector.clear(target1, count: lanes) }
                    for k in start..<end {
                        let packed = offsets[k]
                        let offset0 = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF), offset1 = Int(truncatingIfNeeded: packed >> 32)
                        if offset0 != 0 { LabelVector.addLanes(firstRows + offset0 - 1, into: target0, lanes: lanes) }
                        if offset1 != 0 { LabelVector.addLanes(secondRows + offset1 - 1, into: target1, lanes: lanes) }
                    }
                }
                start = end
            }
        }

        @inline(__always)
        private static func add24(_ row: UnsafePointer<Int16>, _ a: inout SIMD8<Int32>, _ b: inout SIMD8<Int32>, _ c: inout SIMD8<Int32>) {
            let source = UnsafeRawPointer(row)
            a &+= SIMD8<Int32>(truncatingIfNeeded: source.loadUnaligned(as: SIMD8<Int16>.self))
            b &+= SIMD8<Int32>(truncatingIfNeeded: source.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self))
            c &+= SIMD8<Int32>(truncatingIfNeeded: source.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int16>.self))
        }

        @inline(__always)
        private static func store24(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>, _ c: SIMD8<Int32>, into target: UnsafeMutablePointer<Int32>) {
            let destination = UnsafeMutableRawPointer(target)
            destination.storeBytes(of: a, as: SIMD8<Int32>.self)
            destination.storeBytes(of: b, toByteOffset: 32, as: SIMD8<Int32>.self)
            destination.storeBytes(of: c, toByteOffset: 64, as: SIMD8<Int32>.self)
        }
    }
}

/// `WordPartSums.Summer`'s sink of a word's keys: each key's packed offsets in the shared
/// weight index, the shared keys' taken from the tagger's memo when it has them.
private struct OffsetFinder: WordKeySink {
    let offsets: UnsafeMutablePointer<UInt64>, ends: UnsafeMutablePointer<Int>
    let slots: UnsafePointer<UInt64>, mask: Int
    let memo: UnsafeMutablePointer<WordKeyMemo.Entry>
    var k = 0

    @inline(__always)
    mutating func put(_ template: FeatureTemplate, _ value: UInt64) {
        offsets[k] = SharedWeightIndex.offsets(of: FeatureHash.mix(template.rawValue, value), slots: slots, mask: mask)
        k &+= 1
    }

    @inline(__always)
    mutating func put(_ template: FeatureTemplate, shared kind: WordKeyMemo.Kind, tag: UInt64, _ value: () -> UInt64) {
        let entry = WordKeyMemo.slot(kind, tag: tag, in: memo)
        if entry.pointee.tag == tag && entry.pointee.packed != .max {
            offsets[k] = entry.pointee.packed
            k &+= 1
        } else {
            put(template, value())
            entry.pointee = WordKeyMemo.Entry(tag: tag, packed: offsets[k &- 1])
        }
    }

    @inline(__always)
    mutating func end(_ part: FeatureExtractor.WordPart) { ends[part.rawValue] = k }
}
