/// A numeric or temporal expression found by a pattern.
struct PatternSpan: Sendable, Hashable {
    /// Token indices into the tokenized text, end exclusive.
    var tokens: Range<Int>
    var type: EntityType
    /// How often this pattern is right in news text, a fixed estimate per rule.
    var confidence: Double
}
