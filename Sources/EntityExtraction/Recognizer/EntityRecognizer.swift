import Foundation

/// A trained sequence labeller over tokens: averaged-perceptron weights over BILOU labels,
/// decoded with constrained first-order Viterbi. Immutable and safe to use from many threads.
public struct EntityRecognizer: Sendable {
    let model: RecognizerModel

    /// Loads a serialized model; throws `RecognizerError` for a bad or corrupt file.
    public init(modelBytes: [UInt8]) throws {
        model = try RecognizerModel(serialized: modelBytes)
    }

    init(model: RecognizerModel) { self.model = model }

    /// Name and version of the model, e.g. "entityd-conll-ap-2026.11.24".
    public var modelName: String { model.name }

    /// The entity types the model labels, e.g. ["PER", "ORG", "LOC", "MISC"].
    public var entityTypes: [String] { model.labels.types }

    /// The model file's bytes, as `init(modelBytes:)` reads them.
    public func serialized() -> [UInt8] { model.serialized() }

    /// Tags one document, given as its sentences' tokens; returns the spans of each sentence.
    ///
    /// Whole documents rather than lone sentences: how a word is written elsewhere in the
    /// document (for instance outside an all-caps headline) is a feature.
    public func recognize(document: [[Substring]]) -> [[RecognizedSpan]] {
        var tagger = SentenceTagger(model: model)
        let context = DocumentContext(document: document)
        return document.map { tagger.tag($0, document: context) }
    }
}

/// The per-call state of tagging: reusable buffers, so tokens cost no allocation.
struct SentenceTagger {
    let model: RecognizerModel
    let extractor: FeatureExtractor
    private var scratch = FeatureScratch()
    private var decoder: ViterbiDecoder
    private var emissions: [Float] = []
    private var accumulator: [Int32]

    init(model: RecognizerModel) {
        self.model = model
        extractor = model.extractor
        decoder = ViterbiDecoder(labels: model.labels, transitions: model.transitions)
        accumulator = [Int32](repeating: 0, count: model.labels.count)
    }

    /// The best labels of the sentence's tokens.
    mutating func labels(_ sentence: [Substring], document: DocumentContext) -> [Int] {
        guard score(sentence, document: document) else { return [] }
        let needed = sentence.count * model.labels.count
        emissions.withUnsafeBufferPointer { e in
            _ = decoder.decode(UnsafeBufferPointer(rebasing: e[0..<needed]), count: sentence.count)
        }
        return Array(decoder.path[0..<sentence.count])
    }

    /// Spans of the best labelling, with confidences from Viterbi max-marginals.
    mutating func tag(_ sentence: [Substring], document: DocumentContext) -> [RecognizedSpan] {
        let temperature = Double(model.confidenceTemperature)
        return marginSpans(sentence, document: document).map { span in
            RecognizedSpan(tokens: span.range, label: model.labels.types[span.type],
                           confidence: 1 / (1 + exp(-Double(span.margin) / temperature)))
        }
    }

    /// Spans of the best labelling with their margin: the best path's score minus the best
    /// score of any path that labels one of the span's tokens differently.
    mutating func marginSpans(_ sentence: [Substring], document: DocumentContext) -> [(range: Range<Int>, type: Int, margin: Float)] {
        guard score(sentence, document: document) else { return [] }
        let n = sentence.count
        let l = model.labels.count
        let best = emissions.withUnsafeBufferPointer { e in
            let scores = UnsafeBufferPointer(rebasing: e[0..<(n * l)])
            let best = decoder.decode(scores, count: n)
            decoder.computeMaxMarginals(scores, count: n)
            return best
        }
        var spans: [(range: Range<Int>, type: Int, margin: Float)] = []
        BILOUDecoder(labels: model.labels).decode(count: n, label: { self.decoder.path[$0] }) { range, type in
            var rival = ViterbiDecoder.impossible
            for i in range {
                for y in 0..<l where y != self.decoder.path[i] {
                    rival = max(rival, self.decoder.maxMarginal(i, y))
                }
            }
            spans.append((range, type, best - rival))
        }
        return spans
    }

    /// Fills the emission scores; false for an empty sentence.
    private mutating func score(_ sentence: [Substring], document: DocumentContext) -> Bool {
        let n = sentence.count
        guard n > 0 else { return false }
        extractor.extract(sentence, document: document, into: &scratch)
        let needed = n * model.labels.count
        if emissions.count < needed { emissions = [Float](repeating: 0, count: needed) }
        model.scoreEmissions(scratch, count: n, into: &emissions, accumulator: &accumulator)
        return true
    }
}
