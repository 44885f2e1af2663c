import Foundation
import Glibc
import Testing
@testable import Ingestion

@Suite struct ClaimTests {
    @Test func aClaimMovesTheFileIntoThisInstancesDirectory() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/a.txt", "Lisbon")
        #expect(fixture.pipeline.claim("a.txt", hint: .completed) == .claimed)
        #expect(fixture.state.contents("inbox").isEmpty)
        #expect(fixture.state.contents("processing/\(fixture.pipeline.instance.name)") == ["a.txt"])
        #expect(fixture.pipeline.claim("a.txt", hint: .completed) == .gone)
    }

    @Test func aClaimHandsBackTheClaimedFilesDescriptorWithItsLeaseReleased() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/a.txt", "Lisbon")
        var descriptor: Int32 = -1
        #expect(fixture.pipeline.claim("a.txt", hint: .completed, keeping: &descriptor) == .claimed)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var byDescriptor = stat(), byName = stat()
        #expect(fstat(descriptor, &byDescriptor) == 0)
        #expect(fstatat(fixture.pipeline.instance.fd, "a.txt", &byName, 0) == 0)
        #expect(byDescriptor.st_ino == byName.st_ino)
        #expect(fcntl(descriptor, 1025 /* F_GETLEASE */) == Int32(F_UNLCK))
    }

    @Test func readingAClaimedFileLeavesItsAccessTimeAlone() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/t.txt", "Tallinn")
        // An access time older than the modification: relatime would update it on a read.
        var times = [timespec(tv_sec: 1_000, tv_nsec: 0), timespec(tv_sec: 2_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, fixture.state.path + "/inbox/t.txt", &times, 0) == 0)
        var descriptor: Int32 = -1
        #expect(fixture.pipeline.claim("t.txt", hint: .completed, keeping: &descriptor) == .claimed)
        let read = try ArticleFile.readClaimed(descriptor: descriptor, directory: fixture.pipeline.instance.fd, name: "t.txt", maximumBytes: 100)
        defer { close(read.descriptor) }
        #expect(read.bytes == Array("Tallinn".utf8))
        var status = stat()
        #expect(fstatat(fixture.pipeline.instance.fd, "t.txt", &status, 0) == 0)
        #expect(status.st_atim.tv_sec == 1_000)
    }

    @Test func aClaimThatFailsHandsBackNoDescriptor() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/a.txt", "one")
        #expect(fixture.pipeline.claim("a.txt", hint: .completed) == .claimed)
        fixture.state.write("inbox/a.txt", "two")
        var descriptor: Int32 = -1
        #expect(fixture.pipeline.claim("a.txt", hint: .completed, keeping: &descriptor) == .collision)
        #expect(descriptor == -1)
    }

    @Test func aFileAWriterStillHoldsOpenIsNotClaimed() throws {
        let fixture = try PipelineFixture()
        let path = fixture.state.path + "/inbox/slow.txt"
        let writer = open(path, O_WRONLY | O_CREAT, 0o644)
        defer { if writer >= 0 { close(writer) } }
        _ = write(writer, "Half an article", 15)
        #expect(fixture.pipeline.claim("slow.txt", hint: .scanned) == .beingWritten)
        #expect(fixture.state.contents("inbox") == ["slow.txt"])
        close(writer)
        #expect(fixture.pipeline.claim("slow.txt", hint: .scanned) == .claimed)
    }

    @Test func aJustCreatedEmptyFileWaitsForItsClose() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/new.txt", "")
        #expect(fixture.pipeline.claim("new.txt", hint: .created) == .beingWritten)
        #expect(fixture.pipeline.claim("new.txt", hint: .completed) == .claimed)
    }

    @Test func aNameAlreadyInFlightIsDeferred() throws {
        let fixture = try PipelineFixture()
        fixture.state.write("inbox/a.txt", "one")
        #expect(fixture.pipeline.claim("a.txt", hint: .completed) == .claimed)
        fixture.state.write("inbox/a.txt", "two")
        #expect(fixture.pipeline.claim("a.txt", hint: .completed) == .collision)
    }

    @Test func twoInstancesNeverBothClaimAFile() throws {
        let first = try PipelineFixture()
        var configuration = first.pipeline.configuration
        configuration.workers = 1
        let second = try IngestionPipeline(configuration: configuration, processor: first.pipeline.currentProcessor, logger: first.pipeline.logger)
        for index in 0..<50 { first.state.write("inbox/\(index).txt", "x") }
        var claims = 0
        for index in 0..<50 {
            if first.pipeline.claim("\(index).txt", hint: .scanned) == .claimed { claims += 1 }
            if second.claim("\(index).txt", hint: .scanned) == .claimed { claims += 1 }
        }
        #expect(claims == 50)
        _ = second.instance.release()
    }
}
