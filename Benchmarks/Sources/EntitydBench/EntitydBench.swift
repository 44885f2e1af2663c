import ArgumentParser
import BenchCorpus
import Foundation
import Glibc

/// `EntitydBench`: extraction throughput, daemon latency, throughput, memory and start-up,
/// printed as a table and written as JSON. `scripts/bench` builds and runs it.
@main
struct EntitydBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures entityd: extraction throughput, daemon latency, throughput, memory and start-up.")

    @Option(help: "The release entityd binary for the daemon figures (omit to skip them).")
    var entityd: String?

    @Option(help: "The shared data directory (default: $ENTITYD_DATA_DIR, else ../shared/data from the repository).")
    var dataDirectory: String?

    @Option(help: "Where the JSON figures go.")
    var output = "bench-results.json"

    @Option(help: "Parent of the temporary state directories (must be a real disk for fsync to count).")
    var workDirectory = NSTemporaryDirectory()

    @Option(help: "Toolchain description recorded with the machine.")
    var toolchain = "unknown"

    @Flag(help: "Small and quick: checks that every measurement works; the numbers mean little.")
    var smoke = false

    @Flag(help: "Skip the in-process extraction figures.")
    var skipExtraction = false

    @Option(help: "Minimum words per extraction throughput measurement.") var minimumWords: Int?
    @Option(help: "Timed runs per extraction throughput measurement; the median is reported (default: 5, smoke 1).")
    var extractionRuns: Int?
    @Option(help: "Articles timed in the latency run.") var latencyArticles: Int?
    @Option(help: "Articles per throughput run.") var throughputArticles: Int?
    @Option(help: "Minimum words per daemon article.") var articleWords = 500
    @Option(help: "Daemon starts timed for start → READY.") var startupRuns: Int?

    mutating func run() throws {
        let corpusPath = (dataDirectory ?? SharedData.directory) + "/conll2003/dev.conll"
        let corpus = try BenchDocuments(contentsOfFile: corpusPath)
        BenchLog.line("corpus: \(corpus.documents.count) documents, \(corpus.wordCount) words from \(corpusPath)")
        let formatter = ISO8601DateFormatter()
        var report = BenchReport(
            mode: smoke ? "smoke" : "full", date: formatter.string(from: Date()),
            machine: .current(toolchain: toolchain))

        if !skipExtraction {
            BenchLog.line("model load")
            report.modelLoad = try ExtractionBenchmark.modelLoad(count: smoke ? 2 : 5)
            let words = minimumWords ?? (smoke ? 20_000 : 500_000)
            let runs = extractionRuns ?? (smoke ? 1 : 5)
            BenchLog.line("recognizer alone on gold tokens, \(runs) × ≥ \(words) words")
            report.recognizerThroughput = try ExtractionBenchmark.recognizer(
                corpus: corpus, minimumWords: words, runs: runs, unavailable: &report.recognizerUnavailable)
            BenchLog.line("whole pipeline from raw text, \(runs) × ≥ \(words) words")
            report.pipelineThroughput = try ExtractionBenchmark.pipeline(corpus: corpus, minimumWords: words, runs: runs)
        }
        if let entityd {
            try measureDaemon(executable: entityd, corpus: corpus, report: &report)
        }

        report.loadAverageAtEnd = MachineDescription.loadAverage()
        let json = try report.json()
        try json.write(to: URL(fileURLWithPath: output))
        print(report.table())
        print("\nJSON: \(URL(fileURLWithPath: output).standardizedFileURL.path)")
    }

    private func measureDaemon(executable: String, corpus: BenchDocuments, report: inout BenchReport) throws {
        var template = Array((workDirectory + "/entityd-bench.XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw BenchError(code: "work-directory", message: "cannot create a directory under \(workDirectory)")
        }
        let work = String(cString: created).replacingOccurrences(of: "//", with: "/")
        defer { try? FileManager.default.removeItem(atPath: work) }
        BenchLog.line("daemon state directories under \(work)")

        let starts = startupRuns ?? (smoke ? 2 : 10)
        BenchLog.line("start → READY=1, \(starts) starts")
        report.startup = try StartupBenchmark.run(executable: executable, workDirectory: work, runs: starts)

        let warmup = smoke ? 5 : 20
        let timed = latencyArticles ?? (smoke ? 50 : 1_000)
        BenchLog.line("drop → outbox latency, \(timed) articles (+\(warmup) warm-up)")
        report.latency = try DaemonLatencyBenchmark.run(
            executable: executable, workDirectory: work,
            articles: corpus.articles(count: warmup + timed, minimumWords: articleWords), warmup: warmup)

        let count = throughputArticles ?? (smoke ? 200 : 20_000)
        let articles = corpus.articles(count: count, minimumWords: articleWords)
        for durable in [true, false] {
            for mode in [DaemonThroughputBenchmark.Mode.drop, .backlog] {
                BenchLog.line("throughput: \(mode.rawValue), \(count) articles, durable writes \(durable ? "on" : "off")")
                report.throughput.append(try DaemonThroughputBenchmark.run(
                    mode: mode, durableWrites: durable, executable: executable, workDirectory: work, articles: articles))
            }
        }
    }
}
