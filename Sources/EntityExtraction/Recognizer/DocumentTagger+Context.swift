extension DocumentTagger {
    /// Stage 0's emissions of every token of the document (token t's at `t × L`, after
    /// `reserveEmissions`); with a second stage, also its sums of everything but the first
    /// stage's evidence, into `partials`: each context key is probed once for both stages, and
    /// stage 1 only adds its evidence rows.
    mutating func scoreContext() {
        let l = model.labels.count, parts = WordScoreCache.parts, lanes = LabelVector.lanes(l)
        let second = model.stages.count > 1
        let partialCount = second ? analyzed.infos.count * lanes : lanes
        if partials.count < partialCount { partials = [Int32](repeating: 0, count: max(partialCount, 2 * partials.count)) }
        let scale = model.stages[0].weightScale, last = model.stages.count - 1
        let stage0 = model.stages[0], stage1 = model.stages[last]
        let boundary0 = wordCache.boundaries[0], boundary1 = wordCache.boundaries[last]
        let inRegisters = LabelVector.registerLanes(l) == 20
        emissions.withUnsafeMutableBufferPointer { out in
        partials.withUnsafeMutableBufferPointer { partialSums in
        wordCache.withVectors(stage: 0) { cached0 in
        wordCache.withVectors(stage: last) { cached1 in
        wordCache.folded.withUnsafeBufferPointer { folded in
        computed[0].withUnsafeBufferPointer { computed0 in
        computed[last].withUnsafeBufferPointer { computed1 in
        keys.withUnsafeBufferPointer { keys in
        keyStarts.withUnsafeBufferPointer { keyStarts in
        codes.withUnsafeBufferPointer { codes in
        codeStarts.withUnsafeBufferPointer { codeStarts in
        wordOffsets.withUnsafeBufferPointer { wordOffsets in
        analyzed.cachedWords.withUnsafeBufferPointer { cachedWords in
        stage0.dense.offsets.withUnsafeBufferPointer { dense0 in
        stage1.dense.offsets.withUnsafeBufferPointer { dense1 in
        stage0.table.paddedWeights.withUnsafeBufferPointer { rows0 in
        stage1.table.paddedWeights.withUnsafeBufferPointer { rows1 in
        boundary0.withUnsafeBufferPointer { boundary0 in
        boundary1.withUnsafeBufferPointer { boundary1 in
        model.sharedIndex.withSlots { slots, mask in
        accumulator.withUnsafeMutableBufferPointer { scratch in
            // Raw pointers: the indices come from `prepare`, checking them per token costs more than the adds.
            let keyBase = keys.baseAddress!, keyStartBase = keyStarts.baseAddress!
            let codeBase = codes.baseAddress!, codeStartBase = codeStarts.baseAddress!, wordOffsetBase = wordOffsets.baseAddress!
            let denseBase0 = dense0.baseAddress!, denseBase1 = dense1.baseAddress!
            let rowBase0 = rows0.baseAddress!, rowBase1 = rows1.baseAddress!
            // A token's part p vector is `base + p * l`, cached or computed alike.
            @inline(__always) func wordVectors(_ t: Int, cached: UnsafePointer<Int32>, computed: UnsafePointer<Int32>) -> UnsafePointer<Int32> {
                let offset = wordOffsetBase[t]
                return offset >= 0 ? cached + offset : computed + (-1 &- offset) &* parts &* l
            }
            for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s), n = range.count, first = range.lowerBound, headline = analyzed.headlines[s]
            /// Token i's sums of both stages: word vectors, keyed rows, coded rows.
            @inline(__always) func sum<S: LabelSums>(_ i: Int, _ sums0: inout S, _ sums1: inout S) {
                let t = first &+ i
                // Word vectors of the token and its neighbours (the sentence's edge where there are none).
                @inline(__always) func addVectors(_ part: FeatureExtractor.WordPart, _ j: Int) {
                    let p = part.rawValue &* l
                    if j >= 0 && j < n {
                        sums0.add(wordVectors(first &+ j, cached: cached0, computed: computed0.baseAddress!) + p)
                        sums1.add(wordVectors(first &+ j, cached: cached1, computed: computed1.baseAddress!) + p)
                    } else {
                        sums0.add(boundary0.baseAddress! + p)
                        sums1.add(boundary1.baseAddress! + p)
                    }
                }
                addVectors(.itself, i)
                addVectors(.nextToken, i &- 1)
                addVectors(.tokenAfterNext, i &- 2)
                addVectors(.previousToken, i &+ 1)
                addVectors(.tokenBeforePrevious, i &+ 2)
                var k = keyStartBase[t]
                let keyEnd = keyStartBase[t &+ 1]
                while k < keyEnd {
                    let packed = SharedWeightIndex.offsets(of: keyBase[k], slots: slots, mask: mask)
                    if packed != 0 {
                        let offset0 = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF), offset1 = Int(truncatingIfNeeded: packed >> 32)
                        if offset0 != 0 { sums0.add(rowBase0 + (offset0 &- 1)) }
                        if offset1 != 0 { sums1.add(rowBase1 + (offset1 &- 1)) }
                    }
                    k &+= 1
                }
                // A folded word's vector holds its context-0 word codes' rows: skip them in context 0;
                // elsewhere only the context-free ones, and trade the others' context-0 rows for
                // this context's.
                let word = Int(cachedWords[t])
                let isFolded = word >= 0 && folded[word]
                let skipBelow = isFolded ? (headline || i == 0 ? DenseContextTable.contextFreeEnd : DenseContextTable.wordEnd) : 0
                var c = codeStartBase[t]
                let codeEnd = codeStartBase[t &+ 1]
                while c < codeEnd {
                    let code = codeBase[c]
                    c &+= 1
                    if code < skipBelow { continue }
                    let offset0 = Int(denseBase0[Int(code)]), offset1 = Int(denseBase1[Int(code)])
                    if offset0 >= 0 { sums0.add(rowBase0 + offset0) }
                    if offset1 >= 0 { sums1.add(rowBase1 + offset1) }
                    if isFolded && code < DenseContextTable.wordEnd {
                        let zero = Int(DenseContextTable.inContextZero(code))
                        let offset0 = Int(denseBase0[zero]), offset1 = Int(denseBase1[zero])
                        if offset0 >= 0 { sums0.subtract(rowBase0 + offset0) }
                        if offset1 >= 0 { sums1.subtract(rowBase1 + offset1) }
                    }
                }
            }
            for i in 0..<n {
                // One stage: its second sums go to the spare lanes of `partials`, unread.
                let target1 = partialSums.baseAddress! + (second ? (first &+ i) &* lanes : 0)
                if inRegisters {
                    var sums0 = RegisterLabelSums(), sums1 = RegisterLabelSums()
                    sum(i, &sums0, &sums1)
                    sums0.store(scale: scale, into: out.baseAddress! + (first &+ i) &* l)
                    sums1.store(into: target1)
                } else {
                    // Stage 0 in the scratch, converted after; stage 1 (or a spare) in place.
                    var sums0 = MemoryLabelSums(scratch.baseAddress!, lanes: lanes), sums1 = MemoryLabelSums(target1, lanes: lanes)
                    sum(i, &sums0, &sums1)
                    LabelVector.convert(scratch.baseAddress!, lanes: lanes, scale: scale, into: out.baseAddress! + (first &+ i) &* l)
                }
            }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }
}
