/// The trained parameters of the recognizer: quantized feature weights, label transitions,
/// and the gazetteer and word lexicon the features consult.
struct RecognizerModel: Sendable {
    let name: String
    let labels: LabelSet
    /// Feature key of each weight row.
    let featureKeys: [UInt64]
    /// `featureKeys.count × labels.count` weights; the real weight is `weights[k] * weightScale`.
    let weights: [Int16]
    let weightScale: Float
    /// `L × L` transition scores, from-major.
    let transitions: [Float]
    /// Divides the Viterbi margin before the sigmoid that yields span confidences.
    let confidenceTemperature: Float
    let gazetteer: Gazetteer
    let lexicon: WordLexicon
    let rows: HashIndex

    init(name: String, labels: LabelSet, featureKeys: [UInt64], weights: [Int16], weightScale: Float,
         transitions: [Float], confidenceTemperature: Float, gazetteer: Gazetteer, lexicon: WordLexicon) {
        self.name = name
        self.labels = labels
        self.featureKeys = featureKeys
        self.weights = weights
        self.weightScale = weightScale
        self.transitions = transitions
        self.confidenceTemperature = confidenceTemperature
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.rows = HashIndex(keys: featureKeys, values: (0..<featureKeys.count).map { UInt32($0) })
    }

    var extractor: FeatureExtractor { FeatureExtractor(gazetteer: gazetteer, lexicon: lexicon) }

    /// Sums the weights of each token's features into `emissions[i * L + y]`.
    func scoreEmissions(_ scratch: FeatureScratch, count n: Int, into emissions: inout [Float], accumulator: inout [Int32]) {
        let l = labels.count
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
