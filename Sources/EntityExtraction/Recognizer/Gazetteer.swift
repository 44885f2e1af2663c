/// Multi-token place and nationality names compiled into the model, matched case-insensitively.
///
/// Each entry maps the hash of a lowercased token sequence to a bit set of `Category`s.
struct Gazetteer: Sendable {
    /// What kind of name an entry is; the raw value is its bit in an entry's mask.
    enum Category: Int, CaseIterable, Sendable {
        case city = 0, largeCity, region, country, demonym
        /// Learned from a silver corpus's person spans: first words of multi-word names.
        case givenName
        /// Learned from a silver corpus's organization spans: their frequent words ("Forces").
        case organizationWord
        /// Learned from a silver corpus's person spans: last words of multi-word names.
        case surname
    }

    /// Mask bit of sequences that begin a longer name.
    static let prefixBit: UInt32 = 1 << 31

    /// Mask bits of the categories.
    private static let categoryBits: UInt32 = 1 << Category.allCases.count - 1

    /// Longest name, in tokens, that matching tries.
    static let maxTokens = 6

    private let index: HashIndex
    private let isEmpty: Bool

    /// From entries; later duplicates of a key overwrite earlier ones.
    init(keys: [UInt64], masks: [UInt32]) {
        index = HashIndex(keys: keys, values: masks)
        isEmpty = keys.isEmpty
    }

    /// Number of names (token sequences and prefixes).
    var count: Int { index.count }

    /// The entries ascending by key, as the model file stores them.
    var entries: (keys: [UInt64], masks: [UInt32]) {
        let entries = index.sortedEntries()
        return (entries.keys, entries.values)
    }

    static let empty = Gazetteer(keys: [], masks: [])

    /// The category mask of the name spanning `lowerHashes[range]`, or 0.
    @inline(__always)
    func mask(forSequenceHash hash: UInt64) -> UInt32 { index.value(for: hash) ?? 0 }

    /// The entry of the one-token sequence of a lowercase word hash (0 when none): what
    /// `annotate` reads first at every token.
    @inline(__always)
    func single(lower: UInt64) -> UInt32 {
        isEmpty ? 0 : mask(forSequenceHash: FeatureHash.sequence(FeatureHash.seed, lower))
    }

    /// Marks, for every token, which categories match around it and where in the match it
    /// sits: bit `4 * category + part` with part 0 = first, 1 = inside, 2 = last, 3 = whole.
    /// `singles[i]` is `single(lower: lowerHashes[i])`.
    func annotate(lowerHashes: UnsafeBufferPointer<UInt64>, singles: UnsafeBufferPointer<UInt32>,
                  into marks: UnsafeMutableBufferPointer<UInt32>) {
        let n = lowerHashes.count
        for i in 0..<n { marks[i] = 0 }
        if isEmpty { return }
        for start in 0..<n where singles[start] != 0 {
            var hash = FeatureHash.seed
            for length in 1...min(Gazetteer.maxTokens, n - start) {
                // A sequence that begins no longer name ends the search: every proper prefix of a
                // name carries `prefixBit` (`GazetteerBuilder`), so a longer lookup would find nothing.
                let entry: UInt32
                if length == 1 {
                    entry = singles[start]
                } else {
                    entry = mask(forSequenceHash: hash)
                    if entry == 0 { break }
                }
                var found = entry & Self.categoryBits
                while found != 0 {
                    let base = UInt32(4 * found.trailingZeroBitCount)
                    found &= found - 1
                    if length == 1 {
                        marks[start] |= 1 << (base + 3)
                        continue
                    }
                    marks[start] |= 1 << base
                    for i in (start + 1)..<(start + length - 1) { marks[i] |= 1 << (base + 1) }
                    marks[start + length - 1] |= 1 << (base + 2)
                }
                guard entry & Gazetteer.prefixBit != 0, start + length < n else { break }
                if length == 1 { hash = FeatureHash.sequence(hash, lowerHashes[start]) }
                hash = FeatureHash.sequence(hash, lowerHashes[start + length])
            }
        }
    }
}
