/// What the first stage said about each word across one document, for the second stage:
/// how often the word occurs and how often inside a span of each type (Ratinov & Roth 2009's
/// context aggregation of predictions, so that "Clinton" agrees with "Bill Clinton").
struct FirstPassEvidence: Sendable {
    /// Per document word (`TokenInfo.documentWord`): lane 0 occurrences, lane 1 + t occurrences
    /// inside type t spans.
    private var counts: [SIMD8<Int32>]
    let typeCount: Int

    static let maxTypes = 7

    /// From the labels of each sentence (a sentence may have none: training leaves some out).
    init(analyzed: AnalyzedDocument, labels: [[Int]], labelSet: LabelSet) {
        typeCount = min(labelSet.types.count, Self.maxTypes)
        counts = [SIMD8<Int32>](repeating: SIMD8(), count: analyzed.wordCount)
        for (s, sentenceLabels) in labels.enumerated() {
            for (info, label) in zip(analyzed.infos[analyzed.range(of: s)], sentenceLabels) { count(info, label, labelSet) }
        }
    }

    /// From the label of every token of the document (`labels[t]` for `analyzed.infos[t]`).
    init(analyzed: AnalyzedDocument, labels: [Int], labelSet: LabelSet) {
        let typeCount = min(labelSet.types.count, Self.maxTypes)
        self.typeCount = typeCount
        var counts = [SIMD8<Int32>](repeating: SIMD8(), count: analyzed.wordCount)
        let hasLetter = TokenInfo.Flag.hasLetter.rawValue
        // Through pointers (each 104-byte analysis read in place); a token with letters has a
        // number below `wordCount`, so every write is in range.
        counts.withUnsafeMutableBufferPointer { counts in
        analyzed.infos.withUnsafeBufferPointer { infos in
            for (t, label) in zip(infos.indices, labels) where infos[t].flags & hasLetter != 0 {
                let word = Int(infos[t].documentWord)
                counts[word][0] &+= 1
                if let type = labelSet.type(of: label), type < typeCount { counts[word][1 + type] &+= 1 }
            }
        }
        }
        self.counts = counts
    }

    private mutating func count(_ info: TokenInfo, _ label: Int, _ labelSet: LabelSet) {
        guard info.has(.hasLetter) else { return }
        let word = Int(info.documentWord)
        counts[word][0] += 1
        if let type = labelSet.type(of: label), type < typeCount { counts[word][1 + type] += 1 }
    }

    /// Counts for the other occurrences of a document word (`TokenInfo.documentWord` of a token
    /// with letters; its own label taken out): lane 0 total, then per type; nil when the word
    /// occurs only once.
    @inline(__always)
    func others(word: Int32, ownType: Int?) -> SIMD8<Int32>? {
        var entry = counts[Int(word)]
        guard entry[0] > 1 else { return nil }
        entry[0] -= 1
        if let t = ownType, t < typeCount { entry[1 + t] -= 1 }
        return entry
    }
}
