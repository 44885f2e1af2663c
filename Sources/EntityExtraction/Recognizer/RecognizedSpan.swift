/// One entity span found by the recognizer in a sentence.
public struct RecognizedSpan: Sendable, Hashable {
    /// Token indices within the sentence, end exclusive.
    public var tokens: Range<Int>
    /// The CoNLL-style type: "PER", "ORG", "LOC" or "MISC".
    public var label: String
    /// How sure the model is of this exact span and type, in [0, 1]: a calibrated sigmoid of the
    /// Viterbi score margin over the best path that labels any of the span's tokens differently.
    public var confidence: Double

    /// A span as given.
    public init(tokens: Range<Int>, label: String, confidence: Double) {
        self.tokens = tokens
        self.label = label
        self.confidence = confidence
    }
}
