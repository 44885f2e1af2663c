import Testing
@testable import EntityExtraction

@Suite struct RecognizerTokenInfoTests {
    @Test(arguments: ["Kyiv", "Zelensky’s", "Київ", "ÉCOLE", "naïve", "😀x", "Ǆemal", "1,200.50", ""])
    func utf8DecodingMatchesUnicodeScalarHashing(word: String) {
        let text = "« " + word + " »"
        let token = text.dropFirst(2).dropLast(2)
        #expect(token == Substring(word))
        let info = TokenInfo(token)
        #expect(info.exact == FeatureHash.exact(word))
        #expect(info.lower == FeatureHash.lowercased(word))
        #expect(info.length == word.unicodeScalars.count)
    }

    @Test func orthographicFlagsCoverNonASCIILetters() {
        #expect(TokenInfo("ÉCOLE").has(.allCapitals))
        #expect(TokenInfo("Київ").has(.initialCapital))
        #expect(TokenInfo("Київ").has(.hasLower))
        #expect(!TokenInfo("київ").has(.initialCapital))
        #expect(TokenInfo("1,200.50").has(.numeric))
        #expect(TokenInfo("Al-Wajni").has(.hasHyphen))
        #expect(TokenInfo("Al-Wajni").has(.innerCapital))
        #expect(TokenInfo("—").has(.punctuation))
    }

    @Test func titleCaseHashOfAnAllCapsWordIsTheHashOfItsUsualSpelling() {
        #expect(TokenInfo("JAPAN").title == FeatureHash.exact("Japan"))
        #expect(TokenInfo("kyiv").title == FeatureHash.exact("Kyiv"))
    }
}
