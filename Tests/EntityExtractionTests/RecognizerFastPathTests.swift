import Testing
@testable import EntityExtraction

/// The tagger's fast path (string-only weights summed once per frequent word) must give
/// exactly the scores of looking every feature up one by one.
@Suite struct RecognizerFastPathTests {
    static func model(frequentWords: Int) throws -> RecognizerModel {
        var configuration = TrainingConfiguration()
        configuration.iterations = 4
        configuration.clusterSizes = [4, 8, 16]
        configuration.clusterVocabulary = 50
        configuration.frequentWords = frequentWords
        let data = TrainingData(train: try ConllCorpus(text: TrainingTests.corpusText),
                                unlabeled: ["Mr. Smith met Mr. Jones in Paris. Acme Corp said prices rose in Rome."])
        return try RecognizerTraining.train(data, configuration: configuration).model
    }

    static let document: [[Substring]] = [
        ["SOCCER", "-", "ACME", "CORP", "WIN", "IN", "PARIS", "."],
        ["Mr.", "Smith", "said", "Acme", "Corp", "opened", "in", "Rome", "."],
        [],
        ["Unseen", "Zyx", "went", "to", "Paris"],
        ["Smith"],
    ]

    /// Every sentence's emission scores at both stages, looked up key by key in a dictionary.
    static func referenceScores(_ model: RecognizerModel, _ document: [[Substring]], firstLabels: [[Int]]) -> [[[Float]]] {
        let analyzed = AnalyzedDocument(document)
        let context = DocumentContext(analyzed: analyzed)
        let evidence = FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels)
        var scratch = FeatureScratch()
        scratch.reset(count: 1)
        var scores: [[[Float]]] = [[], []]
        for s in document.indices {
            let n = document[s].count, l = model.labels.count
            model.extractor.extract(analyzed, sentence: s, document: context, into: &scratch)
            scores[0].append(model.stages[0].referenceEmissions(scratch, count: n, labelCount: l))
            let stageEvidence = StageEvidence(labels: firstLabels[s][...], document: evidence, labelSet: model.labels)
            model.extractor.extract(analyzed, sentence: s, document: context, evidence: stageEvidence, into: &scratch)
            scores[1].append(model.stages[1].referenceEmissions(scratch, count: n, labelCount: l))
        }
        return scores
    }

    @Test(arguments: [0, 12, 1000])
    func fastScoresEqualReferenceScoresForBothStages(frequentWords: Int) throws {
        let model = try Self.model(frequentWords: frequentWords)
        #expect(model.stages.count == 2)
        #expect(model.lexicon.frequentWords.count == min(frequentWords, model.lexicon.frequentWords.count))
        var tagger = DocumentTagger(model: model)
        let (fast, firstLabels) = tagger.stageEmissions(Self.document)
        #expect(fast == Self.referenceScores(model, Self.document, firstLabels: firstLabels))
        #expect(firstLabels.map(\.count) == Self.document.map(\.count))
    }

    @Test func bundledModelFastScoresEqualReferenceScores() throws {
        let model = try EntityRecognizer.bundled().model
        let document: [[Substring]] = [
            ["EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."],
            ["Peter", "Blackburn"],
            ["BRUSSELS", "1996-08-22"],
            ["The", "European", "Commission", "said", "on", "Thursday", "it", "disagreed", "with", "German", "advice", "."],
            ["Germany", "'s", "representative", "to", "the", "European", "Union", "'s", "veterinary", "committee",
             "Werner", "Zwingmann", "said", "on", "Wednesday", "consumers", "should", "buy", "sheepmeat", "from",
             "countries", "other", "than", "Britain", "until", "the", "scientific", "advice", "was", "clearer", "."],
        ]
        var tagger = DocumentTagger(model: model)
        let (fast, firstLabels) = tagger.stageEmissions(document)
        #expect(fast == Self.referenceScores(model, document, firstLabels: firstLabels))
    }

    @Test func concurrentFirstUsesOfAFreshModelTagAlike() async throws {
        let recognizer = EntityRecognizer(model: try Self.model(frequentWords: 1000))
        let document = Self.document
        let results = await withTaskGroup(of: [[RecognizedSpan]].self) { group in
            for _ in 0..<4 { group.addTask { recognizer.recognize(document: document) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let warmed = EntityRecognizer(model: try Self.model(frequentWords: 1000))
        warmed.warmUp()
        #expect(results.count == 4)
        for result in results { #expect(result == warmed.recognize(document: document)) }
    }
}
