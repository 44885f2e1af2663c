/// The tokens of one document analysed once (`TokenInfo` per token, headline flag per
/// sentence); document context, both stages and the evidence aggregation all read this.
struct AnalyzedDocument {
    /// Every token's analysis, sentence after sentence.
    let infos: [TokenInfo]
    /// Sentence `s` is `infos[starts[s]..<starts[s + 1]]`.
    let starts: [Int]
    let headlines: [Bool]

    init(_ document: [[Substring]]) {
        var infos: [TokenInfo] = []
        var starts = [0]
        var headlines: [Bool] = []
        infos.reserveCapacity(document.reduce(0) { $0 + $1.count })
        for sentence in document {
            var lower = false, capital = false
            for token in sentence {
                let info = TokenInfo(token)
                lower = lower || info.has(.hasLower)
                capital = capital || info.has(.initialCapital) || info.has(.innerCapital)
                infos.append(info)
            }
            starts.append(infos.count)
            headlines.append(capital && !lower)
        }
        self.infos = infos
        self.starts = starts
        self.headlines = headlines
    }

    var sentenceCount: Int { headlines.count }

    /// Token index range of sentence `s` in `infos`.
    func range(of s: Int) -> Range<Int> { starts[s]..<starts[s + 1] }
}
