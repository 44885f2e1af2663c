import Foundation

/// Every figure of one bench run, written as JSON and printed as a table.
struct BenchReport: Codable, Sendable {
    var mode: String
    var date: String
    var machine: MachineDescription
    var modelLoad: ExtractionBenchmark.ModelLoad?
    var recognizerThroughput: ExtractionBenchmark.Throughput?
    /// Why the recognizer alone was not measured.
    var recognizerUnavailable: String?
    var pipelineThroughput: ExtractionBenchmark.Throughput?
    var latency: DaemonLatencyBenchmark.Figures?
    var throughput: [DaemonThroughputBenchmark.Figures] = []
    var startup: StartupBenchmark.Figures?
    /// Load averages when the run ended (the start is in `machine`).
    var loadAverageAtEnd: String?

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
