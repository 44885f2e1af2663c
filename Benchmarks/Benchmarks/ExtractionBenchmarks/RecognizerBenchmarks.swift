import BenchCorpus
import Benchmark
@_spi(Benchmarks) import EntityExtraction

// Micro-benchmarks of the recognizer's parts: model load, feature extraction for both stages,
// scoring + decoding of a prepared document, Viterbi decoding (with max-marginals) over
// precomputed scores.
// Run: swift package --package-path Benchmarks benchmark --filter 'Recognizer.*'

let recognizerBenchmarks: @Sendable () -> Void = {
    let document = MicroBenchmarkInput.document

    Benchmark("Recognizer load, EntityRecognizer.bundled()", configuration: .init(maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try EntityRecognizer.bundled())
        }
    }

    Benchmark("Recognizer features, both stages, \(document.wordCount)-word document") { benchmark in
        var probe = RecognizerBenchmarkProbe(try EntityRecognizer.bundled())
        blackHole(probe.extractFeatures(document.sentences))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(probe.extractFeatures(document.sentences))
        }
    }

    Benchmark("Recognizer scoring + Viterbi + margins, both stages, \(document.wordCount)-word document") { benchmark in
        var probe = RecognizerBenchmarkProbe(try EntityRecognizer.bundled())
        blackHole(probe.extractFeatures(document.sentences))
        blackHole(probe.scoreAndDecodePrepared())
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(probe.scoreAndDecodePrepared())
        }
    }

    Benchmark("Recognizer Viterbi + max-marginals, \(document.wordCount)-word document") { benchmark in
        var probe = RecognizerBenchmarkProbe(try EntityRecognizer.bundled())
        let sentences = probe.firstStageEmissions(document.sentences)
        let labels = probe.labelCount
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for scores in sentences where !scores.isEmpty {
                blackHole(probe.decode(scores, tokens: scores.count / labels, marginals: true))
            }
        }
    }
}
