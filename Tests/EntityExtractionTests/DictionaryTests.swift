import Testing
@testable import EntityExtraction

@Suite struct DictionaryTests {
    @Test func parsesNamesTypesAliasesAndComments() throws {
        let text = "# watch list\nWagner Group\tORG\tWagner|PMC Wagner\n\n  # indented comment\nYevgeny Prigozhin\tPERSON\r\nBakhmut\tgpe\tArtemivsk\n"
        let entries = try DictionaryEntry.parse(text, source: "watch.tsv")
        #expect(entries == [
            DictionaryEntry(name: "Wagner Group", type: .org, aliases: ["Wagner", "PMC Wagner"]),
            DictionaryEntry(name: "Yevgeny Prigozhin", type: .person),
            DictionaryEntry(name: "Bakhmut", type: .gpe, aliases: ["Artemivsk"]),
        ])
    }

    @Test(arguments: [
        ("Good\tORG\nno tab here\n", 2, "expected name<TAB>TYPE"),
        ("Good\tORG\n\nBad\tTHING\n", 3, "unknown type \"THING\""),
        ("\tORG\n", 1, "empty name"),
        ("A\tORG\tx||y\n", 1, "empty alias"),
        ("A\tORG\tx\textra\n", 1, "found 4 tab-separated"),
    ])
    func rejectsBadLinesNamingFileAndLine(text: String, line: Int, why: String) {
        do {
            _ = try DictionaryEntry.parse(text, source: "list.tsv")
            Issue.record("no error for \(text.debugDescription)")
        } catch let error as ExtractionError {
            #expect(error.code == .badDictionaryLine)
            #expect(error.source == "list.tsv" && error.line == line)
            #expect(error.message.hasPrefix("list.tsv:\(line): "))
            #expect(error.message.contains(why))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func extractorRejectsABadUserDictionary() {
        #expect(throws: ExtractionError.self) {
            try Extractor(configuration: ExtractorConfiguration(userDictionaries: [(source: "a.tsv", text: "X\tNOPE\n")]))
        }
    }

    @Test func userEntriesAreAlwaysRecognizedAndCanonicalized() throws {
        let dictionary = "Wagner Group\tORG\tWagner|PMC Wagner\nYevgeny Prigozhin\tPERSON\tPrigozhin\n"
        let extractor = try Extractor(configuration: ExtractorConfiguration(userDictionaries: [(source: "watch.tsv", text: dictionary)]))
        let result = try extractor.extract(Article(text: "PMC Wagner said Prigozhin’s men took it. Wagner denied it."))
        let wagner = try #require(result.entities.first { $0.name == "Wagner Group" })
        #expect(wagner.type == .org && wagner.mentions.map(\.text) == ["PMC Wagner", "Wagner"])
        #expect(wagner.mentions.allSatisfy { $0.confidence == 1 })
        let person = try #require(result.entities.first { $0.name == "Yevgeny Prigozhin" })
        #expect(person.type == .person && person.mentions.map(\.text) == ["Prigozhin"])
        let headline = try extractor.extract(Article(text: "PRIGOZHIN SAYS WAGNER HOLDS BAKHMUT\nThe claim was denied."))
        #expect(headline.entities.first { $0.name == "Yevgeny Prigozhin" }?.mentions.map(\.text) == ["PRIGOZHIN"])
        #expect(headline.entities.first { $0.name == "Wagner Group" }?.mentions.map(\.text) == ["WAGNER"])
    }

    @Test func phraseMatcherPrefersTheLongestPhraseAndIgnoresApostropheStyle() {
        var matcher = PhraseMatcher()
        let tokenizer = Tokenizer()
        matcher.add("New York", payload: 1)
        matcher.add("New York Times", payload: 2)
        matcher.add("O'Brien", payload: 3)
        let text = tokenizer.tokenize("The New York Times met O’Brien in New York.")
        let found = matcher.matches(in: text, within: 0..<text.tokens.count).map { "\(text.slice($0.tokens))=\($0.payload)" }
        #expect(found == ["New York Times=2", "O’Brien=3", "New York=1"])
    }

    @Test func phraseMatcherComparesTokensAsSwiftStringsDo() {
        var matcher = PhraseMatcher()
        matcher.add("Caf\u{E9} Society", payload: 1)  // precomposed é
        matcher.add("\u{212A}iev", payload: 2)  // KELVIN SIGN, canonically "K"
        matcher.add("Kyiv", payload: 3)
        let text = Tokenizer().tokenize("Cafe\u{301} Society met in Kiev and \u{212A}yiv.")
        let found = matcher.matches(in: text, within: 0..<text.tokens.count).map { "\(text.slice($0.tokens))=\($0.payload)" }
        #expect(found == ["Cafe\u{301} Society=1", "Kiev=2", "\u{212A}yiv=3"])
    }
}
