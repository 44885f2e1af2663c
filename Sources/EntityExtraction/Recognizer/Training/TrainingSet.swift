/// Training sentences turned into feature ids once, so the perceptron passes only add numbers.
struct TrainingSet {
    /// One sentence: its tokens' range in the global token arrays and its update weight.
    struct Sentence {
        var firstToken: Int
        var count: Int
        var weight: Float
    }

    var sentences: [Sentence] = []
    /// Gold BILOU label of every token.
    var gold: [Int] = []
    /// Feature ids of token t: `featureIDs[tokenStarts[t]..<tokenStarts[t + 1]]`.
    var featureIDs: [Int32] = []
    var tokenStarts: [Int] = [0]
    /// Feature key of each id.
    var keys: [UInt64] = []

    /// Counts feature keys over the corpora, then assigns ids to those seen `minCount` times.
    init(corpora: [(ConllCorpus, Float)], extractor: FeatureExtractor, labels: LabelSet, minCount: Int) throws {
        var counts: [UInt64: Int32] = [:]
        var scratch = FeatureScratch()
        if minCount > 1 {
            Self.forEachSentence(corpora, extractor: extractor, scratch: &scratch) { _, _, scratch, _ in
                for key in scratch.keys { counts[key, default: 0] += 1 }
            }
        }
        var ids: [UInt64: Int32] = [:]
        let decoder = BILOUDecoder(labels: labels)
        var unknownTypes = Set<String>()
        Self.forEachSentence(corpora, extractor: extractor, scratch: &scratch) { sentence, weight, scratch, n in
            let spans = ConllSpans.spans(of: sentence.tags)
            for span in spans where !labels.types.contains(span.type) { unknownTypes.insert(span.type) }
            sentences.append(Sentence(firstToken: gold.count, count: n, weight: weight))
            gold.append(contentsOf: decoder.encode(spans, count: n))
            for i in 0..<n {
                for key in scratch.keys[scratch.offsets[i]..<scratch.offsets[i + 1]] {
                    if minCount > 1 && Int(counts[key] ?? 0) < minCount { continue }
                    if let id = ids[key] {
                        featureIDs.append(id)
                    } else {
                        let id = Int32(keys.count)
                        ids[key] = id
                        keys.append(key)
                        featureIDs.append(id)
                    }
                }
                tokenStarts.append(featureIDs.count)
            }
        }
        guard unknownTypes.isEmpty else {
            throw RecognizerError(.invalidTrainingData, "training data has types outside \(labels.types): \(unknownTypes.sorted())")
        }
    }

    private static func forEachSentence(
        _ corpora: [(ConllCorpus, Float)], extractor: FeatureExtractor, scratch: inout FeatureScratch,
        _ body: (ConllCorpus.Sentence, Float, FeatureScratch, Int) -> Void
    ) {
        for (corpus, weight) in corpora {
            for document in corpus.documents {
                let tokens = document.map { $0.tokens.map { Substring($0) } }
                let context = DocumentContext(document: tokens)
                for (sentence, sentenceTokens) in zip(document, tokens) {
                    extractor.extract(sentenceTokens, document: context, into: &scratch)
                    body(sentence, weight, scratch, sentenceTokens.count)
                }
            }
        }
    }
}
