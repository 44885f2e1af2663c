/// What the first stage said about each word across one document, for the second stage:
/// how often the word occurs and how often inside a span of each type (Ratinov & Roth 2009's
/// context aggregation of predictions, so that "Clinton" agrees with "Bill Clinton").
struct FirstPassEvidence: Sendable {
    /// Per lowercase word hash: lane 0 occurrences, lane 1 + t occurrences inside type t spans.
    private var counts: WordHashTable<SIMD8<Int32>>
    let typeCount: Int

    static let maxTypes = 7

    /// From the labels of each sentence (a sentence may have none: training leaves some out).
    init(analyzed: AnalyzedDocument, labels: [[Int]], labelSet: LabelSet) {
        typeCount = min(labelSet.types.count, Self.maxTypes)
        counts = WordHashTable(capacity: analyzed.infos.count, empty: SIMD8())
        for (s, sentenceLabels) in labels.enumerated() {
            for (info, label) in zip(analyzed.infos[analyzed.range(of: s)], sentenceLabels) { count(info, label, labelSet) }
        }
    }

    /// From the label of every token of the document (`labels[t]` for `analyzed.infos[t]`).
    init(analyzed: AnalyzedDocument, labels: [Int], labelSet: LabelSet) {
        typeCount = min(labelSet.types.count, Self.maxTypes)
        counts = WordHashTable(capacity: analyzed.infos.count, empty: SIMD8())
        for (info, label) in zip(analyzed.infos, labels) { count(info, label, labelSet) }
    }

    private mutating func count(_ info: TokenInfo, _ label: Int, _ labelSet: LabelSet) {
        guard info.has(.hasLetter) else { return }
        let type = labelSet.type(of: label).flatMap { $0 < typeCount ? $0 : nil }
        counts.update(info.lower) { entry in
            entry[0] += 1
            if let type { entry[1 + type] += 1 }
        }
    }

    /// Counts for the word's other occurrences (its own label taken out): lane 0 total, then
    /// per type; nil when the word occurs only once.
    @inline(__always)
    func others(lower: UInt64, ownType: Int?) -> SIMD8<Int32>? {
        guard var entry = counts.value(for: lower), entry[0] > 1 else { return nil }
        entry[0] -= 1
        if let t = ownType, t < typeCount { entry[1 + t] -= 1 }
        return entry
    }
}
