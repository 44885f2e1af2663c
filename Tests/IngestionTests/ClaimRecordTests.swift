import Glibc
import Testing
@testable import Ingestion

@Suite struct ClaimRecordTests {
    /// User xattrs are refused on a FIFO, as on a file system without them: the record then
    /// goes to a `.out.<job>` file, which `readAll` finds and `remove` deletes.
    @Test func whereNoAttributeCanBeSetARecordFileIsWrittenAndRemoved() throws {
        let directory = TemporaryDirectory()
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        #expect(mkfifoat(fd, "pipe.txt", 0o644) == 0)
        try ClaimRecord.write(directory: fd, job: 5, output: "pipe.txt.json", input: "pipe.txt")
        #expect(ClaimRecord.readAll(directory: fd) == ["pipe.txt": "pipe.txt.json"])
        ClaimRecord.remove(directory: fd, job: 5)
        #expect(ClaimRecord.readAll(directory: fd).isEmpty)
        #expect(faccessat(fd, ClaimRecord.fileName(job: 5), F_OK, 0) != 0)
    }

    @Test func onARegularFileTheRecordIsItsAttribute() throws {
        let directory = TemporaryDirectory()
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        close(openat(fd, "a.txt", O_WRONLY | O_CREAT, 0o644))
        try ClaimRecord.write(directory: fd, job: 6, output: "a.txt.json", input: "a.txt")
        #expect(ClaimRecord.recordedOutput(directory: fd, input: "a.txt") == "a.txt.json")
        #expect(ClaimRecord.readAll(directory: fd).isEmpty)
    }

    /// The daemon sets the record through the descriptor it read the input with; the
    /// descriptor stays open (its owner closes it).
    @Test func aRecordSetThroughAnOpenDescriptorLeavesItOpen() throws {
        let directory = TemporaryDirectory()
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        close(openat(fd, "b.txt", O_WRONLY | O_CREAT, 0o644))
        let input = openat(fd, "b.txt", O_RDONLY)
        defer { close(input) }
        try ClaimRecord.write(directory: fd, job: 7, output: "b.txt.json", input: "b.txt", descriptor: input)
        #expect(ClaimRecord.recordedOutput(directory: fd, input: "b.txt") == "b.txt.json")
        #expect(fcntl(input, F_GETFD) >= 0)
    }
}
