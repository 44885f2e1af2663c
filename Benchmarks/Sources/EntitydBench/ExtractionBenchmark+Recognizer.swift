import BenchCorpus
import EntityExtraction

extension ExtractionBenchmark {
    /// The statistical recognizer alone on the gold tokens of each document; `nil` when the
    /// package bundles no model (the reason goes into `unavailable`).
    static func recognizer(corpus: BenchDocuments, minimumWords: Int, runs: Int, unavailable: inout String?) throws -> Throughput? {
        let recognizer: EntityRecognizer
        do {
            recognizer = try EntityRecognizer.bundled()
        } catch let error as RecognizerError where error.code == .modelNotFound {
            unavailable = "no bundled model"
            return nil
        }
        var spans = 0
        let figures = measure(corpus: corpus, minimumWords: minimumWords, runs: runs) { document in
            for sentence in recognizer.recognize(document: document.sentences) { spans &+= sentence.count }
        }
        precondition(spans > 0)
        return figures
    }
}
