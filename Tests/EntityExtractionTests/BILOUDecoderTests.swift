import Testing
@testable import EntityExtraction

@Suite struct BILOUDecoderTests {
    let decoder = BILOUDecoder(labels: .conll)
    let labels = LabelSet.conll

    @Test func encodingThenDecodingGivesBackTheSpans() {
        let spans = [TypedSpan(0..<2, "PER"), TypedSpan(3..<4, "LOC"), TypedSpan(4..<7, "ORG"), TypedSpan(8..<9, "MISC")]
        let sequence = decoder.encode(spans, count: 10)
        #expect(sequence.map(labels.name) == ["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "O", "U-MISC", "O"])
        #expect(decoder.decode(sequence) == spans)
    }

    @Test func adjacentSpansOfTheSameTypeStaySeparate() {
        let spans = [TypedSpan(0..<1, "PER"), TypedSpan(1..<3, "PER")]
        #expect(decoder.decode(decoder.encode(spans, count: 3)) == spans)
    }

    @Test func unclosedBeginningBecomesASpanEndingAtTheNextNonContinuation() {
        let b = labels.label(type: 0, part: .begin)
        #expect(decoder.decode([b, 0, b]) == [TypedSpan(0..<1, "PER"), TypedSpan(2..<3, "PER")])
    }

    @Test func insideWithoutBeginningStartsASpan() {
        let i = labels.label(type: 1, part: .inside), l = labels.label(type: 1, part: .last)
        #expect(decoder.decode([0, i, i, l, 0]) == [TypedSpan(1..<4, "ORG")])
    }

    @Test func typeSwitchInsideASpanSplitsIt() {
        let b = labels.label(type: 0, part: .begin), l = labels.label(type: 2, part: .last)
        #expect(decoder.decode([b, l]) == [TypedSpan(0..<1, "PER"), TypedSpan(1..<2, "LOC")])
    }

    @Test func wellFormednessRulesFollowBILOU() {
        let bPer = labels.label(type: 0, part: .begin), lPer = labels.label(type: 0, part: .last)
        let iLoc = labels.label(type: 2, part: .inside), uLoc = labels.label(type: 2, part: .unit)
        #expect(labels.allows(bPer, lPer))
        #expect(!labels.allows(bPer, iLoc))
        #expect(!labels.allows(bPer, 0))
        #expect(labels.allows(lPer, uLoc))
        #expect(!labels.allows(0, iLoc))
        #expect(!labels.allowsEnd(bPer))
        #expect(labels.allowsStart(uLoc))
    }
}
