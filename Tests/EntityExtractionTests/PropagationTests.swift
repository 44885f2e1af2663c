import Testing
@testable import EntityExtraction

@Suite struct PropagationTests {
    @Test func aConfidentNameIsFoundAgainWhereTheRecognizerMissedIt() throws {
        let extractor = try SharedExtractor.get()
        // Nazarenko(0) spoke(1) .(2) Later(3) Nazarenko(4) left(5) .(6) NAZARENKO(7) WINS(8)
        let text = extractor.tokenizer.tokenize("Nazarenko spoke. Later Nazarenko left.\nNAZARENKO WINS")
        let resolved = [Candidate(tokens: 0..<1, sentence: 0, type: .person, confidence: 0.9, source: .recognizer)]
        let found = extractor.propagatedCandidates(from: resolved, in: text)
        #expect(found.map(\.tokens) == [0..<1, 4..<5, 7..<8])
        #expect(found.allSatisfy { $0.type == .person && abs($0.confidence - 0.81) < 1e-9 && $0.source == .propagated })
        #expect(found.last?.canonical == "Nazarenko")  // the headline's capitals join the name as written
    }

    @Test func aHeadlineInCapitalsNamesAPersonBySurname() throws {
        let extractor = try SharedExtractor.get()
        // PRIGOZHIN(0) GLOATS(1) \n Yevgeny(2) Prigozhin(3) spoke(4) .(5)
        let text = extractor.tokenizer.tokenize("PRIGOZHIN GLOATS\nYevgeny Prigozhin spoke.")
        let resolved = [Candidate(tokens: 2..<4, sentence: 1, type: .person, confidence: 0.95, source: .recognizer)]
        let found = extractor.propagatedCandidates(from: resolved, in: text)
        #expect(found.map(\.tokens) == [0..<1, 2..<4])
        #expect(found.first?.canonical == "Yevgeny Prigozhin")
    }

    @Test func doubtfulNamesAreNotSpread() throws {
        let extractor = try SharedExtractor.get()
        let text = extractor.tokenizer.tokenize("Will spoke. Will left.")
        let resolved = [Candidate(tokens: 0..<1, sentence: 0, type: .person, confidence: 0.6, source: .recognizer)]
        #expect(extractor.propagatedCandidates(from: resolved, in: text).isEmpty)
    }
}
