/// A tagger's memo of where the weights of the word keys many words share are: for a word
/// missing from the word-score cache, its shape, short-prefix, short-suffix and coarse-cluster
/// keys are then found without hashing and probing the weight index again (of ≈ 22 keys per
/// word, ≈ 12 are such keys, with a few hundred distinct values each).
///
/// Direct-mapped, one region per kind of key, an entry per tag: a later tag of the same slot
/// replaces the earlier one. Kept across documents (a per-key lookup result, not per text).
final class WordKeyMemo {
    /// The kinds of shared keys, each with a region of its own.
    enum Kind: Int, CaseIterable {
        case shape, shortShape, prefix1, prefix2, suffix1, suffix2
        case clusterHereCoarse, clusterHereMedium, shapeMinus1, clusterMinus1Coarse, clusterMinus1Medium
        case shapePlus1, clusterPlus1Coarse, clusterPlus1Medium

        /// The kind's region: `slots` entries (a power of two) from `base`. Cluster kinds are
        /// indexed by their value directly (coarse < 256, medium < 1024).
        @inline(__always)
        var region: (base: Int, slots: Int) {
            switch self {
            case .shape: (0, 1024)
            case .shortShape: (1024, 256)
            case .prefix1: (1280, 256)
            case .prefix2: (1536, 2048)
            case .suffix1: (3584, 256)
            case .suffix2: (3840, 2048)
            case .clusterHereCoarse: (5888, 256)
            case .clusterHereMedium: (6144, 1024)
            case .shapeMinus1: (7168, 256)
            case .clusterMinus1Coarse: (7424, 256)
            case .clusterMinus1Medium: (7680, 1024)
            case .shapePlus1: (8704, 256)
            case .clusterPlus1Coarse: (8960, 256)
            case .clusterPlus1Medium: (9216, 1024)
            }
        }

        /// Entries of all regions.
        static let totalSlots = 10_240

        @inline(__always)
        var isCluster: Bool {
            switch self {
            case .clusterHereCoarse, .clusterHereMedium, .clusterMinus1Coarse, .clusterMinus1Medium,
                 .clusterPlus1Coarse, .clusterPlus1Medium: true
            default: false
            }
        }
    }

    /// A tag and the packed offsets of its key (`SharedWeightIndex.offsets`); `packed == .max`: empty.
    struct Entry {
        var tag: UInt64 = .max
        var packed: UInt64 = .max
    }

    let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Kind.totalSlots)
        entries.initialize(repeating: Entry(), count: Kind.totalSlots)
    }

    deinit { entries.deallocate() }

    /// Entries that hold a key.
    var filled: Int { (0..<Kind.totalSlots).reduce(0) { $0 + (entries[$1].packed != .max ? 1 : 0) } }

    /// The slot of `tag` in `kind`'s region of a memo's `entries`.
    @inline(__always)
    static func slot(_ kind: Kind, tag: UInt64, in entries: UnsafeMutablePointer<Entry>) -> UnsafeMutablePointer<Entry> {
        // Cluster tags are below their region's size; other tags are hashes or hash states,
        // spread by one multiply.
        let index = kind.isCluster ? Int(truncatingIfNeeded: tag) : Int(truncatingIfNeeded: (tag &* 0x9E37_79B9_7F4A_7C15) >> 40)
        let (base, slots) = kind.region
        return entries + base + (index & (slots - 1))
    }
}
