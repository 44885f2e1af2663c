/// The recognizer's inner stages one at a time, for the micro-benchmarks in `Benchmarks/`
/// (a separate package that sees only public API). Not for production use: `EntityRecognizer`
/// runs the same code end to end.
@_spi(Benchmarks) public struct RecognizerBenchmarkProbe {
    private var tagger: DocumentTagger
    private var decoder: ViterbiDecoder

    /// A probe over `recognizer`'s model, with its own reusable buffers.
    public init(_ recognizer: EntityRecognizer) {
        tagger = DocumentTagger(model: recognizer.model)
        decoder = recognizer.model.decoders[0]
    }

    /// Number of labels of the model (`L`): emission scores are `L` per token.
    public var labelCount: Int { decoder.labelCount }

    /// Feature extraction for both stages: token analysis, document context, every token's
    /// context keys and word-score offsets, into reused buffers. Returns the number of keys.
    public mutating func extractFeatures(_ document: [[Substring]]) -> Int {
        tagger.prepare(document)
        return tagger.contextKeyCount
    }

    /// Scoring, Viterbi and span margins of both stages over the document `extractFeatures`
    /// last read (what `EntityRecognizer` runs after feature extraction). Returns the number of spans.
    public mutating func scoreAndDecodePrepared() -> Int {
        tagger.marginSpansOfPrepared().reduce(0) { $0 + $1.count }
    }

    /// First-stage emission scores of every sentence (`L` per token): decoder input.
    public mutating func firstStageEmissions(_ document: [[Substring]]) -> [[Float]] {
        tagger.stageEmissions(document).scores[0]
    }

    /// Viterbi over precomputed emission scores of `tokens` tokens, plus max-marginals when
    /// `marginals`; returns the best path's score.
    public mutating func decode(_ emissions: [Float], tokens: Int, marginals: Bool) -> Float {
        emissions.withUnsafeBufferPointer { scores in
            let best = decoder.decode(scores, count: tokens)
            if marginals { decoder.computeMaxMarginals(count: tokens) }
            return best
        }
    }
}
