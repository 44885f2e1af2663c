import Foundation

/// Trains an `EntityRecognizer` from annotated and unlabeled text.
public enum RecognizerTraining {
    /// Runs the whole training: gazetteer and lexicon compilation, perceptron passes for the
    /// first stage, a jackknifed second stage, pruning and quantization, confidence
    /// calibration on dev. `log` receives progress lines.
    public static func train(_ data: TrainingData, configuration: TrainingConfiguration,
                             log: (String) -> Void = { _ in }) throws -> EntityRecognizer {
        let labels = LabelSet.conll
        let clock = ContinuousClock()
        let started = clock.now
        func stamp() -> String {
            let d = clock.now - started
            return String(format: "%.1fs", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }

        let gazetteer = GazetteerBuilder.build(data.gazetteers, nameListSource: data.nameListSource)
        log("gazetteer: \(gazetteer.count) names (\(stamp()))")
        let lexicon = LexiconBuilder.build(data, configuration: configuration, log: log)
        log("lexicon: \(lexicon.clusterCount) clustered words, \(lexicon.caseCount) case priors (\(stamp()))")
        let extractor = FeatureExtractor(gazetteer: gazetteer, lexicon: lexicon)
        var corpora: [(ConllCorpus, Float)] = [(data.train, 1)]
        if let extra = data.extra { corpora.append((extra, configuration.extraCorpusWeight)) }
        func model(_ stages: [LinearStage], temperature: Float = 1) -> RecognizerModel {
            RecognizerModel(name: configuration.modelName, labels: labels, stages: stages,
                            confidenceTemperature: temperature, gazetteer: gazetteer, lexicon: lexicon)
        }

        let firstSet = try TrainingSet(corpora: corpora, extractor: extractor, labels: labels, minCount: configuration.minFeatureCount)
        log("stage 1 features: \(firstSet.keys.count) over \(firstSet.gold.count) tokens, \(firstSet.sentences.count) sentences (\(stamp()))")
        var first = PerceptronTrainer(labels: labels, set: firstSet)
        train(&first, configuration: configuration, label: "stage 1", log: log, stamp: stamp) { [data] stage in
            data.dev.map { ConllEvaluation.score(EntityRecognizer(model: model([stage])), on: $0).overall.f1 }
        }
        let firstStage = compile(first, labels: labels, configuration: configuration)
        var stages = [firstStage]

        if configuration.stages > 1 {
            let folds = max(2, configuration.folds)
            var heldOut = [[Int]](repeating: [], count: firstSet.sentences.count)
            for fold in 0..<folds {
                var trainer = PerceptronTrainer(labels: labels, set: firstSet)
                var generator = SplitMix64(seed: configuration.seed &+ UInt64(fold + 1))
                for _ in 0..<configuration.iterations {
                    _ = trainer.pass(using: &generator) { $0.document % folds != fold }
                }
                for (i, labels) in trainer.predict(include: { $0.document % folds == fold }).enumerated() where !labels.isEmpty {
                    heldOut[i] = labels
                }
                log("jackknife fold \(fold + 1)/\(folds) (\(stamp()))")
            }
            let secondSet = try TrainingSet(corpora: corpora, extractor: extractor, labels: labels,
                                            minCount: configuration.minFeatureCount, firstStage: heldOut)
            log("stage 2 features: \(secondSet.keys.count) (\(stamp()))")
            var second = PerceptronTrainer(labels: labels, set: secondSet)
            train(&second, configuration: configuration, label: "stage 2", log: log, stamp: stamp) { [data] stage in
                data.dev.map { ConllEvaluation.score(EntityRecognizer(model: model([firstStage, stage])), on: $0).overall.f1 }
            }
            stages.append(compile(second, labels: labels, configuration: configuration))
        }

        var result = model(stages)
        if let dev = data.dev {
            let temperature = ConfidenceCalibration.temperature(for: result, on: dev)
            result = result.with(temperature: temperature)
            log(String(format: "confidence temperature %.2f (\(stamp()))", temperature))
        }
        log("model: " + stages.map { "\($0.featureKeys.count)" }.joined(separator: " + ") + " feature rows")
        return EntityRecognizer(model: result)
    }

    private static func train(_ trainer: inout PerceptronTrainer, configuration: TrainingConfiguration, label: String,
                              log: (String) -> Void, stamp: () -> String, devF1: (LinearStage) -> Double?) {
        var generator = SplitMix64(seed: configuration.seed)
        for iteration in 1...max(1, configuration.iterations) {
            let errorRate = trainer.pass(using: &generator)
            var line = label + String(format: " pass %d: %.2f%% tokens mislabelled", iteration, 100 * errorRate)
            if configuration.evaluateEveryIteration,
               let f1 = devF1(compile(trainer, labels: trainer.labels, configuration: configuration)) {
                line += String(format: ", dev F1 %.2f", f1)
            }
            log(line + " (\(stamp()))")
        }
    }

    private static func compile(_ trainer: PerceptronTrainer, labels: LabelSet, configuration: TrainingConfiguration) -> LinearStage {
        let (weights, transitions) = trainer.averaged()
        return ModelCompiler.compile(labels: labels, keys: trainer.set.keys, weights: weights,
                                     transitions: transitions, maxFeatures: configuration.maxFeatures)
    }
}
