/// A recognizer span after clean-up, before it is typed.
struct RecognizedMention: Sendable {
    var tokens: Range<Int>
    var sentence: Int
    /// The recognizer's CoNLL label: PER, ORG, LOC or MISC.
    var label: String
    var confidence: Double
    var name: String
}
