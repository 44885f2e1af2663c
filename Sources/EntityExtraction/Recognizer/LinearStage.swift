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
    let table: WeightTable

    init(featureKeys: [UInt64], weights: [Int16], weightScale: Float, transitions: [Float]) {
        self.featureKeys = featureKeys
        self.weights = weights
        self.weightScale = weightScale
        self.transitions = transitions
        let labelCount = featureKeys.isEmpty ? 1 : weights.count / featureKeys.count
        self.table = WeightTable(keys: featureKeys, weights: weights, labelCount: labelCount)
    }

    /// Sums the weights of each token's features into `emissions[i * L + y]`.
    func scoreEmissions(_ scratch: FeatureScratch, count n: Int, labelCount l: Int,
                        into emissions: inout [Float], accumulator: inout [Int32]) {
        scratch.keys.withUnsafeBufferPointer { keys in
            accumulator.withUnsafeMutableBufferPointer { sums in
                emissions.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        for y in 0..<l { sums[y] = 0 }
                        let range = scratch.offsets[i]..<scratch.offsets[i + 1]
                        table.accumulate(UnsafeBufferPointer(rebasing: keys[range]), into: sums.baseAddress!)
                        for y in 0..<l { out[i * l + y] = Float(sums[y]) * weightScale }
                    }
                }
            }
        }
    }
}
