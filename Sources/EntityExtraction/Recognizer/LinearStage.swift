/// One linear scoring stage: hashed feature rows of Int16 weights (one shared scale) and
/// label transition scores.
struct LinearStage: Sendable {
    /// Feature key of each weight row.
    let featureKeys: [UInt64]
    /// `featureKeys.count × L` weights; the real weight is `weights[k] * weightScale`.
    var weights: [Int16] { table.weights }
    let weightScale: Float
    /// `L × L` transition scores, from-major.
    let transitions: [Float]
    let table: WeightTable
    /// The rows of the small-domain context features, by code.
    let dense: DenseContextTable
    /// The rows of the second stage's evidence features, by code.
    let evidence: DenseEvidenceTable

    init(featureKeys: [UInt64], weights: [Int16], weightScale: Float, transitions: [Float]) {
        self.featureKeys = featureKeys
        self.weightScale = weightScale
        self.transitions = transitions
        let labelCount = featureKeys.isEmpty ? 1 : weights.count / featureKeys.count
        self.table = WeightTable(keys: featureKeys, weights: weights, labelCount: labelCount)
        dense = DenseContextTable(table: table)
        evidence = DenseEvidenceTable(table: table)
    }

    /// The reference scoring the fast paths are tested against: every key of every token
    /// looked up in a plain dictionary of the stage's rows (no weight table, no word caches).
    func referenceEmissions(_ scratch: FeatureScratch, count n: Int, labelCount l: Int) -> [Float] {
        var rows: [UInt64: Int] = [:]
        for (row, key) in featureKeys.enumerated() { rows[key] = row }
        var emissions = [Float](repeating: 0, count: n * l)
        for i in 0..<n {
            var sums = [Int32](repeating: 0, count: l)
            for key in scratch.keys[scratch.offsets[i]..<scratch.offsets[i + 1]] {
                guard let row = rows[key] else { continue }
                for y in 0..<l { sums[y] &+= Int32(table.weight(row: row, label: y)) }
            }
            for y in 0..<l { emissions[i * l + y] = Float(sums[y]) * weightScale }
        }
        return emissions
    }
}
