import Foundation

/// Picks the temperature that turns Viterbi margins into span confidences with the lowest
/// log loss against whether each predicted span is correct on the dev data.
enum ConfidenceCalibration {
    static let candidates: [Float] = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64]

    static func temperature(for model: RecognizerModel, on corpus: ConllCorpus) -> Float {
        var outcomes: [(margin: Float, correct: Bool)] = []
        var tagger = DocumentTagger(model: model)
        for document in corpus.documents {
            let tokens = document.map { $0.tokens.map { Substring($0) } }
            for (sentence, spans) in zip(document, tagger.marginSpans(RecognizerInput(tokens))) {
                let gold = Set(ConllSpans.spans(of: sentence.tags))
                for span in spans {
                    outcomes.append((span.margin, gold.contains(TypedSpan(span.range, model.labels.types[span.type]))))
                }
            }
        }
        guard !outcomes.isEmpty else { return 1 }
        func loss(_ t: Float) -> Double {
            outcomes.reduce(0) { sum, o in
                let p = min(max(1 / (1 + exp(-Double(o.margin / t))), 1e-6), 1 - 1e-6)
                return sum - (o.correct ? log(p) : log(1 - p))
            }
        }
        return candidates.min { loss($0) < loss($1) } ?? 1
    }
}
