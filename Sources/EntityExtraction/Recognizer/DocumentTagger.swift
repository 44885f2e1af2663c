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
        extractor.extract(analyzed, sentence: s, document: context, evidence: evidence, into: &scratch)
        let needed = n * model.labels.count
        if emissions.count < needed { emissions = [Float](repeating: 0, count: needed) }
        model.stages[stage].scoreEmissions(scratch, count: n, labelCount: model.labels.count,
                                           into: &emissions, accumulator: &accumulator)
        return true
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
