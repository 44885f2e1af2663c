/// The trained parameters of the recognizer: one or two linear stages (the second reads the
/// first one's labels across the document), and the gazetteer and word lexicon the features
/// consult.
struct RecognizerModel: Sendable {
    let name: String
    let labels: LabelSet
    /// First stage; then optionally the second, whose features include first-stage evidence.
    let stages: [LinearStage]
    /// Divides the Viterbi margin before the sigmoid that yields span confidences.
    let confidenceTemperature: Float
    let gazetteer: Gazetteer
    let lexicon: WordLexicon
    /// Summed string-only weights of the frequent words, for every stage (built on first use).
    let wordCache: LazyWordScoreCache
    /// Every stage's feature keys in one index: a context key is probed once for both stages.
    let sharedIndex: SharedWeightIndex
    /// One per stage, built once: a tagger copies them (their buffers are its own).
    let decoders: [ViterbiDecoder]

    init(name: String, labels: LabelSet, stages: [LinearStage], confidenceTemperature: Float,
         gazetteer: Gazetteer, lexicon: WordLexicon) {
        self.name = name
        self.labels = labels
        self.stages = stages
        self.confidenceTemperature = confidenceTemperature
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        wordCache = LazyWordScoreCache(stages: stages, lexicon: lexicon, gazetteer: gazetteer, labelCount: labels.count)
        sharedIndex = SharedWeightIndex(stages: stages)
        decoders = stages.map { ViterbiDecoder(labels: labels, transitions: $0.transitions) }
    }

    var extractor: FeatureExtractor { FeatureExtractor(gazetteer: gazetteer, lexicon: lexicon) }

    /// The same model with another confidence temperature.
    func with(temperature: Float) -> RecognizerModel {
        RecognizerModel(name: name, labels: labels, stages: stages, confidenceTemperature: temperature,
                        gazetteer: gazetteer, lexicon: lexicon)
    }
}
