import Testing
@testable import EntityExtraction

/// The extractor loads its model on a second thread (`BackgroundLoad`) and builds the
/// recognizer's word-score cache on first use or `warmUp()`: none of that may change results.
@Suite struct ExtractorLoadingTests {
    static let badDictionary = (source: "bad.tsv", text: "no tab here\n")

    @Test func aBadModelIsReportedBeforeABadDictionaryAsWhenTheModelLoadedFirst() {
        #expect(throws: RecognizerError.self) {
            _ = try Extractor(configuration: ExtractorConfiguration(modelData: Array("not a model".utf8), userDictionaries: [Self.badDictionary]))
        }
    }

    @Test func aBadDictionaryBesideAGoodModelIsReportedAsTheDictionarysLine() {
        #expect { _ = try Extractor(configuration: ExtractorConfiguration(userDictionaries: [Self.badDictionary])) } throws: {
            ($0 as? ExtractionError)?.code == .badDictionaryLine
        }
    }

    @Test func aWarmedUpExtractorFindsExactlyWhatAColdOneFinds() throws {
        let text = "Russian forces attacked Bakhmut, Ukraine's army said on Monday, as Lloyd Austin met NATO allies in Brussels."
        let cold = try Extractor().extract(Article(text: text, title: nil))
        let warmed = try Extractor()
        warmed.warmUp()
        #expect(try warmed.extract(Article(text: text, title: nil)) == cold)
        #expect(!cold.entities.isEmpty)
    }

    @Test func aBackgroundLoadGivesItsValueOrItsErrorToEveryCaller() throws {
        let value = BackgroundLoad { 42 }
        #expect(try value.value() == 42 && value.value() == 42)
        let failing = BackgroundLoad<Int> { throw ExtractionError(.resourceMissing, "gone") }
        #expect(throws: ExtractionError.self) { try failing.value() }
        #expect(throws: ExtractionError.self) { try failing.value() }
    }
}
