import Testing
@testable import Ingestion

@Suite struct WriterCheckTests {
    @Test func aLeasedFileIsClaimedAndAWrittenOneWaits() {
        #expect(WriterCheck.decide(hint: .scanned, isRegularFile: true, size: 10, lease: .granted, secondsSinceModification: 0) == .claim)
        #expect(WriterCheck.decide(hint: .completed, isRegularFile: true, size: 10, lease: .writerPresent, secondsSinceModification: 99) == .wait)
    }

    @Test func aJustCreatedEmptyFileWaitsForItsClose() {
        #expect(WriterCheck.decide(hint: .created, isRegularFile: true, size: 0, lease: .granted, secondsSinceModification: 0) == .wait)
        #expect(WriterCheck.decide(hint: .created, isRegularFile: true, size: 5, lease: .granted, secondsSinceModification: 0) == .claim)
    }

    @Test func withoutLeasesARecentlyModifiedUnannouncedFileIsPutOff() {
        #expect(WriterCheck.decide(hint: .scanned, isRegularFile: true, size: 10, lease: .notPermitted, secondsSinceModification: 1) == .retryLater)
        #expect(WriterCheck.decide(hint: .created, isRegularFile: true, size: 10, lease: .notPermitted, secondsSinceModification: 0) == .retryLater)
        #expect(WriterCheck.decide(hint: .scanned, isRegularFile: true, size: 10, lease: .notPermitted, secondsSinceModification: 60) == .claim)
    }

    @Test func withoutLeasesAClosedOrRenamedFileIsComplete() {
        #expect(WriterCheck.decide(hint: .completed, isRegularFile: true, size: 10, lease: .notPermitted, secondsSinceModification: 0) == .claim)
    }

    @Test func otherFileTypesAreClaimedToBeQuarantined() {
        #expect(WriterCheck.decide(hint: .created, isRegularFile: false, size: 0, lease: .notPermitted, secondsSinceModification: 0) == .claim)
    }
}
