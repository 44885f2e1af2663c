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
    private var scratch = FeatureScratch()
    private var decoders: [ViterbiDecoder]
    private var emissions: [Float] = []
    private var accumulator: [Int32]
    private var evidenceKeys: [UInt64] = []

    private var analyzed = AnalyzedDocument([])
    /// Context keys of the document's token t: `keys[keyStarts[t]..<keyStarts[t + 1]]`.
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
    private var wordKeys: [UInt64] = []
    /// First-stage label of every token of the document.
    private var firstLabels: [Int] = []

    init(model: RecognizerModel) {
        self.model = model
        extractor = model.extractor
        wordCache = model.wordCache.cache
        decoders = model.decoders
        accumulator = [Int32](repeating: 0, count: LabelVector.lanes(model.labels.count))
        computed = model.stages.map { _ in [] }
    }

    /// Spans with margins of every sentence, from the last stage.
    mutating func marginSpans(_ document: [[Substring]]) -> [[MarginSpan]] {
        prepare(document)
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
    var contextKeyCount: Int { keys.count }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ document: [[Substring]]) {
        analyzed = AnalyzedDocument(document)
        let context = DocumentContext(document: document, analyzed: analyzed)
        let l = model.labels.count, parts = WordScoreCache.parts, cache = wordCache
        let tokenCount = analyzed.infos.count
        keys.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keyStarts.append(0)
        codes.removeAll(keepingCapacity: true)
        codeStarts.removeAll(keepingCapacity: true)
        codeStarts.append(0)
        if wordOffsets.count < tokenCount { wordOffsets = [Int](repeating: 0, count: tokenCount) }
        var uncached = 0
        for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s)
            guard !range.isEmpty else { continue }
            extractor.extract(analyzed, sentence: s, document: context, contextOnly: true, dense: true, into: &scratch)
            let base = keys.count, codeBase = codes.count
            keys.append(contentsOf: scratch.keys)
            codes.append(contentsOf: scratch.codes)
            for i in 1...range.count {
                keyStarts.append(base + scratch.offsets[i])
                codeStarts.append(codeBase + scratch.codeOffsets[i])
            }
            for (j, t) in range.enumerated() {
                let info = analyzed.infos[t]
                if let offset = cache.offset(exact: info.exact) {
                    wordOffsets[t] = offset
                    continue
                }
                wordOffsets[t] = -1 - uncached
                let vectorBase = uncached * parts * l
                uncached += 1
                let needed = uncached * parts * l + LabelVector.width
                for stage in computed.indices where computed[stage].count < needed {
                    computed[stage].append(contentsOf: repeatElement(0, count: max(needed, 2 * computed[stage].count) - computed[stage].count))
                }
                for part in FeatureExtractor.WordPart.allCases {
                    wordKeys.removeAll(keepingCapacity: true)
                    FeatureExtractor.wordKeys(info, cluster: scratch.clusters[j], part: part) { wordKeys.append($0) }
                    wordKeys.withUnsafeBufferPointer { keys in
                        for stage in computed.indices {
                            computed[stage].withUnsafeMutableBufferPointer { vectors in
                                let vector = vectors.baseAddress! + vectorBase + part.rawValue * l
                                LabelVector.clear(vector, count: l)
                                model.stages[stage].table.accumulate(keys, into: vector)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Fills the emission scores of sentence `s` (not empty) at `stage`.
    private mutating func score(_ s: Int, stage: Int, evidence: StageEvidence?) {
        let range = analyzed.range(of: s)
        let n = range.count, first = range.lowerBound
        let l = model.labels.count, parts = WordScoreCache.parts, lanes = LabelVector.lanes(l)
        if emissions.count < n * l { emissions = [Float](repeating: 0, count: n * l) }
        let weights = model.stages[stage], scale = weights.weightScale
        let boundary = wordCache.boundaries[stage]
        emissions.withUnsafeMutableBufferPointer { out in
        wordCache.withVectors(stage: stage) { cached in
            computed[stage].withUnsafeBufferPointer { computed in
                keys.withUnsafeBufferPointer { keys in
                codes.withUnsafeBufferPointer { codes in
                codeStarts.withUnsafeBufferPointer { codeStarts in
                wordOffsets.withUnsafeBufferPointer { wordOffsets in
                weights.dense.offsets.withUnsafeBufferPointer { dense in
                weights.table.paddedWeights.withUnsafeBufferPointer { rows in
                    accumulator.withUnsafeMutableBufferPointer { sums in
                        // Raw pointers: the indices come from `prepare`, checking them per token costs more than the adds.
                        let sum = sums.baseAddress!, rowBase = rows.baseAddress!, denseBase = dense.baseAddress!
                        let codeBase = codes.baseAddress!, codeStartBase = codeStarts.baseAddress!, wordOffsetBase = wordOffsets.baseAddress!
                        func add(_ t: Int, _ part: FeatureExtractor.WordPart) {
                            let offset = wordOffsetBase[t]
                            let vector = offset >= 0
                                ? cached + offset + part.rawValue * l
                                : computed.baseAddress! + ((-1 - offset) * parts + part.rawValue) * l
                            LabelVector.addLanes(vector, into: sum, lanes: lanes)
                        }
                        func addBoundary(_ part: FeatureExtractor.WordPart) {
                            boundary.withUnsafeBufferPointer { LabelVector.addLanes($0.baseAddress! + part.rawValue * l, into: sum, lanes: lanes) }
                        }
                        for i in 0..<n {
                            let t = first + i
                            LabelVector.clear(sum, count: lanes)
                            weights.table.accumulateLanes(UnsafeBufferPointer(rebasing: keys[keyStarts[t]..<keyStarts[t + 1]]), into: sum)
                            var c = codeStartBase[t]
                            let end = codeStartBase[t + 1]
                            while c < end {
                                let offset = Int(denseBase[Int(codeBase[c])])
                                if offset >= 0 { LabelVector.addLanes(rowBase + offset, into: sum, lanes: lanes) }
                                c &+= 1
                            }
                            if let evidence {
                                evidenceKeys.removeAll(keepingCapacity: true)
                                FeatureExtractor.evidenceKeys(i, count: n, info: analyzed.infos[t], evidence) { evidenceKeys.append($0) }
                                evidenceKeys.withUnsafeBufferPointer { weights.table.accumulateLanes($0, into: sum) }
                            }
                            add(t, .itself)
                            if i >= 1 { add(t - 1, .nextToken) } else { addBoundary(.nextToken) }
                            if i >= 2 { add(t - 2, .tokenAfterNext) } else { addBoundary(.tokenAfterNext) }
                            if i + 1 < n { add(t + 1, .previousToken) } else { addBoundary(.previousToken) }
                            if i + 2 < n { add(t + 2, .tokenBeforePrevious) } else { addBoundary(.tokenBeforePrevious) }
                            for y in 0..<l { out[i * l + y] = Float(sum[y]) * scale }
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

    /// The fast path's emission scores of every sentence at both stages (empty sentences give
    /// `[]`), with the first stage's labels: what `RecognizerFastPathTests` compares with the
    /// reference.
    mutating func stageEmissions(_ document: [[Substring]]) -> (scores: [[[Float]]], firstLabels: [[Int]]) {
        prepare(document)
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
