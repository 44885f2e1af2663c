import BenchCorpus
import Benchmark
import EntityExtraction
import Foundation

// Micro-benchmarks of the extraction hot path, one ~500-word article per iteration, so that
// time, instructions and malloc counts per article show up (divide by the words in the name).
// Run: swift package --package-path Benchmarks benchmark [--filter REGEX]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal, .mallocBytesCount, .throughput],
        maxDuration: .seconds(3),
        maxIterations: 100_000)

    let article = MicroBenchmarkInput.article

    Benchmark("Tokenizer.tokenize, \(article.words)-word article") { benchmark in
        let tokenizer = Tokenizer()
        for _ in benchmark.scaledIterations {
            blackHole(tokenizer.tokenize(article.text))
        }
    }

    let document = MicroBenchmarkInput.document
    Benchmark("EntityRecognizer.recognize, gold tokens, \(document.wordCount)-word document") { benchmark in
        let recognizer = MicroBenchmarkInput.recognizer
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(recognizer.recognize(document: document.sentences))
        }
    }

    Benchmark("Extractor.extract + JSON, \(article.words)-word article") { benchmark in
        let extractor = MicroBenchmarkInput.extractor
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try extractor.extract(Article(text: article.text)).jsonBytes)
        }
    }

    recognizerBenchmarks()
}

/// What the micro-benchmarks read: CoNLL-2003 dev sentences.
enum MicroBenchmarkInput {
    // Loaded and warmed up once, as in the daemon: every sample runs its closure anew, and a
    // model loaded per sample would time its first touch of the mapped model file and the
    // word-score cache build instead of the steady state.
    static let extractor: Extractor = {
        do {
            let extractor = try Extractor()
            extractor.warmUp()
            return extractor
        } catch {
            fatalError("the bundled extractor does not load: \(error)")
        }
    }()

    static let recognizer: EntityRecognizer = {
        do {
            let recognizer = try EntityRecognizer.bundled()
            recognizer.warmUp()
            return recognizer
        } catch {
            fatalError("the bundled model does not load: \(error)")
        }
    }()

    static let corpus: BenchDocuments = {
        do {
            return try SharedData.conllDevelopment()
        } catch {
            fatalError("micro-benchmarks need the CoNLL-2003 dev set under \(SharedData.directory): \(error)")
        }
    }()

    /// Consecutive sentences, at least 500 words, as raw text.
    static let article = corpus.articles(count: 1, minimumWords: 500)[0]

    /// The first dev document of at least 400 words, as gold tokens.
    static let document = corpus.documents.first { $0.wordCount >= 400 } ?? corpus.documents[0]
}
