import EntityExtraction
import Foundation
import Ingestion
import Testing

/// Every committed fuzz input replayed through the fuzz target's path and checks: the seeds
/// (`Fuzz/Corpus`) and each input that once crashed it (`Fuzz/Regressions`, named after
/// the fault), so a fixed crash stays fixed.
@Suite struct FuzzRegressionTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static let processor = ArticleProcessor(extractor: try! Extractor(), version: "test")

    /// `Corpus/<name>` and `Regressions/<name>`, relative to `Fuzz/`.
    static let inputs: [String] = ["Corpus", "Regressions"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: fuzzDirectory.appendingPathComponent(folder).path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func theCommittedSeedsAreFound() {
        #expect(Self.inputs.filter { $0.hasPrefix("Corpus/") }.count >= 6)
    }

    @Test(arguments: inputs) func aCommittedFuzzInputIsProcessedOrRefusedWithAReason(_ input: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fuzzDirectory.appendingPathComponent(input)))
        FuzzInput.run(bytes, processor: Self.processor)
    }
}
