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
    var scratch = FeatureScratch()
    var decoders: [ViterbiDecoder]
    var emissions: [Float] = []
    var accumulator: [Int32]
    /// With two stages, token t's second-stage sums before the first stage's evidence (lanes
    /// per token, from `scoreContext`); else one spare accumulator.
    var partials: [Int32] = []

    var analyzed = AnalyzedDocument()
    /// Context keys of the document's token t: `keys[keyStarts[t]..<keyStarts[t + 1]]`.
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
    var contextKeyCount: Int { keys.count }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ document: [[Substring]]) { prepare(RecognizerInput(document)) }

    /// Analyses the document and extracts what both stages share.
    mutating func prepare(_ input: RecognizerInput) {
        analyzed.analyze(input, cache: wordCache)
        let context = DocumentContext(analyzed: analyzed)
        let l = model.labels.count, parts = WordScoreCache.parts, cache = wordCache
        let tokenCount = analyzed.infos.count
        keys.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
        if keyStarts.count <= tokenCount {
            keyStarts = [Int](repeating: 0, count: tokenCount + 1)
            codeStarts = [Int](repeating: 0, count: tokenCount + 1)
        }
        if wordOffsets.count < tokenCount { wordOffsets = [Int](repeating: 0, count: tokenCount) }
        // A word missing from the cache is summed once per document, however often it occurs.
        var uncachedWords = WordHashTable<Int>(capacity: 0, empty: -1)
        var uncached = 0
        for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s)
            guard !range.isEmpty else { continue }
            extractor.extract(analyzed, sentence: s, document: context, contextOnly: true, dense: true, words: cache, into: &scratch)
            let base = keys.count, codeBase = codes.count
            keys.append(contentsOf: scratch.keys)
            codes.append(contentsOf: scratch.codes)
            keyStarts.withUnsafeMutableBufferPointer { keyStarts in
                codeStarts.withUnsafeMutableBufferPointer { codeStarts in
                    for i in 0...range.count {
                        keyStarts[range.lowerBound + i] = base + scratch.offsets[i]
                        codeStarts[range.lowerBound + i] = codeBase + scratch.codeOffsets[i]
                    }
                }
            }
            for t in range {
                let word = Int(analyzed.cachedWords[t])
                if word >= 0 {
                    wordOffsets[t] = cache.offset(word: word)
                    continue
                }
                let info = analyzed.infos[t]
                if uncached == 0 { uncachedWords = WordHashTable(capacity: tokenCount, empty: -1) }
                if let u = uncachedWords.value(for: info.exact) {
                    wordOffsets[t] = -1 - u
                    continue
                }
                uncachedWords.update(info.exact) { $0 = uncached }
                wordOffsets[t] = -1 - uncached
                let vectorBase = uncached * parts * l
                uncached += 1
                let needed = uncached * parts * l + LabelVector.width
                for stage in computed.indices where computed[stage].count < needed {
                    computed[stage].append(contentsOf: repeatElement(0, count: max(needed, 2 * computed[stage].count) - computed[stage].count))
                }
                sumWordParts(info, at: vectorBase)
            }
        }
    }

    /// Sums every stage's weights of a word's string-only keys into `computed[stage][vectorBase...]`.
    private mutating func sumWordParts(_ info: TokenInfo, at vectorBase: Int) {
        let cluster = extractor.lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
        // The stages' vectors out of `computed` while written through pointers (swaps, no copies).
        var first: [Int32] = [], second: [Int32] = []
        swap(&first, &computed[0])
        if computed.count > 1 { swap(&second, &computed[1]) }
        defer {
            swap(&first, &computed[0])
            if computed.count > 1 { swap(&second, &computed[1]) }
        }
        first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
                wordSums.sum(info, cluster: cluster, into: first.baseAddress! + vectorBase, second.baseAddress.map { $0 + vectorBase })
            }
        }
    }
}
