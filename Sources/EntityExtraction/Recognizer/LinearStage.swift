/// One linear scoring stage: hashed feature rows of Int16 weights (one shared scale) and
/// label transition scores.
struct LinearStage: Sendable {
    /// Feature key of each weight row.
    let featureKeys: [UInt64]
    /// `featureKeys.count × L` weights; the real weight is `weights[k] * weightScale`.
    let weights: [Int16]
    let weightScale: Float
    /// `L × L` transition scores, from-major.
    let transitions: [Float]
    let rows: HashIndex

    init(featureKeys: [UInt64], weights: [Int16], weightScale: Float, transitions: [Float]) {
        self.featureKeys = featureKeys
        self.weights = weights
        self.weightScale = weightScale
        self.transitions = transitions
        self.rows = HashIndex(keys: featureKeys, values: (0..<featureKeys.count).map { UInt32($0) })
    }

    /// Sums the weights of each token's features into `emissions[i * L + y]`.
    func scoreEmissions(_ scratch: FeatureScratch, count n: Int, labelCount l: Int,
                        into emissions: inout [Float], accumulator: inout [Int32]) {
        weights.withUnsafeBufferPointer { w in
            for i in 0..<n {
                for y in 0..<l { accumulator[y] = 0 }
                for k in scratch.offsets[i]..<scratch.offsets[i + 1] {
                    guard let row = rows.value(for: scratch.keys[k]) else { continue }
                    let base = Int(row) * l
                    for y in 0..<l { accumulator[y] &+= Int32(w[base + y]) }
                }
                for y in 0..<l { emissions[i * l + y] = Float(accumulator[y]) * weightScale }
            }
        }
    }
}
