import Foundation

/// Trains an `EntityRecognizer` from annotated and unlabeled text.
public enum RecognizerTraining {
    /// Runs the whole training: gazetteer and lexicon compilation, perceptron passes,
    /// pruning and quantization, confidence calibration on dev. `log` receives progress lines.
    public static func train(_ data: TrainingData, configuration: TrainingConfiguration,
                             log: (String) -> Void = { _ in }) throws -> EntityRecognizer {
        let labels = LabelSet.conll
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> String { String(format: "%.1fs", Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds)) }

        let gazetteer = GazetteerBuilder.build(data.gazetteers)
        log("gazetteer: \(gazetteer.keys.count) names (\(elapsed()))")
        let lexicon = LexiconBuilder.build(data, configuration: configuration, log: log)
        log("lexicon: \(lexicon.clusterKeys.count) clustered words, \(lexicon.caseKeys.count) case priors (\(elapsed()))")
        let extractor = FeatureExtractor(gazetteer: gazetteer, lexicon: lexicon)

        var corpora: [(ConllCorpus, Float)] = [(data.train, 1)]
        if let extra = data.extra { corpora.append((extra, configuration.extraCorpusWeight)) }
        let set = try TrainingSet(corpora: corpora, extractor: extractor, labels: labels, minCount: configuration.minFeatureCount)
        log("features: \(set.keys.count) over \(set.gold.count) tokens, \(set.sentences.count) sentences (\(elapsed()))")

        var trainer = PerceptronTrainer(labels: labels, set: set)
        var generator = SplitMix64(seed: configuration.seed)
        func compile(temperature: Float) -> RecognizerModel {
            let (weights, transitions) = trainer.averaged()
            return ModelCompiler.compile(
                name: configuration.modelName, labels: labels, keys: set.keys, weights: weights,
                transitions: transitions, maxFeatures: configuration.maxFeatures, temperature: temperature,
                gazetteer: gazetteer, lexicon: lexicon)
        }
        for iteration in 1...max(1, configuration.iterations) {
            let errorRate = trainer.pass(using: &generator)
            var line = String(format: "pass %d: %.2f%% tokens mislabelled", iteration, 100 * errorRate)
            if configuration.evaluateEveryIteration, let dev = data.dev {
                let f1 = ConllEvaluation.score(EntityRecognizer(model: compile(temperature: 1)), on: dev).overall.f1
                line += String(format: ", dev F1 %.2f", f1)
            }
            log(line + " (\(elapsed()))")
        }
        var model = compile(temperature: 1)
        if let dev = data.dev {
            let temperature = ConfidenceCalibration.temperature(for: model, on: dev)
            model = compile(temperature: temperature)
            log(String(format: "confidence temperature %.2f (\(elapsed()))", temperature))
        }
        log("model: \(model.featureKeys.count) feature rows")
        return EntityRecognizer(model: model)
    }
}
