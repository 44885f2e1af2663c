/// Finds DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL and ORDINAL expressions with
/// hand-written rules over token classes ("$1.2 billion", "later this year", "40 km").
///
/// Rules are tried in a fixed order at each token, the first match wins and matching goes
/// on after it; every rule looks at a bounded number of tokens, so a sentence costs linear time.
struct PatternRecognizer: Sendable {
    /// The expressions in `range` of `tokens`, left to right, not overlapping.
    /// `prefilter: false` tries every rule at every starter word (the reference for tests).
    func recognize(_ text: TokenizedText, in range: Range<Int>, prefilter: Bool = true) -> [PatternSpan] {
        text.utf8.withUnsafeBufferPointer { bytes in
            var scan = PatternScan(tokens: text.tokens, byteRanges: text.byteRanges, bytes: bytes, covering: range)
            var spans: [PatternSpan] = []
            Self.spans(in: range, of: &scan, prefilter: prefilter, into: &spans)
            return spans
        }
    }

    /// `recognize(_:in:)` of every sentence, in order, with `body` called after each; the
    /// tokens' traits are found once for the whole text.
    func recognizeSentences(_ text: TokenizedText, _ body: (_ sentence: Int, _ spans: [PatternSpan]) throws -> Void) rethrows {
        guard let last = text.sentences.last else { return }
        try text.utf8.withUnsafeBufferPointer { bytes in
            var scan = PatternScan(tokens: text.tokens, byteRanges: text.byteRanges, bytes: bytes, covering: 0..<last.upperBound)
            // One array for every sentence's spans: emptied, its capacity kept, once `body` is done with it.
            var spans: [PatternSpan] = []
            for (s, range) in text.sentences.enumerated() {
                spans.removeAll(keepingCapacity: true)
                Self.spans(in: range, of: &scan, prefilter: true, into: &spans)
                try body(s, spans)
            }
        }
    }

    private static func spans(in range: Range<Int>, of scan: inout PatternScan, prefilter: Bool, into spans: inout [PatternSpan]) {
        scan.look(at: range)
        var i = range.lowerBound
        while i < range.upperBound {
            if !scan.mayStartPattern(at: i, prefilter: prefilter) {
                i += 1
            } else if let span = scan.match(at: i, gated: prefilter) {
                spans.append(span)
                i = span.tokens.upperBound
            } else {
                i += 1
            }
        }
    }
}
