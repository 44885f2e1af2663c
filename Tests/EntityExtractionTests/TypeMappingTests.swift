import Testing
@testable import EntityExtraction

@Suite struct TypeMappingTests {
    @Test func typeIndexIsThePositionInAllCases() {
        #expect(EntityType.allCases.map(\.index) == Array(EntityType.allCases.indices))
    }

    private func type(_ name: String, _ label: String, in sentence: String) throws -> (EntityType, String?) {
        let extractor = try SharedExtractor.get()
        let tokenized = extractor.tokenizer.tokenize(sentence)
        let start = tokenized.tokens.indices.first { tokenized.text(ofToken: $0) == name.split(separator: " ").first! }!
        let count = name.split(separator: " ").count
        let mention = RecognizedMention(tokens: start..<(start + count), sentence: 0, label: label, confidence: 0.9, name: name)
        let candidate = extractor.typedCandidate(mention, in: tokenized)
        return (candidate.type, candidate.canonical)
    }

    @Test func recognizerLabelsMapToOntoNotesTypes() throws {
        #expect(try type("Bakhmut", "LOC", in: "in Bakhmut today") == (.gpe, nil))
        #expect(try type("Black Sea", "LOC", in: "the Black Sea coast") == (.loc, nil))
        #expect(try type("Donbass", "LOC", in: "the Donbass region") == (.loc, "Donbas"))
        #expect(try type("Russians", "MISC", in: "the Russians said") == (.norp, "Russian"))
        #expect(try type("Russians", "LOC", in: "the Russians said") == (.norp, "Russian"))
        #expect(try type("Korean War", "MISC", in: "the Korean War ended") == (.event, nil))
        #expect(try type("Armed Forces", "LOC", in: "the Armed Forces said") == (.org, nil))
        #expect(try type("Telegram", "LOC", in: "on Telegram today") == (.org, "Telegram"))
        #expect(try type("Zelensky", "PER", in: "Zelensky said") == (.person, nil))
    }

    @Test func titlesLeavePersonSpansAndRolesTurnMisreadNamesIntoPeople() throws {
        let extractor = try SharedExtractor.get()
        // US(0) Secretary(1) of(2) Defense(3) Lloyd(4) Austin(5) said(6)
        let tokenized = extractor.tokenizer.tokenize("US Secretary of Defense Lloyd Austin said")
        let misread = try #require(extractor.cleaned(3..<6, label: "ORG", confidence: 0.7, sentence: 0, in: tokenized))
        #expect(misread.label == "PER" && misread.name == "Lloyd Austin")
        let titled = try #require(extractor.cleaned(1..<6, label: "PER", confidence: 0.7, sentence: 0, in: tokenized))
        #expect(titled.name == "Lloyd Austin")
        let hyphenated = extractor.tokenizer.tokenize("Lieutenant-Colonel Max Marriner")
        #expect(extractor.cleaned(0..<3, label: "PER", confidence: 0.9, sentence: 0, in: hyphenated)?.name == "Max Marriner")
        // General(0) Motors(1) and(2) Major(3) League(4) Baseball(5) stay organizations.
        let companies = extractor.tokenizer.tokenize("General Motors and Major League Baseball")
        #expect(extractor.cleaned(0..<2, label: "ORG", confidence: 0.7, sentence: 0, in: companies)?.label == "ORG")
        #expect(extractor.cleaned(3..<6, label: "ORG", confidence: 0.7, sentence: 0, in: companies)?.label == "ORG")
        let address = extractor.tokenizer.tokenize("See www.kyiv.ua now")
        #expect(extractor.cleaned(1..<2, label: "ORG", confidence: 0.9, sentence: 0, in: address) == nil)
        // Zelensky(0) ’s(1) office(2): the possessive never belongs to the name.
        let possessive = extractor.tokenizer.tokenize("Zelensky’s office")
        #expect(extractor.cleaned(0..<2, label: "PER", confidence: 0.9, sentence: 0, in: possessive)?.name == "Zelensky")
    }
}
