/// Scores a recognizer on gold-tokenized CoNLL data.
public enum ConllEvaluation {
    /// Entity-level scores of `recognizer` on `corpus`, documents tagged whole.
    public static func score(_ recognizer: EntityRecognizer, on corpus: ConllCorpus) -> EntityScore {
        var score = EntityScore()
        for document in corpus.documents {
            let tokens = document.map { $0.tokens.map { Substring($0) } }
            let predicted = recognizer.recognize(document: tokens)
            for (sentence, spans) in zip(document, predicted) {
                score.add(gold: ConllSpans.spans(of: sentence.tags),
                          predicted: spans.map { TypedSpan($0.tokens, $0.label) })
            }
        }
        return score
    }
}
