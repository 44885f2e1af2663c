import EntityExtraction
import Foundation
import Logging
@testable import Ingestion

/// A pipeline on a temporary state directory with the real extractor, for tests that
/// drive its claim, publish and recovery steps directly (no threads started).
struct PipelineFixture {
    let state = TemporaryDirectory()
    let pipeline: IngestionPipeline

    init(processedInput: IngestionConfiguration.ProcessedInput = .archive) throws {
        var configuration = IngestionConfiguration(stateDirectory: state.path, workers: 1)
        configuration.processedInput = processedInput
        let processor = ArticleProcessor(extractor: try Extractor(), version: "test")
        pipeline = try IngestionPipeline(configuration: configuration, processor: processor, logger: Logger(label: "test"))
    }
}
