import Foundation
import Glibc
import Testing
@testable import Ingestion

@Suite struct BatchPublishTests {
    /// Claims and extracts `names` (each file holding a place name) the way a worker does.
    private func prepared(_ names: [String], in fixture: PipelineFixture) -> [PreparedFile] {
        names.enumerated().map { index, name in
            fixture.state.write("inbox/\(name)", "Reporters in Lisbon met officials from Norway.")
            #expect(fixture.pipeline.claim(name, hint: .completed) == .claimed)
            return fixture.pipeline.prepare(ClaimedFile(name: name, job: UInt64(index + 1), receivedAt: "t"))
        }
    }

    @Test func aBatchPublishesEveryResultWithOneOutboxDirectorySync() throws {
        let fixture = try PipelineFixture()
        let names = (0..<6).map { "a\($0).txt" }
        fixture.pipeline.publishBatch(prepared(names, in: fixture))
        #expect(fixture.state.contents("outbox") == names.map { $0 + ".json" })
        #expect(fixture.state.contents("archive") == names)
        #expect(fixture.state.contents("processing/\(fixture.pipeline.instance.name)").isEmpty)
        // One by one, each result would have paid its own directory fsync.
        #expect(fixture.pipeline.store.outboxSyncCount == 1)
        #expect(fixture.pipeline.statistics.processed == names.count)
        for name in names {
            let json = fixture.state.read("outbox/\(name).json") ?? ""
            #expect(json.contains("\"name\":\"\(name)\""))
            #expect(json.contains("Lisbon"))
        }
    }

    @Test func aQuarantinedFileInABatchDoesNotHoldUpTheOthers() throws {
        let fixture = try PipelineFixture()
        let batch = prepared(["good.txt", "bad.exe", "also.txt"], in: fixture)
        fixture.pipeline.publishBatch(batch)
        #expect(fixture.state.contents("outbox") == ["also.txt.json", "good.txt.json"])
        #expect(fixture.state.contents("archive") == ["also.txt", "good.txt"])
        #expect(fixture.state.contents("failed") == ["bad.exe", "bad.exe.error.json"])
        #expect(fixture.pipeline.statistics.processed == 2)
        #expect(fixture.pipeline.statistics.failed == 1)
    }

    @Test func aBatchNeverReplacesAnEarlierResultOfTheSameName() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("outbox/x.txt.json", "{\"earlier\":true}\n")
        fixture.pipeline.publishBatch(prepared(["x.txt", "y.txt"], in: fixture))
        #expect(fixture.state.contents("outbox") == ["x.txt.1.json", "x.txt.json", "y.txt.json"])
        #expect(fixture.state.read("outbox/x.txt.json") == "{\"earlier\":true}\n")
    }
}
