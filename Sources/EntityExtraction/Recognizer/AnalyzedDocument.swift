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
    /// How many distinct lowercase words the tokens with letters have (`TokenInfo.documentWord`
    /// numbers them `0..<wordCount`).
    private(set) var wordCount = 0
    private var numbering = DocumentWordNumbering()

    init() {}

    init(_ document: [[Substring]]) {
        analyze(RecognizerInput(document))
    }

    /// Analyses `input`'s tokens in place of the previous document's. A token that is one of
    /// `cache`'s words takes the word's analysis instead of scanning its characters again.
    mutating func analyze(_ input: RecognizerInput, cache: WordScoreCache? = nil) {
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        headlines.removeAll(keepingCapacity: true)
        sectionWord = nil
        let tokenCount = input.tokenCount
        var words = [Int32](repeating: -1, count: tokenCount)
        let cachedInfos = cache?.infos ?? []
        // Written in place (appending a 100-byte analysis per token cost more than making it).
        infos = [TokenInfo](unsafeUninitializedCapacity: tokenCount) { infos, initialized in
            words.withUnsafeMutableBufferPointer { words in
            cachedInfos.withUnsafeBufferPointer { cachedInfos in
            input.utf8.withUnsafeBufferPointer { utf8 in
            input.byteRanges.withUnsafeBufferPointer { byteRanges in
                var k = 0
                for sentence in input.sentences {
                    if k == 0 && !sentence.isEmpty && sentence.count >= 3 {
                        let dash = byteRanges[sentence.lowerBound + 1]
                        if dash.count == 1 && utf8[dash.lowerBound] == 0x2D { sectionWord = 0 }
                    }
                    // Flags seen in the sentence: a headline has capitals and no lowercase letter.
                    var seen: UInt16 = 0
                    for t in sentence {
                        let bytes = UnsafeBufferPointer(rebasing: utf8[byteRanges[t]])
                        // Written straight into place: a local copy of the 100-byte analysis costs more than finding it.
                        let slot = infos.baseAddress! + k
                        if let cache, let exact = Self.asciiExactHash(bytes) {
                            // ASCII (most tokens): the exact hash is one multiply per byte.
                            if let w = cache.word(exact: exact) {
                                // Copied as bytes (the analysis is plain data): an assignment went through the stack.
                                precondition(w < cachedInfos.count, "a cached word has a cached analysis")
                                UnsafeMutableRawPointer(slot).copyMemory(from: cachedInfos.baseAddress! + w, byteCount: MemoryLayout<TokenInfo>.size)
                                words[k] = Int32(w)
                            } else {
                                slot.initialize(to: bytes.isEmpty ? TokenInfo(utf8: bytes) : TokenInfo(ascii: bytes, exact: exact))
                            }
                        } else {
                            slot.initialize(to: TokenInfo(utf8: bytes))
                            if let w = cache?.word(exact: slot.pointee.exact) { words[k] = Int32(w) }
                        }
                        seen |= slot.pointee.flags
                        k += 1
                    }
                    starts.append(k)
                    let capitals = TokenInfo.Flag.initialCapital.rawValue | TokenInfo.Flag.innerCapital.rawValue
                    headlines.append(seen & capitals != 0 && seen & TokenInfo.Flag.hasLower.rawValue == 0)
                }
                initialized = k
            }
            }
            }
            }
        }
        cachedWords = words
        wordCount = infos.withUnsafeMutableBufferPointer { numbering.number($0) }
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
