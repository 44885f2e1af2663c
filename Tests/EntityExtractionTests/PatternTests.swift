import Testing
@testable import EntityExtraction

/// The pattern expressions of `text` as "TYPE text".
private func patterns(_ text: String) -> [String] {
    let tokenized = Tokenizer().tokenize(text)
    return tokenized.sentences.flatMap { PatternRecognizer().recognize(tokenized, in: $0) }
        .map { "\($0.type.rawValue) \(tokenized.slice($0.tokens))" }
}

@Suite struct PatternTests {
    @Test func findsDates() {
        #expect(patterns("on Monday") == ["DATE Monday"])
        #expect(patterns("on Jan. 5 and January 5, 2023 and 5 March 2022") == ["DATE Jan. 5", "DATE January 5, 2023", "DATE 5 March 2022"])
        #expect(patterns("in 2023") == ["DATE 2023"])
        #expect(patterns("later this year, last week, next month") == ["DATE later this year", "DATE last week", "DATE next month"])
        #expect(patterns("in winter they fired daily") == ["DATE winter", "DATE daily"])
        #expect(patterns("more than half a year and two years ago") == ["DATE more than half a year", "DATE two years ago"])
        #expect(patterns("the 1990s, yesterday, on 5/12/2023") == ["DATE 1990s", "DATE yesterday", "DATE 5/12/2023"])
    }

    @Test func readsMayAndMarchAsMonthsOnlyInDateContext() {
        #expect(patterns("It may rain. They March on.") == [])
        #expect(patterns("In May it rained; by March 3 it stopped") == ["DATE May", "DATE March 3"])
    }

    @Test func findsTimes() {
        #expect(patterns("at 10:30 a.m. or 5 pm or noon") == ["TIME 10:30 a.m.", "TIME 5 pm", "TIME noon"])
        #expect(patterns("this morning, for three hours") == ["TIME this morning", "TIME three hours"])
    }

    @Test func findsMoney() {
        #expect(patterns("$1.2 billion and €5m and £300") == ["MONEY $1.2 billion", "MONEY €5m", "MONEY £300"])
        #expect(patterns("1,200 dollars or two million euros or US$5") == ["MONEY 1,200 dollars", "MONEY two million euros", "MONEY US$5"])
        #expect(patterns("$1.2bn") == ["MONEY $1.2bn"])
    }

    @Test func findsPercentagesAndQuantities() {
        #expect(patterns("3.5% and 12 percent and 4 per cent") == ["PERCENT 3.5%", "PERCENT 12 percent", "PERCENT 4 per cent"])
        #expect(patterns("40 km, 10 tonnes, 5 square kilometres") == ["QUANTITY 40 km", "QUANTITY 10 tonnes", "QUANTITY 5 square kilometres"])
    }

    @Test func findsCardinalsAndOrdinals() {
        #expect(patterns("two of them, thousands of shells, 1,200 troops") == ["CARDINAL two", "CARDINAL thousands", "CARDINAL 1,200"])
        #expect(patterns("tens of thousands, twenty-five, one hundred and fifty") == ["CARDINAL tens of thousands", "CARDINAL twenty-five", "CARDINAL one hundred and fifty"])
        #expect(patterns("its first victory, the 3rd and 21st") == ["ORDINAL first", "ORDINAL 3rd", "ORDINAL 21st"])
    }

    @Test func leavesOrdinaryWordsAlone() {
        #expect(patterns("The city fell and the office said so.") == [])
        #expect(patterns("a year") == [])
    }
}
