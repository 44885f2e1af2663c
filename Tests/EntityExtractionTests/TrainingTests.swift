import Testing
@testable import EntityExtraction

@Suite struct TrainingTests {
    /// A tiny corpus whose regularities a working learner picks up: names after "Mr." and
    /// before "said" are people, words after "in" are places, "Corp" ends companies.
    static let corpusText = """
        -DOCSTART- -X- -X- O

        Mr. O
        Smith B-PER
        said O
        prices O
        rose O
        in O
        Paris B-LOC
        . O

        Acme B-ORG
        Corp I-ORG
        hired O
        Mr. O
        Jones B-PER
        in O
        Berlin B-LOC
        . O

        Mr. O
        Brown B-PER
        said O
        Globex B-ORG
        Corp I-ORG
        opened O
        in O
        Madrid B-LOC
        . O

        Mr. O
        Taylor B-PER
        said O
        Initech B-ORG
        Corp I-ORG
        grew O
        in O
        Rome B-LOC
        . O
        """

    static func train(iterations: Int, seed: UInt64 = 7) throws -> EntityRecognizer {
        var configuration = TrainingConfiguration()
        configuration.iterations = iterations
        configuration.seed = seed
        configuration.clusterSizes = []
        return try RecognizerTraining.train(TrainingData(train: try ConllCorpus(text: corpusText)), configuration: configuration)
    }

    @Test func trainingOnATinyCorpusLearnsIt() throws {
        let recognizer = try Self.train(iterations: 10)
        let corpus = try ConllCorpus(text: Self.corpusText)
        let score = ConllEvaluation.score(recognizer, on: corpus)
        #expect(score.overall.f1 == 100)
    }

    @Test func learnedPatternsCarryOverToUnseenNames() throws {
        let recognizer = try Self.train(iterations: 10)
        let spans = recognizer.recognize(document: [["Mr.", "Nakamura", "said", "Umbrella", "Corp", "opened", "in", "Oslo", "."]])[0]
        #expect(spans.map { TypedSpan($0.tokens, $0.label) } == [
            TypedSpan(1..<2, "PER"), TypedSpan(3..<5, "ORG"), TypedSpan(7..<8, "LOC"),
        ])
        #expect(spans.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test func sameSeedGivesTheSameModelBytes() throws {
        #expect(try Self.train(iterations: 3, seed: 5).serialized() == Self.train(iterations: 3, seed: 5).serialized())
    }

    @Test func trainingDataWithUnknownTypesIsRejected() {
        let data = TrainingData(train: ConllCorpus(documents: [[ConllCorpus.Sentence(tokens: ["Monday"], tags: ["B-tim"])]]))
        #expect(throws: RecognizerError.self) { try RecognizerTraining.train(data, configuration: TrainingConfiguration()) }
    }
}
