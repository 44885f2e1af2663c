/// Word statistics learned from unlabeled news at training time and stored in the model:
/// distributional word clusters and how often a word is capitalized in running text.
struct WordLexicon: Sendable {
    /// The most frequent word forms of the training text, most frequent first, one per line:
    /// the words whose single-token feature scores a tagger may precompute. Kept as the one
    /// string the model file holds: 20,000 separate strings cost load time and memory.
    let frequentWordList: String
    /// Exact-form word hash → cluster ids at three granularities, packed 8 + 10 + 14 bits
    /// (coarse, medium, fine), each 1-based so 0 means "no cluster".
    private let clusters: HashIndex
    /// Lowercase word hash → capitalization bucket (see `CasePrior`).
    private let cases: HashIndex

    /// Words with clusters, and words with a capitalization prior.
    var clusterCount: Int { clusters.count }
    var caseCount: Int { cases.count }

    /// The cluster entries ascending by key, as the model file stores them.
    var clusterEntries: (keys: [UInt64], values: [UInt32]) { clusters.sortedEntries() }

    /// The capitalization entries ascending by key, as the model file stores them.
    var caseEntries: (keys: [UInt64], values: [UInt32]) { cases.sortedEntries() }

    init(clusterKeys: [UInt64], clusterValues: [UInt32], caseKeys: [UInt64], caseValues: [UInt32], frequentWords: [String] = []) {
        self.init(clusterKeys: clusterKeys, clusterValues: clusterValues, caseKeys: caseKeys, caseValues: caseValues,
                  frequentWordList: frequentWords.joined(separator: "\n"))
    }

    init(clusterKeys: [UInt64], clusterValues: [UInt32], caseKeys: [UInt64], caseValues: [UInt32], frequentWordList: String) {
        self.frequentWordList = frequentWordList
        self.clusters = HashIndex(keys: clusterKeys, values: clusterValues)
        self.cases = HashIndex(keys: caseKeys, values: caseValues)
    }

    /// The frequent words, most frequent first.
    var frequentWords: [String] { frequentWords(limit: Int.max).map(String.init) }

    /// The first `limit` frequent words, as slices of `frequentWordList`: the line breaks found
    /// in its UTF-8 bytes, each slice made from byte offsets (stepping `String.Index` byte by
    /// byte, or splitting on Characters, cost more than the rest of loading the lexicon).
    func frequentWords(limit: Int) -> [Substring] {
        var list = frequentWordList
        list.makeContiguousUTF8()
        let utf8 = list.utf8
        var ranges: [Range<Int>] = []
        utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for i in bytes.indices where bytes[i] == 0x0A {
                if ranges.count == limit { return }
                if start != i { ranges.append(start..<i) }
                start = i + 1
            }
            if start != bytes.count && ranges.count < limit { ranges.append(start..<bytes.count) }
        }
        var words: [Substring] = []
        words.reserveCapacity(ranges.count)
        // Native UTF-8 storage: offsetting a `String.Index` by bytes is constant time.
        let base = utf8.startIndex
        for range in ranges {
            words.append(list[utf8.index(base, offsetBy: range.lowerBound)..<utf8.index(base, offsetBy: range.upperBound)])
        }
        return words
    }

    static let empty = WordLexicon(clusterKeys: [], clusterValues: [], caseKeys: [], caseValues: [])

    /// Packed cluster ids of a word, trying its exact, title-case and lowercase forms.
    @inline(__always)
    func cluster(exact: UInt64, title: UInt64, lower: UInt64) -> UInt32 {
        clusters.value(for: exact) ?? clusters.value(for: title) ?? clusters.value(for: lower) ?? 0
    }

    /// The capitalization bucket of a lowercase form, 0 when unseen.
    @inline(__always)
    func casePrior(lower: UInt64) -> UInt32 { cases.value(for: lower) ?? 0 }
}
