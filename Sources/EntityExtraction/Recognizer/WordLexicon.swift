/// Word statistics learned from unlabeled news at training time and stored in the model:
/// distributional word clusters and how often a word is capitalized in running text.
struct WordLexicon: Sendable {
    /// Exact-form word hash → cluster ids at three granularities, packed 8 + 10 + 14 bits
    /// (coarse, medium, fine), each 1-based so 0 means "no cluster".
    let clusterKeys: [UInt64]
    let clusterValues: [UInt32]
    /// Lowercase word hash → capitalization bucket (see `CasePrior`).
    let caseKeys: [UInt64]
    let caseValues: [UInt32]
    /// The most frequent word forms of the training text, most frequent first: the words
    /// whose single-token feature scores a tagger may precompute.
    let frequentWords: [String]
    private let clusters: HashIndex
    private let cases: HashIndex

    init(clusterKeys: [UInt64], clusterValues: [UInt32], caseKeys: [UInt64], caseValues: [UInt32], frequentWords: [String] = []) {
        self.frequentWords = frequentWords
        self.clusterKeys = clusterKeys
        self.clusterValues = clusterValues
        self.caseKeys = caseKeys
        self.caseValues = caseValues
        self.clusters = HashIndex(keys: clusterKeys, values: clusterValues)
        self.cases = HashIndex(keys: caseKeys, values: caseValues)
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
