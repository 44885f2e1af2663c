import Testing
@testable import EntityExtraction

/// The frequent words are cut out of the model's one-string list by byte offsets: they must be
/// exactly the list's non-empty lines, in order, however many are asked for.
@Suite struct RecognizerWordLexiconTests {
    static func lexicon(_ list: String) -> WordLexicon {
        WordLexicon(clusterKeys: [], clusterValues: [], caseKeys: [], caseValues: [], frequentWordList: list)
    }

    @Test(arguments: ["the\nof\nKyiv", "\n\nthe\n\nZelensky’s\nnaïve\n", "Київ", "", "\n", "a\n😀x\nb\n\n", "only one line"])
    func frequentWordsAreTheNonEmptyLines(list: String) {
        let lines = list.split(separator: "\n", omittingEmptySubsequences: true)
        for limit in [0, 1, 2, 3, 100] {
            #expect(Self.lexicon(list).frequentWords(limit: limit) == Array(lines.prefix(limit)), "limit \(limit)")
        }
        #expect(Self.lexicon(list).frequentWords == lines.map(String.init))
    }

    @Test func bundledFrequentWordsAreTheListsLines() throws {
        let lexicon = try EntityRecognizer.bundled().model.lexicon
        let lines = lexicon.frequentWordList.split(separator: "\n")
        #expect(lines.count > 10_000)
        #expect(lexicon.frequentWords(limit: 12_000) == Array(lines.prefix(12_000)))
        #expect(lexicon.frequentWords(limit: .max) == lines)
    }
}
