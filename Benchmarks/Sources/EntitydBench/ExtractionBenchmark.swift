import BenchCorpus
import EntityExtraction
import Foundation

/// Single-thread extraction throughput over the CoNLL documents, repeated to a word count.
enum ExtractionBenchmark {
    struct Throughput: Codable, Sendable {
        var words: Int
        var documents: Int
        var seconds: Double
        var cpuSeconds: Double
        var wordsPerSecond: Double
        /// Words per second of the benchmark thread's own CPU time (robust to a busy other core).
        var wordsPerCPUSecond: Double
        /// Words per CPU-second of every timed run, in order; the figures above are the median
        /// run's (a run lasts about half a second, so one run alone moves with the machine).
        var runsWordsPerCPUSecond: [Double] = []
    }

    struct ModelLoad: Codable, Sendable {
        /// The first `Extractor()` in the process: reads the bundled resources.
        var firstMilliseconds: Double
        /// Median of the following loads.
        var medianMilliseconds: Double
    }

    /// Times `Extractor()` `count` times; the first load is reported on its own.
    static func modelLoad(count: Int) throws -> ModelLoad {
        var samples: [Double] = []
        for _ in 0..<max(2, count) {
            let start = MonotonicClock.now()
            let extractor = try Extractor()
            samples.append(Double(MonotonicClock.now() - start) / 1e6)
            withExtendedLifetime(extractor) {}
        }
        let rest = samples.dropFirst().sorted()
        return ModelLoad(firstMilliseconds: samples[0], medianMilliseconds: rest[rest.count / 2])
    }

    /// The whole pipeline from raw text: tokenize, recognize, patterns, grouping, JSON encoding.
    static func pipeline(corpus: BenchDocuments, minimumWords: Int, runs: Int) throws -> Throughput {
        let extractor = try Extractor()
        var bytes = 0
        let figures = try measure(corpus: corpus, minimumWords: minimumWords, runs: runs) { document in
            let result = try extractor.extract(Article(text: document.text))
            // The daemon's outbox writer encodes `article` and `entities` with these same JSONWriter calls.
            bytes &+= result.jsonBytes.count
        }
        precondition(bytes > 0)
        return figures
    }

    /// Repeats whole passes over the corpus (after one warm-up pass over a few documents),
    /// `runs` times; returns the run with the median words per CPU-second, with all runs' rates.
    static func measure(
        corpus: BenchDocuments, minimumWords: Int, runs: Int, _ body: (BenchDocuments.Document) throws -> Void
    ) rethrows -> Throughput {
        for document in corpus.documents.prefix(10) { try body(document) }
        var timed: [Throughput] = []
        for _ in 0..<max(1, runs) { timed.append(try run(corpus: corpus, minimumWords: minimumWords, body)) }
        var median = timed.sorted { $0.wordsPerCPUSecond < $1.wordsPerCPUSecond }[timed.count / 2]
        median.runsWordsPerCPUSecond = timed.map(\.wordsPerCPUSecond)
        return median
    }

    /// One timed run: whole passes over the corpus until `minimumWords` are done.
    private static func run(
        corpus: BenchDocuments, minimumWords: Int, _ body: (BenchDocuments.Document) throws -> Void
    ) rethrows -> Throughput {
        let passes = max(1, (minimumWords + corpus.wordCount - 1) / corpus.wordCount)
        let wallStart = MonotonicClock.now()
        let cpuStart = MonotonicClock.threadCPU()
        for _ in 0..<passes {
            for document in corpus.documents { try body(document) }
        }
        let seconds = Double(MonotonicClock.now() - wallStart) / 1e9
        let cpuSeconds = Double(MonotonicClock.threadCPU() - cpuStart) / 1e9
        let words = passes * corpus.wordCount
        return Throughput(
            words: words, documents: passes * corpus.documents.count, seconds: seconds, cpuSeconds: cpuSeconds,
            wordsPerSecond: Double(words) / seconds, wordsPerCPUSecond: Double(words) / cpuSeconds)
    }
}
