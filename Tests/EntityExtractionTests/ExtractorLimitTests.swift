import Testing
@testable import EntityExtraction

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

    @Test func theFirstArticleOfAFreshExtractorIsNotChargedForBuildingTheModelCache() throws {
        // Building the word-score cache takes far longer than this limit in a debug build.
        let extractor = try Extractor(configuration: ExtractorConfiguration(timeLimit: .milliseconds(100)))
        let result = try extractor.extract(Article(text: "Vilnius"))
        #expect(result.article.tokens == 1)
    }
}
