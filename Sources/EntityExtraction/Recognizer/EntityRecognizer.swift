import Foundation

/// A trained sequence labeller over tokens: averaged-perceptron weights over BILOU labels,
/// decoded with constrained first-order Viterbi, in two stages when the model has a second
/// (document-level) stage. Immutable and safe to use from many threads.
public struct EntityRecognizer: Sendable {
    let model: RecognizerModel
    /// Owned here, not by the model: pooled taggers hold the model, so a pool in the model
    /// would keep it alive forever.
    private let taggers = TaggerPool()

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

    /// Builds now what the first `recognize` would otherwise build (the frequent words'
    /// precomputed scores, ~18 ms): for a daemon to call after start-up, before work arrives.
    public func warmUp() {
        _ = model.wordCache.cache
    }

    /// Tags one document, given as its sentences' tokens; returns the spans of each sentence.
    ///
    /// Whole documents rather than lone sentences: how a word is written and labelled
    /// elsewhere in the document (for instance outside an all-caps headline) is a feature.
    public func recognize(document: [[Substring]]) -> [[RecognizedSpan]] {
        recognize(RecognizerInput(document))
    }

    /// Tags sentences `sentences` of `text` as one document, reading the tokens' bytes
    /// straight from the text; returns the spans of each sentence (token ranges within it).
    /// Gives exactly what `recognize(document:)` gives for the same sentences' token strings.
    public func recognize(_ text: TokenizedText, sentences: Range<Int>) -> [[RecognizedSpan]] {
        recognize(RecognizerInput(text, sentences: sentences))
    }

    private func recognize(_ input: RecognizerInput) -> [[RecognizedSpan]] {
        var tagger = taggers.take() ?? DocumentTagger(model: model)
        let margins = tagger.marginSpans(input)
        if input.tokenCount <= TaggerPool.largestKeptDocument { taggers.put(tagger) }
        let temperature = Double(model.confidenceTemperature)
        return margins.map { spans in
            spans.map { span in
                RecognizedSpan(tokens: span.range, label: model.labels.types[span.type],
                               confidence: 1 / (1 + exp(-Double(span.margin) / temperature)))
            }
        }
    }
}
