import Testing
@testable import EntityExtraction

@Suite struct GroupingTests {
    /// Groups `spans` (token ranges typed by a pretend recognizer) of `text`; returns "TYPE name: mentions".
    private func group(_ text: String, _ spans: [(Range<Int>, EntityType)], title: String? = nil) throws -> [String] {
        let tokenized = Tokenizer().tokenize(text)
        let sentenceOf = { (i: Int) in tokenized.sentences.firstIndex { $0.contains(i) }! }
        let candidates = spans.map {
            Candidate(tokens: $0.0, sentence: sentenceOf($0.0.lowerBound), type: $0.1, confidence: 0.9, source: .recognizer)
        }
        let entities = EntityGrouper(gazetteer: try SharedExtractor.get().gazetteer).group(candidates, in: tokenized, title: title)
        return entities.map { "\($0.type.rawValue) \($0.name): " + $0.mentions.map(\.text).joined(separator: "|") }
    }

    @Test func laterSurnameAndGivenNameJoinTheFullName() throws {
        // Defense(0) Secretary(1) Lloyd(2) Austin(3) spoke(4) .(5) Austin(6) left(7) .(8) Lloyd(9) smiled(10) .(11)
        let text = "Defense Secretary Lloyd Austin spoke. Austin left. Lloyd smiled."
        #expect(try group(text, [(2..<4, .person), (6..<7, .person), (9..<10, .person)]) == ["PERSON Lloyd Austin: Lloyd Austin|Austin|Lloyd"])
    }

    @Test func aSurnameTheModelTypedAsAPlaceStillJoinsThePerson() throws {
        let text = "Lloyd Austin spoke. Austin left."
        #expect(try group(text, [(0..<2, .person), (4..<5, .gpe)]) == ["PERSON Lloyd Austin: Lloyd Austin|Austin"])
    }

    @Test func aSurnameSharedByTwoPeopleJoinsNeither() throws {
        // Lloyd(0) Austin(1) and(2) Steve(3) Austin(4) met(5) .(6) Austin(7) left(8) .(9)
        let text = "Lloyd Austin and Steve Austin met. Austin left."
        let entities = try group(text, [(0..<2, .person), (3..<5, .person), (7..<8, .person)])
        #expect(Set(entities) == ["PERSON Lloyd Austin: Lloyd Austin", "PERSON Steve Austin: Steve Austin", "PERSON Austin: Austin"])
    }

    @Test func salienceFavoursFrequentEarlyAndTitledEntitiesAndSumsToOne() throws {
        // Kyiv(0) met(1) Moscow(2) .(3) Kyiv(4) won(5) on(6) Monday(7) .(8) Paris(9) watched(10) .(11)
        let text = "Kyiv met Moscow. Kyiv won on Monday. Paris watched."
        let tokenized = Tokenizer().tokenize(text)
        let candidates = [
            Candidate(tokens: 0..<1, sentence: 0, type: .gpe, confidence: 1, source: .recognizer),
            Candidate(tokens: 2..<3, sentence: 0, type: .gpe, confidence: 1, source: .recognizer),
            Candidate(tokens: 4..<5, sentence: 1, type: .gpe, confidence: 1, source: .recognizer),
            Candidate(tokens: 7..<8, sentence: 1, type: .date, confidence: 0.9, source: .pattern),
            Candidate(tokens: 9..<10, sentence: 2, type: .gpe, confidence: 1, source: .recognizer),
        ]
        let entities = EntityGrouper(gazetteer: try SharedExtractor.get().gazetteer).group(candidates, in: tokenized, title: "Paris")
        #expect(entities.map(\.name) == ["Kyiv", "Paris", "Moscow", "Monday"])
        #expect(abs(entities.filter(\.type.isNamed).map(\.salience).reduce(0, +) - 1) < 1e-9)
        #expect(entities.last?.salience == 0)
        #expect(entities.map(\.id) == [0, 1, 2, 3])
    }

    @Test func aliasesJoinTheirCanonicalName() throws {
        let text = "Kiev and Kyiv. The US, the U.S., the United States and America. Britain and the UK. Russians and a Russian. Donbass and Donbas."
        let entities = try SharedExtractor.summary(text)
        #expect(entities.contains("GPE Kyiv: Kiev|Kyiv"))
        #expect(entities.contains("GPE United States: US|U.S.|United States|America"))
        #expect(entities.contains("GPE United Kingdom: Britain|UK"))
        #expect(entities.contains("NORP Russian: Russians|Russian"))
        #expect(entities.contains("LOC Donbas: Donbass|Donbas"))
    }

    @Test func placesCarryGeoNamesReferences() throws {
        let result = try SharedExtractor.get().extract(Article(text: "Officials in Ukraine said Kyiv and Washington agreed."))
        let byName = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.name, $0) })
        #expect(byName["Ukraine"]?.geo == GeoReference(geonameid: 690791, countryCode: "UA", latitude: nil, longitude: nil))
        #expect(byName["Kyiv"]?.geo?.geonameid == 703448)
        #expect(byName["Kyiv"]?.geo?.latitude.map { abs($0 - 50.45466) < 1e-4 } == true)
        #expect(byName["Washington"]?.geo?.geonameid == 4140963)  // the most populous Washington: the US capital
    }
}
