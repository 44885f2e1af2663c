/// Settings of one training run. The same settings and seed give the same model, byte for byte.
public struct TrainingConfiguration: Sendable {
    /// Passes of the averaged perceptron over the training sentences.
    public var iterations: Int = 12
    /// Seed of the sentence shuffling.
    public var seed: UInt64 = 1
    /// Weight rows kept after training (the largest by magnitude): bounds the model size.
    public var maxFeatures: Int = 40_000
    /// Features seen fewer times than this in the training data get no weights.
    public var minFeatureCount: Int = 1
    /// Scales perceptron updates on the extra (silver) corpus relative to the main one.
    public var extraCorpusWeight: Float = 1
    /// Word clusters learned from the unlabeled text: class counts of the coarse, medium and
    /// fine clusterings (empty: no cluster features).
    public var clusterSizes: [Int] = [32, 128, 512]
    /// Passes of the exchange algorithm per clustering.
    public var clusterIterations: Int = 4
    /// Vocabulary size the clusterings consider (most frequent words).
    public var clusterVocabulary: Int = 40_000
    /// 2: add a second stage that reads the first stage's labels across the document.
    public var stages: Int = 2
    /// Folds of the jackknife that gives the second stage honest first-stage labels on the
    /// training data (each fold labelled by a first stage trained without it).
    public var folds: Int = 4
    /// Frequent words stored in the model for precomputed feature scores.
    public var frequentWords: Int = 20_000
    /// Name stored in the model and reported in outputs.
    public var modelName: String = "entityd-conll"
    /// Score the dev corpus after every pass (slower; for tuning).
    public var evaluateEveryIteration: Bool = false

    /// The settings the shipped model is trained with (see scripts/train-model).
    public init() {}
}
