import Foundation
import Glibc
import Testing
@testable import Ingestion

@Suite struct RecoveryTests {
    @Test func filesOfADeadInstanceGoBackToTheInbox() throws {
        let fixture = try PipelineFixture()
        mkdir(fixture.state.path + "/processing/instance-1-dead", 0o700)
        fixture.state.write("processing/instance-1-dead/a.txt", "Rome")
        fixture.state.write("processing/loose.txt", "Oslo")
        fixture.pipeline.recoverLeftovers()
        #expect(fixture.state.contents("inbox") == ["a.txt", "loose.txt"])
        #expect(fixture.state.contents("processing") == [fixture.pipeline.instance.name])
    }

    @Test func aLiveInstancesFilesAreNeverTaken() throws {
        let fixture = try PipelineFixture()
        let other = try IngestionPipeline(configuration: fixture.pipeline.configuration, processor: fixture.pipeline.currentProcessor, logger: fixture.pipeline.logger)
        fixture.state.write("processing/\(other.instance.name)/busy.txt", "Kyiv")
        fixture.pipeline.recoverLeftovers()
        #expect(fixture.state.contents("processing/\(other.instance.name)") == ["busy.txt"])
        #expect(fixture.state.contents("inbox").isEmpty)
        _ = unlink(fixture.state.path + "/processing/\(other.instance.name)/busy.txt")
        _ = other.instance.release()
    }

    @Test func anAlreadyPublishedFileIsArchivedNotProcessedAgain() throws {
        let fixture = try PipelineFixture()
        // A crashed instance that published a.txt's result but did not archive a.txt yet.
        let dead = try IngestionPipeline(configuration: fixture.pipeline.configuration, processor: fixture.pipeline.currentProcessor, logger: fixture.pipeline.logger)
        fixture.state.write("inbox/a.txt", "Warsaw")
        #expect(dead.claim("a.txt", hint: .completed) == .claimed)
        let processed = try dead.currentProcessor.process(Array("Warsaw".utf8), name: "a.txt", receivedAt: "t")
        _ = try dead.store.publish(processed.json, for: "a.txt", job: 7)
        close(dead.instance.fd)  // the process dies: its lock goes

        fixture.pipeline.recoverLeftovers()
        #expect(fixture.state.contents("outbox") == ["a.txt.json"])
        #expect(fixture.state.contents("archive") == ["a.txt"])
        #expect(fixture.state.contents("inbox").isEmpty)
        #expect(fixture.state.contents("processing") == [fixture.pipeline.instance.name])
    }

    @Test func aRecordWhoseResultBelongsToAnotherFileIsNotTrusted() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("outbox/a.txt.json", "{\"source\":{\"sha256\":\"0000\"}}\n")
        let dead = try IngestionPipeline(configuration: fixture.pipeline.configuration, processor: fixture.pipeline.currentProcessor, logger: fixture.pipeline.logger)
        fixture.state.write("inbox/a.txt", "Prague")
        #expect(dead.claim("a.txt", hint: .completed) == .claimed)
        try ClaimRecord.write(directory: dead.instance.fd, job: 1, output: "a.txt.json", input: "a.txt")
        close(dead.instance.fd)

        fixture.pipeline.recoverLeftovers()
        #expect(fixture.state.contents("inbox") == ["a.txt"])
        #expect(fixture.state.contents("archive").isEmpty)
    }

    @Test func aQuarantineACrashInterruptedIsCompletedNotLeftAsALoneRecord() throws {
        let fixture = try PipelineFixture()
        let dead = try IngestionPipeline(configuration: fixture.pipeline.configuration, processor: fixture.pipeline.currentProcessor, logger: fixture.pipeline.logger)
        fixture.state.write("inbox/bad.txt", "x\u{0}y")
        #expect(dead.claim("bad.txt", hint: .completed) == .claimed)
        // The crash came after the error record was named, before the input followed it.
        try ClaimRecord.write(directory: dead.instance.fd, job: 3, output: "failed/bad.txt", input: "bad.txt")
        fixture.state.write("failed/bad.txt.error.json", "{\"error\":\"binary\",\"step\":\"decode\",\"at\":\"t\",\"code\":\"undecodable\",\"name\":\"bad.txt\"}\n")
        close(dead.instance.fd)

        fixture.pipeline.recoverLeftovers()
        #expect(fixture.state.contents("failed") == ["bad.txt", "bad.txt.error.json"])
        #expect(fixture.state.contents("inbox").isEmpty)
        #expect(fixture.state.contents("processing") == [fixture.pipeline.instance.name])
    }
}
