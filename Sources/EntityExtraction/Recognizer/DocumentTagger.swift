/// The per-call state of tagging one document: reusable buffers, so that tokens cost no
/// allocation once the buffers have grown to the document.
///
/// The features both stages share are extracted once per document (`prepare`): every token's
/// context keys, and where its string-only weight sums are (a frequent word's cached vectors,
/// or vectors summed here once for both stages). Each stage then only looks weights up.
struct DocumentTagger {
    /// A span of the best labelling with its margin: the best path's score minus the best
    /// score of any path that labels one of the span's tokens differently.
    typealias MarginSpan = (range: Range<Int>, type: Int, margin: Float)

    let model: RecognizerModel
    private let extractor: FeatureExtractor
    private let wordCache: WordScoreCache
    private let wordSums: WordPartSums
    private let contextScratch = ContextScratch()
    private var decoders: [ViterbiDecoder]
    private var emissions: [Float] = []
    private var accumulator: [Int32]
    /// With two stages, token t's second-stage sums before the first stage's evidence (lanes
    /// per token, from `scoreContext`); else one spare accumulator.
    private var partials: [Int32] = []

    private var analyzed = AnalyzedDocument()
    /// Context keys of the document's token t: `keys[keyStarts[t]..<keyStarts[t + 1]]` (the
    /// arrays only grow: entries past the last token's are stale).
    private var keys: [UInt64] = []
    private var keyStarts: [Int] = [0]
    /// `DenseContextTable` codes of token t: `codes[codeStarts[t]..<codeStarts[t + 1]]`.
    private var codes: [Int32] = []
    private var codeStarts: [Int] = [0]
    /// Per token: where its string-only sums are (`>= 0`: offset in the word cache's vectors;
    /// `< 0`: `-1 - u` for the document's u-th uncached token, in `computed`).
    private var wordOffsets: [Int] = []
    /// Stage s: the uncached tokens' string-only sums, `parts × L` per token, then at least
    /// `LabelVector.width` spare values (read in whole SIMD steps).
    private var computed: [[Int32]]
    /// First-stage label of every token of the document.
    private var firstLabels: [Int] = []
    /// The document's uncached words, each as the first token where it occurs.
    private var newWords: [Int] = []

    init(model: RecognizerModel) {
        self.model = model
        extractor = model.extractor
        wordCache = model.wordCache.cache
        wordSums = model.wordSums
        decoders = model.decoders
        accumulator = [Int32](repeating: 0, count: LabelVector.lanes(model.labels.count))
        computed = model.stages.map { _ in [] }
    }

    /// Spans with margins of every sentence, from the last stage.
    mutating func marginSpans(_ input: RecognizerInput) -> [[MarginSpan]] {
        prepare(input)
        return marginSpansOfPrepared()
    }

    /// `marginSpans` of the document `prepare` last read: both stages' scoring and decoding.
    mutating func marginSpansOfPrepared() -> [[MarginSpan]] {
        let last = model.stages.count - 1
        var evidence: FirstPassEvidence?
        if last > 0 {
            firstLabels.removeAll(keepingCapacity: true)
            for s in 0..<analyzed.sentenceCount {
                let n = analyzed.range(of: s).count
                guard n > 0 else { continue }
                score(s, stage: 0, evidence: nil)
                decode(n, stage: 0)
                firstLabels.append(contentsOf: decoders[0].path[0..<n])
            }
            evidence = FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels)
        }
        return (0..<analyzed.sentenceCount).map { s in
            let range = analyzed.range(of: s)
            guard !range.isEmpty else { return [] }
            score(s, stage: last, evidence: evidence.map { StageEvidence(labels: firstLabels[range], document: $0, labelSet: model.labels) })
            return spans(range.count, stage: last)
        }
    }

    /// Context keys of the document `prepare` last read.
    var contextKeyCount: Int { keyStarts[analyzed.infos.count] }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ document: [[Substring]]) { prepare(RecognizerInput(document)) }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ input: RecognizerInput) {
        analyzed.analyze(input, cache: wordCache)
        let context = DocumentContext(analyzed: analyzed)
        let tokenCount = analyzed.infos.count
        if keyStarts.count <= tokenCount {
            keyStarts = [Int](repeating: 0, count: tokenCount + 1)
            codeStarts = [Int](repeating: 0, count: tokenCount + 1)
        }
        extractor.extractContext(analyzed, document: context, words: wordCache, scratch: contextScratch,
                                 keys: &keys, keyStarts: &keyStarts, codes: &codes, codeStarts: &codeStarts)
        locateWordSums()
    }

    /// Fills `wordOffsets`: a cached word's offset in the cache, else where its sums are in
    /// `computed`, summed here once per document however often the word occurs.
    private mutating func locateWordSums() {
        let l = model.labels.count, parts = WordScoreCache.parts, cache = wordCache
        let tokenCount = analyzed.infos.count
        if wordOffsets.count < tokenCount { wordOffsets = [Int](repeating: 0, count: tokenCount) }
        var newWords = self.newWords
        self.newWords = []
        newWords.removeAll(keepingCapacity: true)
        analyzed.cachedWords.withUnsafeBufferPointer { cachedWords in
            // Sized for the uncached tokens only (a table per document is cleared when made).
            var uncachedTokens = 0
            for t in 0..<tokenCount where cachedWords[t] < 0 { uncachedTokens &+= 1 }
            var uncachedWords = WordHashTable<Int>(capacity: uncachedTokens, empty: -1)
        analyzed.infos.withUnsafeBufferPointer { infos in
        wordOffsets.withUnsafeMutableBufferPointer { wordOffsets in
            for t in 0..<tokenCount {
                let word = Int(cachedWords[t])
                if word >= 0 {
                    wordOffsets[t] = cache.offset(word: word)
                    continue
                }
                let exact = infos[t].exact
                if let u = uncachedWords.value(for: exact) {
                    wordOffsets[t] = -1 - u
                    continue
                }
                uncachedWords.update(exact) { $0 = newWords.count }
                wordOffsets[t] = -1 - newWords.count
                newWords.append(t)
            }
        }
        }
        }
        defer { self.newWords = newWords }
        guard !newWords.isEmpty else { return }
        let needed = newWords.count * parts * l + LabelVector.width
        for stage in computed.indices where computed[stage].count < needed {
            computed[stage].append(contentsOf: repeatElement(0, count: max(needed, 2 * computed[stage].count) - computed[stage].count))
        }
        // The stages' vectors out of `computed` while written through pointers (swaps, no copies).
        var first: [Int32] = [], second: [Int32] = []
        swap(&first, &computed[0])
        if computed.count > 1 { swap(&second, &computed[1]) }
        defer {
            swap(&first, &computed[0])
            if computed.count > 1 { swap(&second, &computed[1]) }
        }
        let lexicon = extractor.lexicon
        first.withUnsafeMutableBufferPointer { first in
        second.withUnsafeMutableBufferPointer { second in
        analyzed.infos.withUnsafeBufferPointer { infos in
        wordSums.withSummer { summer in
            for (u, t) in newWords.enumerated() {
                let info = infos[t], vectorBase = u * parts * l
                let target0 = first.baseAddress! + vectorBase, target1 = second.baseAddress.map { $0 + vectorBase }
                let cluster = lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
                summer.sum(info, cluster: cluster, into: target0, target1)
            }
        }
        }
        }
        }
    }

    /// Fills the emission scores of sentence `s` (not empty) at `stage`: stage 0 after
    /// `prepare`, then stage 1 (with the first stage's labels) after stage 0 of every sentence.
    private mutating func score(_ s: Int, stage: Int, evidence: StageEvidence?) {
        let range = analyzed.range(of: s)
        let needed = range.count * model.labels.count + LabelVector.lanes(model.labels.count)
        if emissions.count < needed { emissions = [Float](repeating: 0, count: max(needed, 2 * emissions.count)) }
        if let evidence, stage > 0 {
            scoreEvidence(range, evidence)
        } else {
            scoreContext(range)
        }
    }

    /// Stage 0's emissions of the tokens `range`; with a second stage, also its sums of
    /// everything but the first stage's evidence, into `partials`: each context key is probed
    /// once for both stages, and stage 1 only adds its evidence rows.
    private mutating func scoreContext(_ range: Range<Int>) {
        let n = range.count, first = range.lowerBound
        let l = model.labels.count, parts = WordScoreCache.parts, lanes = LabelVector.lanes(l)
        let second = model.stages.count > 1
        let partialCount = second ? (first + n) * lanes : lanes
        if partials.count < partialCount {
            // Grown keeping the earlier sentences' sums: stage 1 reads them after the whole document.
            partials.append(contentsOf: repeatElement(0, count: max(partialCount, 2 * partials.count) - partials.count))
        }
        var mostRows = 0
        for t in range { mostRows = max(mostRows, keyStarts[t + 1] - keyStarts[t] + codeStarts[t + 1] - codeStarts[t]) }
        let scale = model.stages[0].weightScale, last = model.stages.count - 1
        let stage0 = model.stages[0], stage1 = model.stages[last]
        let boundary0 = wordCache.boundaries[0], boundary1 = wordCache.boundaries[last]
        emissions.withUnsafeMutableBufferPointer { out in
        partials.withUnsafeMutableBufferPointer { partialSums in
        wordCache.withVectors(stage: 0) { cached0 in
        wordCache.withVectors(stage: last) { cached1 in
        computed[0].withUnsafeBufferPointer { computed0 in
        computed[last].withUnsafeBufferPointer { computed1 in
        keys.withUnsafeBufferPointer { keys in
        keyStarts.withUnsafeBufferPointer { keyStarts in
        codes.withUnsafeBufferPointer { codes in
        codeStarts.withUnsafeBufferPointer { codeStarts in
        wordOffsets.withUnsafeBufferPointer { wordOffsets in
        stage0.dense.offsets.withUnsafeBufferPointer { dense0 in
        stage1.dense.offsets.withUnsafeBufferPointer { dense1 in
        stage0.table.paddedWeights.withUnsafeBufferPointer { rows0 in
        stage1.table.paddedWeights.withUnsafeBufferPointer { rows1 in
        boundary0.withUnsafeBufferPointer { boundary0 in
        boundary1.withUnsafeBufferPointer { boundary1 in
        model.sharedIndex.withSlots { slots, mask in
        accumulator.withUnsafeMutableBufferPointer { sums in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * max(mostRows, 1)) { rowOffsets in
        withUnsafeTemporaryAllocation(of: UnsafePointer<Int32>.self, capacity: 2 * parts) { vectors in
            // Raw pointers: the indices come from `prepare`, checking them per token costs more than the adds.
            let sum = sums.baseAddress!, keyBase = keys.baseAddress!, keyStartBase = keyStarts.baseAddress!
            let codeBase = codes.baseAddress!, codeStartBase = codeStarts.baseAddress!, wordOffsetBase = wordOffsets.baseAddress!
            let denseBase0 = dense0.baseAddress!, denseBase1 = dense1.baseAddress!
            // Each token's rows (offsets in the stage's weights) and word vectors: stage 0's first, stage 1's after.
            let offsets0 = rowOffsets.baseAddress!, offsets1 = offsets0 + max(mostRows, 1)
            let vectors0 = vectors.baseAddress!, vectors1 = vectors0 + parts
            // A token's part p vector is `base + p * l`, cached or computed alike.
            @inline(__always) func wordVectors(_ t: Int, cached: UnsafePointer<Int32>, computed: UnsafePointer<Int32>) -> UnsafePointer<Int32> {
                let offset = wordOffsetBase[t]
                return offset >= 0 ? cached + offset : computed + (-1 - offset) * parts * l
            }
            for i in 0..<n {
                let t = first + i
                var count0 = 0, count1 = 0
                var k = keyStartBase[t]
                let keyEnd = keyStartBase[t + 1]
                while k < keyEnd {
                    let packed = SharedWeightIndex.offsets(of: keyBase[k], slots: slots, mask: mask)
                    if packed != 0 {
                        let offset0 = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF), offset1 = Int(truncatingIfNeeded: packed >> 32)
                        if offset0 != 0 { offsets0[count0] = offset0 - 1; count0 &+= 1 }
                        if offset1 != 0 { offsets1[count1] = offset1 - 1; count1 &+= 1 }
                    }
                    k &+= 1
                }
                var c = codeStartBase[t]
                let codeEnd = codeStartBase[t + 1]
                while c < codeEnd {
                    let code = Int(codeBase[c])
                    let offset0 = Int(denseBase0[code]), offset1 = Int(denseBase1[code])
                    if offset0 >= 0 { offsets0[count0] = offset0; count0 &+= 1 }
                    if offset1 >= 0 { offsets1[count1] = offset1; count1 &+= 1 }
                    c &+= 1
                }
                // Word vectors of the token and its neighbours (the sentence's edge where there are none).
                @inline(__always) func setVectors(_ part: FeatureExtractor.WordPart, _ j: Int) {
                    let p = part.rawValue
                    if j >= 0 && j < n {
                        vectors0[p] = wordVectors(first + j, cached: cached0, computed: computed0.baseAddress!) + p * l
                        vectors1[p] = wordVectors(first + j, cached: cached1, computed: computed1.baseAddress!) + p * l
                    } else {
                        vectors0[p] = boundary0.baseAddress! + p * l
                        vectors1[p] = boundary1.baseAddress! + p * l
                    }
                }
                setVectors(.itself, i)
                setVectors(.nextToken, i - 1)
                setVectors(.tokenAfterNext, i - 2)
                setVectors(.previousToken, i + 1)
                setVectors(.tokenBeforePrevious, i + 2)
                LabelVector.sumConverted(rows: rows0.baseAddress!, offsets: offsets0, rowCount: count0, vectors: vectors0, vectorCount: parts,
                                         lanes: lanes, scale: scale, scratch: sum, into: out.baseAddress! + i * l)
                if second {
                    LabelVector.sum(rows: rows1.baseAddress!, offsets: offsets1, rowCount: count1, vectors: vectors1, vectorCount: parts,
                                    lanes: lanes, into: partialSums.baseAddress! + t * lanes)
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

    /// Stage 1's emissions of the tokens `range`: the sums `scoreContext` left in `partials` plus
    /// the rows of the keys of the first stage's labels.
    private mutating func scoreEvidence(_ range: Range<Int>, _ evidence: StageEvidence) {
        let n = range.count, first = range.lowerBound
        let l = model.labels.count, lanes = LabelVector.lanes(l), stage = model.stages.count - 1
        let scale = model.stages[stage].weightScale, shift = UInt64(32 * stage)
        // `FeatureExtractor.evidenceKeys` emits at most 3 + typeCount keys (label, context, a
        // share per type, vote); more would be a change there that must be made here too.
        let mostKeys = 3 + evidence.document.typeCount
        emissions.withUnsafeMutableBufferPointer { out in
        partials.withUnsafeBufferPointer { partialSums in
        model.stages[stage].table.paddedWeights.withUnsafeBufferPointer { rows in
        model.sharedIndex.withSlots { slots, mask in
        accumulator.withUnsafeMutableBufferPointer { sums in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: mostKeys) { rowOffsets in
        withUnsafeTemporaryAllocation(of: UnsafePointer<Int32>.self, capacity: 1) { partial in
            let offsets = rowOffsets.baseAddress!
            for i in 0..<n {
                let t = first + i
                var count = 0
                FeatureExtractor.evidenceKeys(i, count: n, info: analyzed.infos[t], evidence) { key in
                    let offset = Int(truncatingIfNeeded: SharedWeightIndex.offsets(of: key, slots: slots, mask: mask) >> shift & 0xFFFF_FFFF)
                    precondition(count < mostKeys, "more evidence keys than FeatureExtractor.evidenceKeys emits")
                    if offset != 0 { offsets[count] = offset - 1; count &+= 1 }
                }
                partial[0] = partialSums.baseAddress! + t * lanes
                LabelVector.sumConverted(rows: rows.baseAddress!, offsets: offsets, rowCount: count, vectors: partial.baseAddress!, vectorCount: 1,
                                         lanes: lanes, scale: scale, scratch: sums.baseAddress!, into: out.baseAddress! + i * l)
            }
        }
        }
        }
        }
        }
        }
        }
    }

    /// The fast path's emission scores of every sentence at both stages (empty sentences give
    /// `[]`), with the first stage's labels: what `RecognizerFastPathTests` compares with the
    /// reference.
    mutating func stageEmissions(_ document: [[Substring]]) -> (scores: [[[Float]]], firstLabels: [[Int]]) {
        stageEmissions(RecognizerInput(document))
    }

    /// `stageEmissions` of a document in byte form.
    mutating func stageEmissions(_ input: RecognizerInput) -> (scores: [[[Float]]], firstLabels: [[Int]]) {
        prepare(input)
        var scores: [[[Float]]] = model.stages.map { _ in [] }
        var labels: [[Int]] = []
        firstLabels.removeAll(keepingCapacity: true)
        for s in 0..<analyzed.sentenceCount {
            let n = analyzed.range(of: s).count
            guard n > 0 else { scores[0].append([]); labels.append([]); continue }
            score(s, stage: 0, evidence: nil)
            scores[0].append(Array(emissions[0..<(n * model.labels.count)]))
            decode(n, stage: 0)
            labels.append(Array(decoders[0].path[0..<n]))
            firstLabels.append(contentsOf: labels[s])
        }
        guard model.stages.count > 1 else { return (scores, labels) }
        let evidence = FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels)
        for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s)
            guard !range.isEmpty else { scores[1].append([]); continue }
            score(s, stage: 1, evidence: StageEvidence(labels: firstLabels[range], document: evidence, labelSet: model.labels))
            scores[1].append(Array(emissions[0..<(range.count * model.labels.count)]))
        }
        return (scores, labels)
    }

    /// Decodes the first `n` tokens' emissions at `stage`; returns the best path's score.
    @discardableResult
    private mutating func decode(_ n: Int, stage: Int) -> Float {
        let needed = n * model.labels.count
        return emissions.withUnsafeBufferPointer { decoders[stage].decode(UnsafeBufferPointer(rebasing: $0[0..<needed]), count: n) }
    }

    private mutating func spans(_ n: Int, stage: Int) -> [MarginSpan] {
        let best = decode(n, stage: stage)
        // Margins need the backward pass only from the first entity token on.
        guard let firstEntity = decoders[stage].path[0..<n].firstIndex(where: { $0 != 0 }) else { return [] }
        decoders[stage].computeMaxMarginals(count: n, from: firstEntity)
        var spans: [MarginSpan] = []
        BILOUDecoder(labels: model.labels).decode(count: n, label: { decoders[stage].path[$0] }) { range, type in
            spans.append((range, type, best - decoders[stage].bestRival(over: range)))
        }
        return spans
    }
}
