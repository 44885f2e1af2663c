import Foundation
import Glibc
import Logging
import EntityExtraction
import Testing
@testable import Ingestion

@Suite struct ResultStoreTests {
    @Test func aLaterResultOfTheSameNameNeverReplacesAnEarlierOne() throws {
        let fixture = try PipelineFixture()
        let store = fixture.pipeline.store
        #expect(try store.publish(Array("{\"n\":1}\n".utf8), for: "x.txt", job: 1) == "x.txt.json")
        #expect(try store.publish(Array("{\"n\":2}\n".utf8), for: "x.txt", job: 2) == "x.txt.1.json")
        #expect(fixture.state.read("outbox/x.txt.json") == "{\"n\":1}\n")
        #expect(fixture.state.read("outbox/x.txt.1.json") == "{\"n\":2}\n")
    }

    @Test func theClaimRecordNamesTheResultLinkedWhenTheFirstNameIsTaken() throws {
        let fixture = try PipelineFixture()
        let instance = fixture.pipeline.instance
        fixture.state.write("outbox/x.txt.json", "{\"n\":0}\n")
        fixture.state.write("processing/\(instance.name)/x.txt", "Oslo")
        #expect(try fixture.pipeline.store.publish(Array("{\"n\":1}\n".utf8), for: "x.txt", job: 1) == "x.txt.1.json")
        let recorded = ClaimRecord.recordedOutput(directory: instance.fd, input: "x.txt") ?? ClaimRecord.readAll(directory: instance.fd)["x.txt"]
        #expect(recorded == "x.txt.1.json")
        #expect(fixture.state.read("outbox/x.txt.json") == "{\"n\":0}\n")
        #expect(fixture.state.read("outbox/x.txt.1.json") == "{\"n\":1}\n")
    }

    @Test func resultsGetTheConfiguredModeAndNoTemporaryFilesRemain() throws {
        let fixture = try PipelineFixture()
        _ = try fixture.pipeline.store.publish(Array("{}\n".utf8), for: "a.txt", job: 1)
        var status = stat()
        stat(fixture.state.path + "/outbox/a.txt.json", &status)
        #expect(status.st_mode & 0o777 == 0o640)
        #expect(fixture.state.contents("outbox") == ["a.txt.json"])
    }

    @Test func aModeTheUmaskWouldNarrowIsStillApplied() throws {
        let state = TemporaryDirectory()
        var configuration = IngestionConfiguration(stateDirectory: state.path, workers: 1)
        configuration.outputFileMode = 0o666
        let pipeline = try IngestionPipeline(
            configuration: configuration, processor: ArticleProcessor(extractor: try Extractor(), version: "test"), logger: Logger(label: "test"))
        _ = try pipeline.store.publish(Array("{}\n".utf8), for: "a.txt", job: 1)
        var status = stat()
        stat(state.path + "/outbox/a.txt.json", &status)
        #expect(status.st_mode & 0o777 == 0o666)
    }

    @Test func maximalNamesProduceValidOutputNames() throws {
        let fixture = try PipelineFixture()
        let name = String(repeating: "b", count: 251) + ".txt"
        let output = try fixture.pipeline.store.publish(Array("{}\n".utf8), for: name, job: 1)
        #expect(output.utf8.count <= 255)
        #expect(fixture.state.contents("outbox") == [output])
    }

    @Test func quarantineWritesTheReasonNextToTheFile() throws {
        let fixture = try PipelineFixture()
        let instance = fixture.pipeline.instance.name
        for _ in 0..<2 {
            fixture.state.write("processing/\(instance)/bad.txt", "x")
            _ = try fixture.pipeline.store.quarantine("bad.txt", failure: ArticleFailure(step: .decode, code: "undecodable", message: "binary"), at: "t", job: 1)
        }
        #expect(fixture.state.contents("failed") == ["bad.txt", "bad.txt.1", "bad.txt.1.error.json", "bad.txt.error.json"])
        let record = try JSONSerialization.jsonObject(with: Data(fixture.state.read("failed/bad.txt.error.json")!.utf8)) as? [String: String]
        #expect(record?["error"] == "binary")
        #expect(record?["step"] == "decode")
        #expect(record?["at"] == "t")
    }
}
