/// Training sentences turned into feature ids once, so the perceptron passes only add numbers.
struct TrainingSet {
    /// One sentence: its tokens' range in the global token arrays and its update weight.
    struct Sentence {
        var firstToken: Int
        var count: Int
        var weight: Float
        /// Index of the sentence's document over all corpora, in order.
        var document: Int
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
    /// With `firstStage` (labels of every sentence over all corpora, in order), the
    /// second-stage features are extracted too.
    init(corpora: [(ConllCorpus, Float)], extractor: FeatureExtractor, labels: LabelSet, minCount: Int,
         firstStage: [[Int]]? = nil) throws {
        var counts: [UInt64: Int32] = [:]
        var scratch = FeatureScratch()
        if minCount > 1 {
            Self.forEachSentence(corpora, extractor: extractor, labels: labels, firstStage: firstStage, scratch: &scratch) { _, _, _, scratch, _ in
                for key in scratch.keys { counts[key, default: 0] += 1 }
            }
        }
        var ids: [UInt64: Int32] = [:]
        let decoder = BILOUDecoder(labels: labels)
        var unknownTypes = Set<String>()
        Self.forEachSentence(corpora, extractor: extractor, labels: labels, firstStage: firstStage, scratch: &scratch) { sentence, document, weight, scratch, n in
            let spans = ConllSpans.spans(of: sentence.tags)
            for span in spans where !labels.types.contains(span.type) { unknownTypes.insert(span.type) }
            sentences.append(Sentence(firstToken: gold.count, count: n, weight: weight, document: document))
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
        _ corpora: [(ConllCorpus, Float)], extractor: FeatureExtractor, labels: LabelSet, firstStage: [[Int]]?,
        scratch: inout FeatureScratch, _ body: (ConllCorpus.Sentence, Int, Float, FeatureScratch, Int) -> Void
    ) {
        var documentIndex = 0
        var sentenceIndex = 0
        for (corpus, weight) in corpora {
            for document in corpus.documents {
                let tokens = document.map { $0.tokens.map { Substring($0) } }
                let analyzed = AnalyzedDocument(tokens)
                let context = DocumentContext(analyzed: analyzed)
                var evidence: FirstPassEvidence?
                var documentLabels: ArraySlice<[Int]> = []
                if let firstStage {
                    documentLabels = firstStage[sentenceIndex..<(sentenceIndex + document.count)]
                    evidence = FirstPassEvidence(analyzed: analyzed, labels: Array(documentLabels), labelSet: labels)
                }
                for (offset, sentence) in document.enumerated() {
                    let stageEvidence = evidence.map {
                        StageEvidence(labels: documentLabels[documentLabels.startIndex + offset][...], document: $0, labelSet: labels)
                    }
                    extractor.extract(analyzed, sentence: offset, document: context, evidence: stageEvidence, into: &scratch)
                    body(sentence, documentIndex, weight, scratch, sentence.tokens.count)
                }
                sentenceIndex += document.count
                documentIndex += 1
            }
        }
    }
}
