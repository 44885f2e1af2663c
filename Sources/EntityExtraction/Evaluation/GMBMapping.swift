/// Maps the GMB corpus's types onto CoNLL's, span by span (see `ConllTypeMapping.gmb`).
public enum GMBMapping {
    /// The corpus with IOB2 tags of CoNLL types; a `gpe` span whose text is in `placeNames`
    /// becomes LOC, any other `gpe` (nationalities) MISC; `tim` spans are dropped.
    public static func map(_ corpus: ConllCorpus, placeNames: Set<String>) -> ConllCorpus {
        ConllCorpus(documents: corpus.documents.map { document in
            document.map { sentence in
                var tags = [String](repeating: "O", count: sentence.tokens.count)
                for span in ConllSpans.spans(of: sentence.tags) {
                    let text = sentence.tokens[span.range].joined(separator: " ")
                    guard let type = ConllTypeMapping.gmb(span.type, isPlaceName: placeNames.contains(text)) else { continue }
                    for i in span.range { tags[i] = (i == span.range.lowerBound ? "B-" : "I-") + type }
                }
                return ConllCorpus.Sentence(tokens: sentence.tokens, tags: tags)
            }
        })
    }
}
