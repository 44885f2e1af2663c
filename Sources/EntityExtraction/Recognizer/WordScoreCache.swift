/// Per-word sums of one stage's string-only feature weights (`FeatureExtractor.wordKeys`),
/// precomputed at load time for the model's frequent words, so that tagging a frequent word
/// costs one probe instead of some twenty weight lookups.
struct WordScoreCache: Sendable {
    static let parts = FeatureExtractor.WordPart.allCases.count
    /// Words cached at most: the most frequent few thousand cover most running-text tokens,
    /// and more would cost load time and memory (2 × 5 × 17 × 4 bytes per word per model).
    static let maxWords = 8_000

    let labelCount: Int
    private let index: HashIndex
    /// Word `w`, part `p`: `vectors[(w * parts + p) * L ..< … + L]`.
    private let vectors: [Int32]
    /// For a token whose neighbour at `part` is outside the sentence: `boundary[p * L ..< … + L]`.
    let boundary: [Int32]

    init(stage: LinearStage, lexicon: WordLexicon, labelCount l: Int) {
        labelCount = l
        var keys: [UInt64] = []
        let words = lexicon.frequentWords.prefix(Self.maxWords)
        var vectors = [Int32](repeating: 0, count: words.count * Self.parts * l)
        vectors.withUnsafeMutableBufferPointer { out in
            for word in words {
                let info = TokenInfo(Substring(word))
                let cluster = lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
                let base = keys.count * Self.parts * l
                keys.append(info.exact)
                for part in FeatureExtractor.WordPart.allCases {
                    Self.sum(stage, into: out.baseAddress! + base + part.rawValue * l) { emit in
                        FeatureExtractor.wordKeys(info, cluster: cluster, part: part, emit)
                    }
                }
            }
        }
        var boundary = [Int32](repeating: 0, count: Self.parts * l)
        boundary.withUnsafeMutableBufferPointer { out in
            for part in FeatureExtractor.WordPart.allCases {
                Self.sum(stage, into: out.baseAddress! + part.rawValue * l) { FeatureExtractor.boundaryKeys(part, $0) }
            }
        }
        self.vectors = vectors
        self.boundary = boundary
        index = HashIndex(keys: keys, values: (0..<keys.count).map { UInt32($0) })
    }

    /// Adds the stage's weights of the keys `generate` emits into `target[0..<L]`.
    static func sum(_ stage: LinearStage, into target: UnsafeMutablePointer<Int32>, _ generate: ((UInt64) -> Void) -> Void) {
        var keys: [UInt64] = []
        generate { keys.append($0) }
        keys.withUnsafeBufferPointer { stage.table.accumulate($0, into: target) }
    }

    /// Offset of a word's vectors in `vectors`, or nil when the word is not cached.
    @inline(__always)
    func offset(exact: UInt64) -> Int? {
        index.value(for: exact).map { Int($0) * Self.parts * labelCount }
    }

    /// Runs `body` with the cached vectors.
    @inline(__always)
    func withVectors<R>(_ body: (UnsafePointer<Int32>) -> R) -> R {
        vectors.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
