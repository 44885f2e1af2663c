/// Where a candidate span came from; earlier cases win overlaps.
enum SpanSource: Int, Comparable, Sendable {
    case userDictionary, recognizer, builtInName, place, propagated, pattern

    static func < (a: SpanSource, b: SpanSource) -> Bool { a.rawValue < b.rawValue }
}

/// A span some source proposes, before overlaps are resolved.
struct Candidate: Sendable {
    /// Indices into the article's tokens, end exclusive.
    var tokens: Range<Int>
    var sentence: Int
    var type: EntityType
    var confidence: Double
    var source: SpanSource
    /// Canonical name from a dictionary or alias table; `nil`: the mention text.
    var canonical: String?
}
