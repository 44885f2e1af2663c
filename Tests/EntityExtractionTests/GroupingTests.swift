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

@Suite struct ExtractorLimitTests {
    @Test func anArticlePastTheTimeLimitThrowsWithItsCode() throws {
        let extractor = try Extractor(configuration: ExtractorConfiguration(timeLimit: .zero))
        let article = Article(text: String(repeating: "Kyiv said on Monday that it held. ", count: 200))
        #expect {
            _ = try extractor.extract(article)
        } throws: { ($0 as? ExtractionError)?.code == .timeLimitExceeded }
    }

    @Test func withoutALimitTheSameArticleIsExtracted() throws {
        let extractor = try Extractor(configuration: ExtractorConfiguration(timeLimit: nil))
        let result = try extractor.extract(Article(text: String(repeating: "Kyiv said on Monday that it held. ", count: 200)))
        #expect(result.article.sentences == 200)
    }
}

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

@Suite struct TypeMappingTests {
    private func type(_ name: String, _ label: String, in sentence: String) throws -> (EntityType, String?) {
        let extractor = try SharedExtractor.get()
        let tokenized = extractor.tokenizer.tokenize(sentence)
        let start = tokenized.tokens.firstIndex { $0.text == name.split(separator: " ").first! }!
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
