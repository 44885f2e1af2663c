import Testing
@testable import EntityExtraction

/// The token texts of `text`.
private func tokens(_ text: String) -> [String] {
    let tokenized = Tokenizer().tokenize(text)
    return tokenized.tokens.indices.map { String(tokenized.text(ofToken: $0)) }
}

/// The sentences of `text` as strings of their tokens joined by spaces.
private func sentences(_ text: String) -> [String] {
    let tokenized = Tokenizer().tokenize(text)
    return tokenized.sentences.map { $0.map { String(tokenized.text(ofToken: $0)) }.joined(separator: " ") }
}

@Suite struct TokenizerTests {
    @Test func splitsPossessivesWithCurlyAndStraightApostrophes() {
        #expect(tokens("Zelensky’s office") == ["Zelensky", "’s", "office"])
        #expect(tokens("Zelensky's office") == ["Zelensky", "'s", "office"])
        #expect(tokens("the Forces’ plan") == ["the", "Forces", "’", "plan"])
    }

    @Test func splitsContractionsButKeepsApostropheNames() {
        #expect(tokens("don't") == ["do", "n't"])
        #expect(tokens("they’re") == ["they", "’re"])
        #expect(tokens("O'Brien and D’Alema") == ["O'Brien", "and", "D’Alema"])
    }

    @Test func keepsHyphenatedNamesWhole() {
        #expect(tokens("Valerys Al-Wajni, Commander-in-Chief") == ["Valerys", "Al-Wajni", ",", "Commander-in-Chief"])
        #expect(tokens("an F-16 - or two -- maybe") == ["an", "F-16", "-", "or", "two", "--", "maybe"])
    }

    @Test func keepsAbbreviationPeriods() {
        #expect(tokens("U.S. and U.K. troops") == ["U.S.", "and", "U.K.", "troops"])
        #expect(tokens("Mr. Smith met Gen. Jones on Jan. 5") == ["Mr.", "Smith", "met", "Gen.", "Jones", "on", "Jan.", "5"])
        #expect(tokens("Acme Inc. said, e.g. at 5 p.m.") == ["Acme", "Inc.", "said", ",", "e.g.", "at", "5", "p.m."])
        #expect(tokens("J. K. Rowling") == ["J.", "K.", "Rowling"])
        #expect(tokens("in the U.S") == ["in", "the", "U.S"])
        #expect(tokens("Plan B. Then") == ["Plan", "B.", "Then"])
    }

    @Test func keepsNumbersWithSeparatorsAndSplitsUnits() {
        #expect(tokens("1,200.50 and 3.5% of $1.2bn") == ["1,200.50", "and", "3.5", "%", "of", "$", "1.2", "bn"])
        #expect(tokens("40km, the 3rd, 1990s, 4G") == ["40", "km", ",", "the", "3rd", ",", "1990s", ",", "4G"])
        #expect(tokens("in 2023.") == ["in", "2023", "."])
        #expect(tokens("1,2345") == ["1", ",", "2345"])
        #expect(tokens("at 10:30, 24/7, on 5/12/2023: yes") == ["at", "10:30", ",", "24/7", ",", "on", "5/12/2023", ":", "yes"])
    }

    @Test func keepsURLsEmailsAndHandlesWhole() {
        #expect(tokens("See https://example.com/a?b=c(1).") == ["See", "https://example.com/a?b=c(1)", "."])
        #expect(tokens("(www.kyiv.ua)") == ["(", "www.kyiv.ua", ")"])
        #expect(tokens("Write to press.office@mod.gov.ua.") == ["Write", "to", "press.office@mod.gov.ua", "."])
        #expect(tokens("@ZelenskyyUa posted #Bakhmut") == ["@ZelenskyyUa", "posted", "#Bakhmut"])
    }

    @Test func separatesQuotesDashesAndEllipses() {
        #expect(tokens("“preferred.” Then…") == ["“", "preferred", ".", "”", "Then", "…"])
        #expect(tokens("wait... \"yes\"—no") == ["wait", "...", "\"", "yes", "\"", "—", "no"])
        #expect(tokens("(a) [b]") == ["(", "a", ")", "[", "b", "]"])
    }

    @Test func keepsCombiningMarksAndEmojiSequencesTogether() {
        #expect(tokens("cafe\u{301} 👍🏽 🇺🇦") == ["cafe\u{301}", "👍🏽", "🇺🇦"])
        #expect(tokens("東京 مرحبا") == ["東京", "مرحبا"])
    }

    @Test func reportsCodePointOffsets() {
        let text = "“Kiev’s” 👍🏽 Kyiv"
        let tokenized = Tokenizer().tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for (i, token) in tokenized.tokens.enumerated() {
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == String(tokenized.text(ofToken: i)))
        }
        #expect(tokenized.tokens.last?.start == 12)
    }

    @Test func endsSentencesAtPunctuationButNotAfterTitles() {
        #expect(sentences("He left. She stayed! Why? Gen. Smith came.") == ["He left .", "She stayed !", "Why ?", "Gen. Smith came ."])
        #expect(sentences("He met Mr. Jones. Then he left.") == ["He met Mr. Jones .", "Then he left ."])
        #expect(sentences("Talks in the U.S. The end.") == ["Talks in the U.S.", "The end ."])
        #expect(sentences("Talks in the U.S. Congress ended.") == ["Talks in the U.S. Congress ended ."])
    }

    @Test func keepsClosingQuotesAndBracketsWithTheSentence() {
        #expect(sentences("He said “it holds.” Nazarenko left.") == ["He said “ it holds . ”", "Nazarenko left ."])
        #expect(sentences("“Why?” he asked.") == ["“ Why ? ” he asked ."])
        #expect(sentences("(It ended.) Then.") == ["( It ended . )", "Then ."])
    }

    @Test func treatsHeadlineLinesAsSentences() {
        #expect(sentences("WAR IN UKRAINE\nKyiv says it holds") == ["WAR IN UKRAINE", "Kyiv says it holds"])
        #expect(sentences("a line that wraps\nhere, and\nends.") == ["a line that wraps here , and ends ."])
        #expect(sentences("One\n\ntwo") == ["One", "two"])
    }

    @Test func cutsOverlongSentences() {
        let text = Array(repeating: "word", count: 1000).joined(separator: " ")
        let tokenized = Tokenizer(maximumSentenceTokens: 400).tokenize(text)
        #expect(tokenized.sentences.map(\.count) == [400, 400, 200])
    }

    @Test func handlesEmptyAndWhitespaceOnlyText() {
        #expect(Tokenizer().tokenize("").tokens.isEmpty)
        #expect(Tokenizer().tokenize(" \n\t ").sentences.isEmpty)
    }
}
