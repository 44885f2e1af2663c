import Testing
@testable import EntityExtraction

@Suite struct EvaluationScorerTests {
    @Test func conllSpansFollowConllevalForIOB1AndIOB2() {
        #expect(ConllSpans.spans(of: ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == [
            TypedSpan(0..<2, "PER"), TypedSpan(3..<5, "LOC"), TypedSpan(5..<6, "LOC"), TypedSpan(6..<7, "ORG"),
        ])
    }

    @Test func partialMatchesCountAsBothAFalsePositiveAndAMiss() {
        // Gold: PER 0..<2, LOC 3..<4, ORG 5..<7. Predicted: PER 0..<1 (partial), LOC 3..<4
        // (correct), MISC 5..<7 (wrong type), PER 8..<9 (spurious).
        var score = EntityScore()
        score.add(gold: ConllSpans.spans(of: ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O"]),
                  predicted: ConllSpans.spans(of: ["B-PER", "O", "O", "B-LOC", "O", "B-MISC", "I-MISC", "O", "B-PER"]))
        #expect(score.overall == EntityScore.Counts(gold: 3, predicted: 4, correct: 1))
        #expect(abs(score.overall.precision - 25) < 1e-9)
        #expect(abs(score.overall.recall - 100.0 / 3) < 1e-9)
        #expect(abs(score.overall.f1 - 2 * 25 * (100.0 / 3) / (25 + 100.0 / 3)) < 1e-9)
        #expect(score.byType["PER"] == EntityScore.Counts(gold: 1, predicted: 2, correct: 0))
        #expect(score.byType["LOC"] == EntityScore.Counts(gold: 1, predicted: 1, correct: 1))
        #expect(score.byType["ORG"] == EntityScore.Counts(gold: 1, predicted: 0, correct: 0))
        #expect(score.byType["MISC"]?.f1 == 0)
    }

    @Test func jsonShapeHasPercentagesOverallAndPerType() {
        var score = EntityScore()
        score.add(gold: [TypedSpan(0..<1, "PER"), TypedSpan(2..<3, "LOC")], predicted: [TypedSpan(0..<1, "PER")])
        let json = score.jsonObject
        #expect(json["precision"] as? Double == 100)
        #expect(json["recall"] as? Double == 50)
        #expect(json["f1"] as? Double == 66.67)
        let types = json["types"] as? [String: [String: Double]]
        #expect(types?["LOC"]?["recall"] == 0)
        #expect(types?["PER"]?["f1"] == 100)
    }

    @Test func readerSplitsDocumentsAndSentences() throws {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n"
        let corpus = try ConllCorpus(text: text)
        #expect(corpus.documents.count == 2)
        #expect(corpus.documents[0].count == 2)
        #expect(corpus.documents[0][0] == ConllCorpus.Sentence(tokens: ["EU", "rejects"], tags: ["B-ORG", "O"]))
        #expect(corpus.tokenCount == 4)
    }

    @Test func readerRejectsALineWithoutATag() {
        #expect(throws: RecognizerError.self) { try ConllCorpus(text: "EU B-ORG\nlonely\n") }
    }

    @Test func rawTextDocumentsKeepGoldSpansOnCodePointOffsets() {
        let document = RawTextEvaluation.document([
            ConllCorpus.Sentence(tokens: ["José", "Núñez", "left"], tags: ["B-PER", "I-PER", "O"]),
            ConllCorpus.Sentence(tokens: ["Kyiv", "."], tags: ["B-LOC", "O"]),
        ])
        #expect(document.text == "José Núñez left\nKyiv .")
        #expect(document.gold == [TypedSpan(0..<10, "PER"), TypedSpan(16..<20, "LOC")])
    }

    @Test func gmbTypesMapToConllTypes() {
        let corpus = ConllCorpus(documents: [[ConllCorpus.Sentence(
            tokens: ["Iraqi", "troops", "left", "Iraq", "on", "Monday", "with", "Ban"],
            tags: ["B-gpe", "O", "O", "B-gpe", "O", "B-tim", "O", "B-per"])]])
        let mapped = GMBMapping.map(corpus, placeNames: ["Iraq"])
        #expect(mapped.documents[0][0].tags == ["B-MISC", "O", "O", "B-LOC", "O", "O", "O", "B-PER"])
    }
}
