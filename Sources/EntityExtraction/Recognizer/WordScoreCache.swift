/// Per-word sums of every stage's string-only feature weights (`FeatureExtractor.wordKeys`),
/// precomputed at load time for the model's frequent words, so that tagging a frequent word
/// costs one probe instead of some twenty-five weight lookups per stage.
struct WordScoreCache: Sendable {
    static let parts = FeatureExtractor.WordPart.allCases.count
    /// Words cached at most (stages × 5 × 17 × 4 bytes of vectors + ~110 bytes per word, built
    /// after start-up). On CoNLL dev text 8,000 words leave 17.8 % of tokens uncached, 12,000
    /// 14.6 %, 20,000 10.2 %; but 20,000 took the daemon's peak RSS in a burst to 64.4 MiB
    /// (limit 64), so 12,000 (~8 MB).
    static let maxWords = 12_000

    let labelCount: Int
    /// Exact-form hash → word number.
    private let index: HashIndex
    /// Word w's `TokenInfo`: a token found by its exact hash needs no scan of its own.
    let infos: [TokenInfo]
    /// Word w's gazetteer entry as a one-token name (`Gazetteer.single`) and its capitalization
    /// prior (`WordLexicon.casePrior`): two probes per token saved.
    let gazetteerEntries: [UInt32]
    let casePriors: [UInt32]
    /// Stage s, word w, part p: `vectors[s][(w * parts + p) * L ..< … + L]`; each array ends
    /// with `LabelVector.width` spare values, so the last vector too can be read in SIMD steps.
    /// Where `folded[w]`, the `itself` part also holds the rows of the word's context-0 codes
    /// (`DenseContextTable.wordCodes`): a token then skips four dense rows per stage.
    private let vectors: [[Int32]]
    /// Whether word w's `itself` vectors hold its context-0 word codes' rows.
    let folded: [Bool]
    /// Stage s, for a token whose neighbour at `part` is outside the sentence: `boundaries[s][p * L ..< … + L]`
    /// (spare values at the end as in `vectors`).
    let boundaries: [[Int32]]

    init(stages: [LinearStage], lexicon: WordLexicon, gazetteer: Gazetteer, sums: WordPartSums, labelCount l: Int) {
        labelCount = l
        let words = lexicon.frequentWords(limit: Self.maxWords)
        var keys: [UInt64] = []
        keys.reserveCapacity(words.count)
        var infos: [TokenInfo] = []
        infos.reserveCapacity(words.count)
        var gazetteerEntries: [UInt32] = [], casePriors: [UInt32] = []
        gazetteerEntries.reserveCapacity(words.count)
        casePriors.reserveCapacity(words.count)
        let size = words.count * Self.parts * l + LabelVector.width
        var first = [Int32](repeating: 0, count: size), second = [Int32](repeating: 0, count: stages.count > 1 ? size : 0)
        var folded: [Bool] = []
        folded.reserveCapacity(words.count)
        let last = stages.count - 1
        first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
            stages[0].table.paddedWeights.withUnsafeBufferPointer { rows0 in
            stages[last].table.paddedWeights.withUnsafeBufferPointer { rows1 in
            stages[0].dense.offsets.withUnsafeBufferPointer { dense0 in
            stages[last].dense.offsets.withUnsafeBufferPointer { dense1 in
            sums.withSummer { summer in
                for word in words {
                    let info = TokenInfo(word)
                    let cluster = lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
                    let base = keys.count * Self.parts * l
                    let prior = lexicon.casePrior(lower: info.lower)
                    keys.append(info.exact)
                    infos.append(info)
                    gazetteerEntries.append(gazetteer.single(lower: info.lower))
                    casePriors.append(prior)
                    summer.sum(info, cluster: cluster, into: first.baseAddress! + base, second.baseAddress.map { $0 + base })
                    let codes = DenseContextTable.wordCodes(info, prior: prior)
                    folded.append(codes != nil)
                    guard let codes else { continue }
                    let itself = base + FeatureExtractor.WordPart.itself.rawValue * l
                    Self.add(codes, rows: rows0.baseAddress!, offsets: dense0.baseAddress!, labelCount: l, into: first.baseAddress! + itself)
                    if last > 0 {
                        Self.add(codes, rows: rows1.baseAddress!, offsets: dense1.baseAddress!, labelCount: l, into: second.baseAddress! + itself)
                    }
                }
            }
            }
            }
            }
            }
            }
        }
        self.folded = folded
        let vectors = stages.count > 1 ? [first, second] : [first]
        var buffer: [UInt64] = []
        var boundaries = stages.map { _ in [Int32](repeating: 0, count: Self.parts * l + LabelVector.width) }
        for part in FeatureExtractor.WordPart.allCases {
            buffer.removeAll(keepingCapacity: true)
            FeatureExtractor.boundaryKeys(part) { buffer.append($0) }
            for s in stages.indices { Self.sum(buffer, stages[s].table, into: &boundaries[s], at: part.rawValue * l) }
        }
        self.vectors = vectors
        self.infos = infos
        self.gazetteerEntries = gazetteerEntries
        self.casePriors = casePriors
        self.boundaries = boundaries
        index = HashIndex(keys: keys, values: (0..<keys.count).map { UInt32($0) })
    }

    /// Adds a stage's rows (`rows`, `offsets`: its weights and `DenseContextTable` offsets) of
    /// dense `codes` (-1: none) into `target[0..<L]`.
    private static func add(_ codes: SIMD4<Int32>, rows: UnsafePointer<Int16>, offsets: UnsafePointer<Int32>, labelCount: Int,
                            into target: UnsafeMutablePointer<Int32>) {
        for k in 0..<4 where codes[k] >= 0 {
            let offset = Int(offsets[Int(codes[k])])
            if offset >= 0 { LabelVector.add(rows + offset, into: target, count: labelCount) }
        }
    }

    /// Adds the table's weights of `keys` into `target[offset..<offset + L]`.
    static func sum(_ keys: [UInt64], _ table: borrowing WeightTable, into target: inout [Int32], at offset: Int) {
        keys.withUnsafeBufferPointer { keys in
            target.withUnsafeMutableBufferPointer { table.accumulate(keys, into: $0.baseAddress! + offset) }
        }
    }

    /// Offset of a word's vectors in each stage's vectors, or nil when the word is not cached.
    @inline(__always)
    func offset(exact: UInt64) -> Int? {
        index.value(for: exact).map { offset(word: Int($0)) }
    }

    /// The number of the cached word with this exact-form hash, or nil.
    @inline(__always)
    func word(exact: UInt64) -> Int? { index.value(for: exact).map { Int($0) } }

    /// Offset of word `w`'s vectors in each stage's vectors.
    @inline(__always)
    func offset(word w: Int) -> Int { w * Self.parts * labelCount }

    /// Runs `body` with the cached vectors of `stage`.
    @inline(__always)
    func withVectors<R>(stage: Int, _ body: (UnsafePointer<Int32>) -> R) -> R {
        vectors[stage].withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
