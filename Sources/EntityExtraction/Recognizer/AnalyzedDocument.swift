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

    init() {}

    init(_ document: [[Substring]]) {
        analyze(RecognizerInput(document))
    }

    /// Analyses `input`'s tokens in place of the previous document's.
    mutating func analyze(_ input: RecognizerInput) {
        infos.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        headlines.removeAll(keepingCapacity: true)
        sectionWord = nil
        infos.reserveCapacity(input.tokenCount)
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
                        let info = TokenInfo(utf8: UnsafeBufferPointer(rebasing: utf8[byteRanges[t]]))
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

    var sentenceCount: Int { headlines.count }

    /// Token index range of sentence `s` in `infos`.
    func range(of s: Int) -> Range<Int> { starts[s]..<starts[s + 1] }
}
