extension FeatureExtractor {
    /// The second-stage keys of token `i` of an `n`-token sentence whose first-stage labels
    /// `evidence` holds: `evidenceFeatures`, hashed.
    @inline(__always)
    static func evidenceKeys(_ i: Int, count n: Int, info: TokenInfo, _ evidence: StageEvidence, _ emit: (UInt64) -> Void) {
        evidenceFeatures(i, count: n, info: info, evidence) { emit(FeatureHash.mix($0.rawValue, $1)) }
    }

    /// The second-stage features of token `i` as (template, value) pairs, in key order: the
    /// tagger maps them to `DenseEvidenceTable` codes instead of hashing them.
    @inline(__always)
    static func evidenceFeatures(_ i: Int, count n: Int, info: TokenInfo, _ evidence: StageEvidence,
                                 _ key: (FeatureTemplate, UInt64) -> Void) {
        let labels = evidence.labels
        let start = labels.startIndex
        func labelAt(_ j: Int) -> UInt64 { j < 0 || j >= n ? 0xFF : UInt64(labels[start + j]) }
        let own = labels[start + i]
        key(.firstStageLabel, UInt64(own))
        key(.firstStageContext, labelAt(i - 1) << 16 | UInt64(own) << 8 | labelAt(i + 1))
        documentFeatures(own: own, info: info, evidence, key)
    }

    /// The features of `evidenceFeatures` after the two label ones, of a token the first stage
    /// labelled `own`, in the same order (the tagger codes the label ones itself).
    @inline(__always)
    static func documentFeatures(own: Int, info: TokenInfo, _ evidence: StageEvidence, _ key: (FeatureTemplate, UInt64) -> Void) {
        guard info.has(.hasLetter) else { return }
        guard let counts = evidence.document.others(word: info.documentWord, ownType: evidence.labelSet.type(of: own)) else {
            key(.documentVote, 0xFFFF)
            return
        }
        let total = counts[0]
        var majority = -1
        var best: Int32 = 0
        for t in 0..<evidence.document.typeCount where counts[1 + t] > 0 {
            let share = Double(counts[1 + t]) / Double(max(total, 1))
            let bucket: UInt64 = share >= 0.99 ? 3 : (share >= 0.5 ? 2 : 1)
            key(.documentTypeShare, UInt64(t) << 4 | bucket)
            if counts[1 + t] > best { best = counts[1 + t]; majority = t }
        }
        let capital: UInt64 = info.has(.initialCapital) ? 1 : 0
        let ownType = UInt64(evidence.labelSet.type(of: own).map { $0 + 1 } ?? 0)
        key(.documentVote, UInt64(majority + 1) << 8 | ownType << 1 | capital)
    }
}
