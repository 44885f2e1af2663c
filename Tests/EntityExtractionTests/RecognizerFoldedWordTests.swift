import Testing
@testable import EntityExtraction

/// A frequent word's cached vector also holds its context-0 word codes' rows (bias, flags,
/// length bucket, case prior): tokens inside a sentence skip them, first tokens and headline
/// tokens trade them for their own context's rows. Both must score exactly as the reference.
@Suite struct RecognizerFoldedWordTests {
    @Test func foldedWordsScoreAsTheReferenceInEveryContext() throws {
        let model = try EntityRecognizer.bundled().model
        let cache = model.wordCache.cache
        for word in ["The", "said", "the", "on", "in"] {
            let isFolded = cache.word(exact: TokenInfo(Substring(word)).exact).map { cache.folded[$0] } ?? false
            #expect(isFolded, "\(word) is not a folded cached word")
        }
        let document: [[Substring]] = [
            ["The", "minister", "said", "the", "talks", "in", "Paris", "went", "well", "on", "Monday", "."],
            ["THE", "MINISTER", "SAID", "ON", "MONDAY", "IN", "PARIS"],
            ["said", "the", "on"],
            ["the"],
        ]
        var tagger = DocumentTagger(model: model)
        let (fast, firstLabels) = tagger.stageEmissions(document)
        #expect(fast == RecognizerFastPathTests.referenceScores(model, document, firstLabels: firstLabels))
    }
}
