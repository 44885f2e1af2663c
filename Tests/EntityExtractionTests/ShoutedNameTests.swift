import Testing
@testable import EntityExtraction

@Suite struct ShoutedNameTests {
    @Test func aNameInCapitalsJoinsTheSameNameWrittenNormally() throws {
        // AUSTIN(0) WINS(1) \n Lloyd(2) Austin(3) won(4) .(5)
        let text = "AUSTIN WINS\nLloyd Austin won."
        let tokenized = Tokenizer().tokenize(text)
        let candidates = [
            Candidate(tokens: 0..<1, sentence: 0, type: .person, confidence: 0.9, source: .recognizer),
            Candidate(tokens: 2..<4, sentence: 1, type: .person, confidence: 0.9, source: .recognizer),
        ]
        let entities = EntityGrouper(gazetteer: try SharedExtractor.get().gazetteer).group(candidates, in: tokenized, title: nil)
        #expect(entities.map(\.name) == ["Lloyd Austin"])
        #expect(entities.first?.mentions.map(\.text) == ["AUSTIN", "Lloyd Austin"])
    }

    @Test func aPlaceInCapitalsIsTypedAndCanonicalizedThroughItsTitleCase() throws {
        let extractor = try SharedExtractor.get()
        let tokenized = extractor.tokenizer.tokenize("NEW YORK (Reuters)")
        let mention = RecognizedMention(tokens: 0..<2, sentence: 0, label: "LOC", confidence: 0.9, name: "NEW YORK")
        let candidate = extractor.typedCandidate(mention, in: tokenized)
        #expect(candidate.type == .gpe && candidate.canonical == "New York")
        #expect("U.S.".isShouted && !"Kyiv".isShouted && !"A".isShouted && "ST LOUIS".titleCasedWords == "St Louis")
    }
}
