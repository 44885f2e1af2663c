/// The per-call state of tagging one document: reusable buffers, so that tokens cost no
/// allocation once the buffers have grown to the longest sentence.
struct DocumentTagger {
    /// A span of the best labelling with its margin: the best path's score minus the best
    /// score of any path that labels one of the span's tokens differently.
    typealias MarginSpan = (range: Range<Int>, type: Int, margin: Float)

    let model: RecognizerModel
    private let extractor: FeatureExtractor
    private var scratch = FeatureScratch()
    private var decoders: [ViterbiDecoder]
    private var emissions: [Float] = []
    private var accumulator: [Int32]
    /// String-only weight sums of the sentence's uncached words, `parts × L` per token.
    private var wordScores: [Int32] = []
    /// Per token: where its string-only sums are (`>= 0`: offset in the stage's cache;
    /// `< 0`: token index `-1 - j` in `wordScores`).
    private var wordOffsets: [Int] = []
    private var wordKeys: [UInt64] = []

    init(model: RecognizerModel) {
        self.model = model
        extractor = model.extractor
        decoders = model.stages.map { ViterbiDecoder(labels: model.labels, transitions: $0.transitions) }
        accumulator = [Int32](repeating: 0, count: model.labels.count)
    }

    /// First-stage labels of every sentence (what the second stage reads).
    mutating func firstStageLabels(_ analyzed: AnalyzedDocument, context: DocumentContext) -> [[Int]] {
        (0..<analyzed.sentenceCount).map { s in
            let n = analyzed.range(of: s).count
            guard score(analyzed, s, stage: 0, context: context, evidence: nil) else { return [] }
            decode(n, stage: 0, marginals: false)
            return Array(decoders[0].path[0..<n])
        }
    }

    /// Spans with margins of every sentence, from the last stage.
    mutating func marginSpans(_ document: [[Substring]]) -> [[MarginSpan]] {
        let analyzed = AnalyzedDocument(document)
        let context = DocumentContext(document: document, analyzed: analyzed)
        let last = model.stages.count - 1
        var evidence: FirstPassEvidence?
        var firstLabels: [[Int]] = []
        if last > 0 {
            firstLabels = firstStageLabels(analyzed, context: context)
            evidence = FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels)
        }
        return document.indices.map { s in
            let stageEvidence = evidence.map { StageEvidence(labels: firstLabels[s][...], document: $0, labelSet: model.labels) }
            guard score(analyzed, s, stage: last, context: context, evidence: stageEvidence) else { return [] }
            return spans(document[s].count, stage: last)
        }
    }

    /// Fills the emission scores of `stage`; false for an empty sentence.
    private mutating func score(_ analyzed: AnalyzedDocument, _ s: Int, stage: Int, context: DocumentContext, evidence: StageEvidence?) -> Bool {
        let n = analyzed.range(of: s).count
        guard n > 0 else { return false }
        extractor.extract(analyzed, sentence: s, document: context, evidence: evidence, contextOnly: true, into: &scratch)
        let l = model.labels.count, parts = WordScoreCache.parts
        if emissions.count < n * l { emissions = [Float](repeating: 0, count: n * l) }
        if wordOffsets.count < n {
            wordOffsets = [Int](repeating: 0, count: n)
            wordScores = [Int32](repeating: 0, count: n * parts * l)
        }
        let cache = model.wordCaches[stage]
        let weights = model.stages[stage]
        for j in 0..<n {
            let info = scratch.infos[j]
            if let offset = cache.offset(exact: info.exact) {
                wordOffsets[j] = offset
                continue
            }
            wordOffsets[j] = -1 - j
            for part in FeatureExtractor.WordPart.allCases {
                wordKeys.removeAll(keepingCapacity: true)
                FeatureExtractor.wordKeys(info, cluster: scratch.clusters[j], part: part) { wordKeys.append($0) }
                let base = (j * parts + part.rawValue) * l
                for y in 0..<l { wordScores[base + y] = 0 }
                wordKeys.withUnsafeBufferPointer { keys in
                    wordScores.withUnsafeMutableBufferPointer { weights.table.accumulate(keys, into: $0.baseAddress! + base) }
                }
            }
        }
        cache.withVectors { cached in
            wordScores.withUnsafeBufferPointer { computed in
                scratch.keys.withUnsafeBufferPointer { keys in
                    accumulator.withUnsafeMutableBufferPointer { sums in
                        let sum = sums.baseAddress!
                        func add(_ j: Int, _ part: FeatureExtractor.WordPart) {
                            let offset = wordOffsets[j]
                            let vector = offset >= 0
                                ? cached + offset + part.rawValue * l
                                : computed.baseAddress! + ((-1 - offset) * parts + part.rawValue) * l
                            for y in 0..<l { sum[y] &+= vector[y] }
                        }
                        func addBoundary(_ part: FeatureExtractor.WordPart) {
                            for y in 0..<l { sum[y] &+= cache.boundary[part.rawValue * l + y] }
                        }
                        for i in 0..<n {
                            for y in 0..<l { sum[y] = 0 }
                            weights.table.accumulate(UnsafeBufferPointer(rebasing: keys[scratch.offsets[i]..<scratch.offsets[i + 1]]), into: sum)
                            add(i, .itself)
                            if i >= 1 { add(i - 1, .nextToken) } else { addBoundary(.nextToken) }
                            if i >= 2 { add(i - 2, .tokenAfterNext) } else { addBoundary(.tokenAfterNext) }
                            if i + 1 < n { add(i + 1, .previousToken) } else { addBoundary(.previousToken) }
                            if i + 2 < n { add(i + 2, .tokenBeforePrevious) } else { addBoundary(.tokenBeforePrevious) }
                            for y in 0..<l { emissions[i * l + y] = Float(sum[y]) * weights.weightScale }
                        }
                    }
                }
            }
        }
        return true
    }

    /// The reference scoring the fast path must equal: every key looked up one by one.
    mutating func referenceEmissions(_ analyzed: AnalyzedDocument, _ s: Int, stage: Int, context: DocumentContext,
                                     evidence: StageEvidence?) -> [Float] {
        let n = analyzed.range(of: s).count
        extractor.extract(analyzed, sentence: s, document: context, evidence: evidence, into: &scratch)
        var result = [Float](repeating: 0, count: n * model.labels.count)
        model.stages[stage].scoreEmissions(scratch, count: n, labelCount: model.labels.count, into: &result, accumulator: &accumulator)
        return result
    }

    /// The fast path's emission scores, for comparison with `referenceEmissions`.
    mutating func fastEmissions(_ analyzed: AnalyzedDocument, _ s: Int, stage: Int, context: DocumentContext,
                                evidence: StageEvidence?) -> [Float] {
        let n = analyzed.range(of: s).count
        guard score(analyzed, s, stage: stage, context: context, evidence: evidence) else { return [] }
        return Array(emissions[0..<(n * model.labels.count)])
    }

    @discardableResult
    private mutating func decode(_ n: Int, stage: Int, marginals: Bool) -> Float {
        let needed = n * model.labels.count
        return emissions.withUnsafeBufferPointer { e in
            let scores = UnsafeBufferPointer(rebasing: e[0..<needed])
            let best = decoders[stage].decode(scores, count: n)
            if marginals { decoders[stage].computeMaxMarginals(scores, count: n) }
            return best
        }
    }

    private mutating func spans(_ n: Int, stage: Int) -> [MarginSpan] {
        let best = decode(n, stage: stage, marginals: true)
        let l = model.labels.count
        let decoder = decoders[stage]
        var spans: [MarginSpan] = []
        BILOUDecoder(labels: model.labels).decode(count: n, label: { decoder.path[$0] }) { range, type in
            var rival = ViterbiDecoder.impossible
            for i in range {
                for y in 0..<l where y != decoder.path[i] { rival = max(rival, decoder.maxMarginal(i, y)) }
            }
            spans.append((range, type, best - rival))
        }
        return spans
    }
}
