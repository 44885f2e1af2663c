/// The BILOU label inventory over a list of entity types.
///
/// Label 0 is `O`; the type at index `t` owns labels `1 + 4t + k` for k = B, I, L, U.
public struct LabelSet: Sendable, Hashable {
    /// Position of a token inside an entity span.
    public enum Part: Int, Sendable { case begin = 0, inside = 1, last = 2, unit = 3 }

    /// Entity types in label order, e.g. ["PER", "ORG", "LOC", "MISC"].
    public let types: [String]

    /// Labels over `types`, in that order.
    public init(types: [String]) { self.types = types }

    /// The four CoNLL-2003 types.
    public static let conll = LabelSet(types: ["PER", "ORG", "LOC", "MISC"])

    /// Number of labels, `O` included.
    public var count: Int { 1 + 4 * types.count }

    /// The label of `part` of an entity of type index `type`.
    @inline(__always)
    public func label(type: Int, part: Part) -> Int { 1 + 4 * type + part.rawValue }

    /// The type index of a label, or nil for `O`.
    @inline(__always)
    public func type(of label: Int) -> Int? { label == 0 ? nil : (label - 1) / 4 }

    /// The part of a label, or nil for `O`.
    @inline(__always)
    public func part(of label: Int) -> Part? { label == 0 ? nil : Part(rawValue: (label - 1) % 4) }

    /// Whether `next` may follow `previous` in a well-formed BILOU sequence.
    public func allows(_ previous: Int, _ next: Int) -> Bool {
        let open = part(of: previous).map { $0 == .begin || $0 == .inside } ?? false
        if open {
            guard let p = part(of: next), p == .inside || p == .last else { return false }
            return type(of: next) == type(of: previous)
        }
        guard let p = part(of: next) else { return true }
        return p == .begin || p == .unit
    }

    /// Whether a sentence may start with `label`.
    public func allowsStart(_ label: Int) -> Bool { allows(0, label) }

    /// Whether a sentence may end with `label`.
    public func allowsEnd(_ label: Int) -> Bool { allows(label, 0) }

    /// Readable name such as "B-PER" or "O".
    public func name(of label: Int) -> String {
        guard let t = type(of: label), let p = part(of: label) else { return "O" }
        return ["B", "I", "L", "U"][p.rawValue] + "-" + types[t]
    }
}
