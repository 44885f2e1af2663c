import Testing
@testable import EntityExtraction

/// Scoring and decoding read only what `prepare` left (the micro-benchmark of scoring re-runs
/// them on one prepared document): a second run must give exactly the first run's spans.
@Suite struct RecognizerPreparedScoringTests {
    @Test func scoringAPreparedDocumentAgainGivesTheSameSpansAndMargins() throws {
        let model = try EntityRecognizer.bundled().model
        let document: [[Substring]] = [
            ["EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."],
            ["Peter", "Blackburn"],
            [],
            ["The", "European", "Commission", "said", "on", "Thursday", "it", "disagreed", "with", "German", "advice", "."],
        ]
        var tagger = DocumentTagger(model: model)
        func flat(_ spans: [[DocumentTagger.MarginSpan]]) -> [[String]] {
            spans.map { $0.map { "\($0.range) \($0.type) \($0.margin.bitPattern)" } }
        }
        let first = flat(tagger.marginSpans(RecognizerInput(document)))
        let again = flat(tagger.marginSpansOfPrepared())
        #expect(first == again)
        #expect(first.joined().count >= 4)
    }
}
