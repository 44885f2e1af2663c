/// A typed span of token indices, the common currency of encoding, decoding and scoring.
public struct TypedSpan: Sendable, Hashable {
    /// Token (or character) indices, end exclusive.
    public var range: Range<Int>
    /// The entity type, e.g. "PER".
    public var type: String

    /// A span of `type` over `range`.
    public init(_ range: Range<Int>, _ type: String) {
        self.range = range
        self.type = type
    }
}
