/// The tokens of one document analysed once (`TokenInfo` per token, headline flag per
/// sentence); document context, both stages and the evidence aggregation all read this.
/// Reusable: `analyze` keeps the buffers of the previous document.
struct AnalyzedDocument {
    /// Every token's analysis, sentence after sentence.
    private(set) var infos: [TokenInfo] = []
    /// Sentence `s` is `infos[starts[s]..<starts[s + 1]]`.
    private(set) var starts: [Int] = [0]
    private(set) var headlines: [Bool] = []
    /// Index in `infos` of the word that opens a wire story's "SECTION - ..." line: the first
    /// token of the first non-empty sentence when that has 3 or more tokens, the second "-".
    private(set) var sectionWord: Int?
    /// Per token, its word number in the `WordScoreCache` given to `analyze`, or -1.
    private(set) var cachedWords: [Int32] = []

    init() {}

    init(_ document: [[Substring]]) {
        analyze(RecognizerInput(document))
    }

    /// Analyses `input`'s tokens in place of the previous document's. A token that is one of
    /// `cache`'s words takes the word's analysis instead of scanning its characters again.
    mutating func analyze(_ input: RecognizerInput, cache: WordScoreCache? = nil) {
        infos.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        headlines.removeAll(keepingCapacity: true)
        cachedWords.removeAll(keepingCapacity: true)
        sectionWord = nil
        infos.reserveCapacity(input.tokenCount)
        cachedWords.reserveCapacity(input.tokenCount)
        var firstSentence = true
        input.utf8.withUnsafeBufferPointer { utf8 in
            input.byteRanges.withUnsafeBufferPointer { byteRanges in
                for sentence in input.sentences {
                    if firstSentence && !sentence.isEmpty {
                        firstSentence = false
                        if sentence.count >= 3 {
                            let dash = byteRanges[sentence.lowerBound + 1]
                            if dash.count == 1 && utf8[dash.lowerBound] == 0x2D { sectionWord = infos.count }
                        }
                    }
                    var lower = false, capital = false
                    for t in sentence {
                        let bytes = UnsafeBufferPointer(rebasing: utf8[byteRanges[t]])
                        var info: TokenInfo, word = -1
                        if let cache, let exact = Self.asciiExactHash(bytes) {
                            // ASCII (most tokens): the exact hash is one multiply per byte.
                            if let w = cache.word(exact: exact) {
                                info = cache.infos[w]
                                word = w
                            } else {
                                info = TokenInfo(utf8: bytes)
                            }
                        } else {
                            info = TokenInfo(utf8: bytes)
                            if let cache { word = cache.word(exact: info.exact) ?? -1 }
                        }
                        cachedWords.append(Int32(word))
                        lower = lower || info.has(.hasLower)
                        capital = capital || info.has(.initialCapital) || info.has(.innerCapital)
                        infos.append(info)
                    }
                    starts.append(infos.count)
                    headlines.append(capital && !lower)
                }
            }
        }
    }

    /// `FeatureHash.exact` of an all-ASCII token (its bytes are its scalars), or nil.
    @inline(__always)
    static func asciiExactHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h = FeatureHash.seed
        for b in bytes {
            if b >= 0x80 { return nil }
            h = FeatureHash.add(h, UInt32(b))
        }
        return FeatureHash.finalize(h)
    }

    var sentenceCount: Int { headlines.count }

    /// Token index range of sentence `s` in `infos`.
    func range(of s: Int) -> Range<Int> { starts[s]..<starts[s + 1] }
}
