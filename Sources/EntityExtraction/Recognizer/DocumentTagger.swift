/// The per-call state of tagging one document: reusable buffers, so that tokens cost no
/// allocation once the buffers have grown to the document.
///
/// The features both stages share are extracted once per document (`prepare`): every token's
/// context keys, and where its string-only weight sums are (a frequent word's cached vectors,
/// or vectors summed here once for both stages). Each stage then only looks weights up.
struct DocumentTagger {
    /// A span of the best labelling with its margin: the best path's score minus the best
    /// score of any path that labels one of the span's tokens differently.
    typealias MarginSpan = (range: Range<Int>, type: Int, margin: Float)

    let model: RecognizerModel
    let extractor: FeatureExtractor
    let wordCache: WordScoreCache
    let wordSums: WordPartSums
    let contextScratch = ContextScratch()
    /// Where the weights of keys that many uncached words share are (`locateWordSums`).
    let wordKeyMemo = WordKeyMemo()
    var decoders: [ViterbiDecoder]
    var emissions: [Float] = []
    var accumulator: [Int32]
    /// With two stages, token t's second-stage sums before the first stage's evidence (lanes
    /// per token, from `scoreContext`); else one spare accumulator.
    var partials: [Int32] = []

    var analyzed = AnalyzedDocument()
    /// Context keys of the document's token t: `keys[keyStarts[t]..<keyStarts[t + 1]]` (the
    /// arrays only grow: entries past the last token's are stale).
    var keys: [UInt64] = []
    var keyStarts: [Int] = [0]
    /// `DenseContextTable` codes of token t: `codes[codeStarts[t]..<codeStarts[t + 1]]`.
    var codes: [Int32] = []
    var codeStarts: [Int] = [0]
    /// Per token: where its string-only sums are (`>= 0`: offset in the word cache's vectors;
    /// `< 0`: `-1 - u` for the document's u-th uncached token, in `computed`).
    var wordOffsets: [Int] = []
    /// Stage s: the uncached tokens' string-only sums, `parts × L` per token, then at least
    /// `LabelVector.width` spare values (read in whole SIMD steps).
    var computed: [[Int32]]
    /// First-stage label of every token of the document.
    var firstLabels: [Int] = []
    /// The document's uncached words, each as the first token where it occurs.
    private var newWords: [Int] = []

    init(model: RecognizerModel) {
        self.model = model
        extractor = model.extractor
        wordCache = model.wordCache.cache
        wordSums = model.wordSums
        decoders = model.decoders
        accumulator = [Int32](repeating: 0, count: LabelVector.lanes(model.labels.count))
        computed = model.stages.map { _ in [] }
    }

    /// Spans with margins of every sentence, from the last stage.
    mutating func marginSpans(_ input: RecognizerInput) -> [[MarginSpan]] {
        prepare(input)
        return marginSpansOfPrepared()
    }

    /// Context keys of the document `prepare` last read.
    var contextKeyCount: Int { keyStarts[analyzed.infos.count] }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ document: [[Substring]]) { prepare(RecognizerInput(document)) }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ input: RecognizerInput) {
        analyzed.analyze(input, cache: wordCache)
        let context = DocumentContext(analyzed: analyzed)
        let tokenCount = analyzed.infos.count
        if keyStarts.count <= tokenCount {
            keyStarts = [Int](repeating: 0, count: tokenCount + 1)
            codeStarts = [Int](repeating: 0, count: tokenCount + 1)
        }
        extractor.extractContext(analyzed, document: context, words: wordCache, scratch: contextScratch,
                                 keys: &keys, keyStarts: &keyStarts, codes: &codes, codeStarts: &codeStarts)
        locateWordSums()
    }

    /// Fills `wordOffsets`: a cached word's offset in the cache, else where its sums are in
    /// `computed`, summed here once per document however often the word occurs.
    private mutating func locateWordSums() {
        let l = model.labels.count, parts = WordScoreCache.parts, cache = wordCache
        let tokenCount = analyzed.infos.count
        if wordOffsets.count < tokenCount { wordOffsets = [Int](repeating: 0, count: tokenCount) }
        var newWords = self.newWords
        self.newWords = []
        newWords.removeAll(keepingCapacity: true)
        analyzed.cachedWords.withUnsafeBufferPointer { cachedWords in
            // Sized for the uncached tokens only (a table per document is cleared when made).
            var uncachedTokens = 0
            for t in 0..<tokenCount where cachedWords[t] < 0 { uncachedTokens &+= 1 }
            var uncachedWords = WordHashTable<Int>(capacity: uncachedTokens, empty: -1)
        analyzed.infos.withUnsafeBufferPointer { infos in
        wordOffsets.withUnsafeMutableBufferPointer { wordOffsets in
            for t in 0..<tokenCount {
                let word = Int(cachedWords[t])
                if word >= 0 {
                    wordOffsets[t] = cache.offset(word: word)
                    continue
                }
                let exact = infos[t].exact
                if let u = uncachedWords.value(for: exact) {
                    wordOffsets[t] = -1 - u
                    continue
                }
                uncachedWords.update(exact) { $0 = newWords.count }
                wordOffsets[t] = -1 - newWords.count
                newWords.append(t)
            }
        }
        }
        }
        defer { self.newWords = newWords }
        guard !newWords.isEmpty else { return }
        let needed = newWords.count * parts * l + LabelVector.width
        for stage in computed.indices where computed[stage].count < needed {
            computed[stage].append(contentsOf: repeatElement(0, count: max(needed, 2 * computed[stage].count) - computed[stage].count))
        }
        // The stages' vectors out of `computed` while written through pointers (swaps, no copies).
        var first: [Int32] = [], second: [Int32] = []
        swap(&first, &computed[0])
        if computed.count > 1 { swap(&second, &computed[1]) }
        defer {
            swap(&first, &computed[0])
            if computed.count > 1 { swap(&second, &computed[1]) }
        }
        let lexicon = extractor.lexicon
        first.withUnsafeMutableBufferPointer { first in
        second.withUnsafeMutableBufferPointer { second in
        analyzed.infos.withUnsafeBufferPointer { infos in
        wordSums.withSummer(memo: wordKeyMemo) { summer in
            for (u, t) in newWords.enumerated() {
                let info = infos[t], vectorBase = u * parts * l
                let target0 = first.baseAddress! + vectorBase, target1 = second.baseAddress.map { $0 + vectorBase }
                let cluster = lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
                summer.sum(info, cluster: cluster, into: target0, target1)
            }
        }
        }
        }
        }
    }
}
