import Foundation
import Testing
@testable import Ingestion

@Suite struct WorkerPublishingTests {
    @Test func aWorkerPublishesInlineOnlyWhenNothingElseIsUnderWay() {
        #expect(IngestionPipeline.publishesInline(claimedWaiting: 0, resultsWaiting: 0, batchesPublishing: 0))
        #expect(!IngestionPipeline.publishesInline(claimedWaiting: 1, resultsWaiting: 0, batchesPublishing: 0))
        #expect(!IngestionPipeline.publishesInline(claimedWaiting: 0, resultsWaiting: 1, batchesPublishing: 0))
        #expect(!IngestionPipeline.publishesInline(claimedWaiting: 0, resultsWaiting: 0, batchesPublishing: 1))
    }

    /// Runs one worker over one claimed file (the queue is finished, so the loop ends).
    private func work(on name: String, batchesPublishing: Int) throws -> PipelineFixture {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/\(name)", "Reporters in Lisbon met officials from Norway.")
        #expect(fixture.pipeline.claim(name, hint: .completed) == .claimed)
        #expect(fixture.pipeline.queue.put(ClaimedFile(name: name, job: 1, receivedAt: "t")))
        fixture.pipeline.queue.finish()
        fixture.pipeline.publishingBatches.store(batchesPublishing, ordering: .relaxed)
        fixture.pipeline.workerLoop()
        return fixture
    }

    @Test func anIdleDaemonsWorkerPublishesItsResultItself() throws {
        let fixture = try work(on: "idle.txt", batchesPublishing: 0)
        #expect(fixture.state.contents("outbox") == ["idle.txt.json"])
        #expect(fixture.state.contents("archive") == ["idle.txt"])
        #expect(fixture.pipeline.results.count == 0)
    }

    @Test func whilePublishersPublishAWorkerHandsItsResultOver() throws {
        let fixture = try work(on: "busy.txt", batchesPublishing: 1)
        #expect(fixture.state.contents("outbox").isEmpty)
        let handedOver = fixture.pipeline.results.take(upTo: 16)
        #expect(handedOver.map(\.file.name) == ["busy.txt"])
        fixture.pipeline.publishBatch(handedOver)
        #expect(fixture.state.contents("outbox") == ["busy.txt.json"])
        #expect(fixture.state.contents("archive") == ["busy.txt"])
    }
}
