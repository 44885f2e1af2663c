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
        ["Unseen", "Zyx", "went", "to", "Paris"],
        ["Smith"],
    ]

    @Test(arguments: [0, 12, 1000])
    func fastScoresEqualReferenceScoresForBothStages(frequentWords: Int) throws {
        let model = try Self.model(frequentWords: frequentWords)
        #expect(model.stages.count == 2)
        #expect(model.lexicon.frequentWords.count == min(frequentWords, model.lexicon.frequentWords.count))
        var tagger = DocumentTagger(model: model)
        let analyzed = AnalyzedDocument(Self.document)
        let context = DocumentContext(document: Self.document, analyzed: analyzed)
        var firstLabels: [[Int]] = []
        for s in 0..<analyzed.sentenceCount {
            let fast = tagger.fastEmissions(analyzed, s, stage: 0, context: context, evidence: nil)
            #expect(fast == tagger.referenceEmissions(analyzed, s, stage: 0, context: context, evidence: nil))
            var decoder = ViterbiDecoder(labels: model.labels, transitions: model.stages[0].transitions)
            fast.withUnsafeBufferPointer { _ = decoder.decode($0, count: Self.document[s].count) }
            firstLabels.append(Array(decoder.path[0..<Self.document[s].count]))
        }
        let evidence = FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels)
        for s in 0..<analyzed.sentenceCount {
            let stageEvidence = StageEvidence(labels: firstLabels[s][...], document: evidence, labelSet: model.labels)
            #expect(tagger.fastEmissions(analyzed, s, stage: 1, context: context, evidence: stageEvidence)
                    == tagger.referenceEmissions(analyzed, s, stage: 1, context: context, evidence: stageEvidence))
        }
    }
}
