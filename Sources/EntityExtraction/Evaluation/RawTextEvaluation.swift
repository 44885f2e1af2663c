/// Scores the whole pipeline from raw text: each CoNLL document's tokens are joined into
/// text (tokens by spaces, sentences by line breaks), extracted, and compared by character
/// spans after mapping OntoNotes types to CoNLL types.
public enum RawTextEvaluation {
    /// A document as text with its gold spans in code point offsets.
    public struct Document: Sendable {
        /// Tokens joined by spaces, sentences by line breaks.
        public var text: String
        /// Gold spans as code point ranges of `text`.
        public var gold: [TypedSpan]
    }

    /// Joins a CoNLL document into text and converts its gold spans to code point offsets.
    public static func document(_ sentences: [ConllCorpus.Sentence]) -> Document {
        var text = ""
        var offset = 0
        var gold: [TypedSpan] = []
        for (s, sentence) in sentences.enumerated() {
            if s > 0 { text += "\n"; offset += 1 }
            var starts: [Int] = []
            var ends: [Int] = []
            for (t, token) in sentence.tokens.enumerated() {
                if t > 0 { text += " "; offset += 1 }
                starts.append(offset)
                text += token
                offset += token.unicodeScalars.count
                ends.append(offset)
            }
            for span in ConllSpans.spans(of: sentence.tags) {
                gold.append(TypedSpan(starts[span.range.lowerBound]..<ends[span.range.upperBound - 1], span.type))
            }
        }
        return Document(text: text, gold: gold)
    }

    /// Entity-level scores of `extractor` on the corpus's documents.
    public static func score(_ extractor: Extractor, on corpus: ConllCorpus) throws -> EntityScore {
        var score = EntityScore()
        for sentences in corpus.documents {
            let document = document(sentences)
            let result = try extractor.extract(Article(text: document.text))
            var predicted: [TypedSpan] = []
            for entity in result.entities {
                guard let type = entity.type.conllType else { continue }
                for mention in entity.mentions { predicted.append(TypedSpan(mention.start..<mention.end, type)) }
            }
            score.add(gold: document.gold, predicted: predicted)
        }
        return score
    }
}
