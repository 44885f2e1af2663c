import Glibc
import Testing
@testable import Ingestion

@Suite struct ArticleFileTests {
    let directory = TemporaryDirectory()

    private func failureCode(_ name: String, limit: Int = 1000) -> String? {
        do {
            _ = try ArticleFile.read(path: directory.path + "/" + name, maximumBytes: limit, followSymlinks: false)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func aRegularFileIsReadWhole() throws {
        directory.write("a.txt", "Madrid")
        #expect(try ArticleFile.read(path: directory.path + "/a.txt", maximumBytes: 6, followSymlinks: false) == Array("Madrid".utf8))
    }

    @Test func aFileLongerThanFstatSaysIsReadToItsEnd() throws {
        // procfs files are regular with st_size 0: reading must not stop at the size fstat gave.
        let bytes = try ArticleFile.read(path: "/proc/self/status", maximumBytes: 1 << 20, followSymlinks: false)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("VmHWM:") || text.contains("Threads:"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func readingKeepingOpenHandsBackADescriptorOfTheSameFile() throws {
        directory.write("k.txt", "Kyiv")
        let dir = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(dir) }
        let opened = try ArticleFile.readKeepingOpen(directory: dir, name: "k.txt", maximumBytes: 100)
        defer { close(opened.descriptor) }
        #expect(opened.bytes == Array("Kyiv".utf8))
        var byDescriptor = stat(), byName = stat()
        #expect(fstat(opened.descriptor, &byDescriptor) == 0)
        #expect(fstatat(dir, "k.txt", &byName, 0) == 0)
        #expect(byDescriptor.st_ino == byName.st_ino)
    }

    @Test func aClaimedFileIsReadThroughTheClaimsDescriptor() throws {
        directory.write("c.txt", "Vilnius")
        let dir = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(dir) }
        let claimed = open(directory.path + "/c.txt", O_RDONLY)
        let read = try ArticleFile.readClaimed(descriptor: claimed, directory: dir, name: "c.txt", maximumBytes: 100)
        defer { close(read.descriptor) }
        #expect(read.bytes == Array("Vilnius".utf8))
        #expect(read.descriptor == claimed)
    }

    @Test func aClaimedNameNowNamingAnotherFileIsReadByName() throws {
        directory.write("r.txt", "old")
        let dir = open(directory.path, O_RDONLY | O_DIRECTORY)
        defer { close(dir) }
        let stale = open(directory.path + "/r.txt", O_RDONLY)
        directory.write("next", "new")
        #expect(rename(directory.path + "/next", directory.path + "/r.txt") == 0)
        let read = try ArticleFile.readClaimed(descriptor: stale, directory: dir, name: "r.txt", maximumBytes: 100)
        defer { close(read.descriptor) }
        #expect(read.bytes == Array("new".utf8))
        var byDescriptor = stat(), byName = stat()
        #expect(fstat(read.descriptor, &byDescriptor) == 0)
        #expect(fstatat(dir, "r.txt", &byName, 0) == 0)
        #expect(byDescriptor.st_ino == byName.st_ino)
        // The stale descriptor was closed (its number may already be the new open's).
        #expect(read.descriptor == stale || fcntl(stale, F_GETFD) == -1)
    }

    @Test func aSymlinkIsRefusedAndItsTargetNeverOpened() {
        directory.write("secret", "x")
        symlink(directory.path + "/secret", directory.path + "/link.txt")
        chmod(directory.path + "/secret", 0)  // even a readable target would not be opened
        #expect(failureCode("link.txt") == "symlink")
    }

    @Test func aFIFODoesNotBlockAndIsRefused() {
        mkfifo(directory.path + "/pipe.txt", 0o644)
        #expect(failureCode("pipe.txt") == "not_regular_file")
    }

    @Test func aDirectoryIsRefused() {
        mkdir(directory.path + "/dir.txt", 0o755)
        #expect(failureCode("dir.txt") == "not_regular_file")
    }

    @Test func aSocketIsRefused() {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = directory.path + "/sock.txt"
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(failureCode("sock.txt") == "not_regular_file")
    }

    @Test func aFileOverTheLimitIsRefused() {
        directory.write("big.txt", String(repeating: "a", count: 1001))
        #expect(failureCode("big.txt", limit: 1000) == "too_large")
        directory.write("fits.txt", String(repeating: "a", count: 1000))
        #expect(failureCode("fits.txt", limit: 1000) == nil)
    }

    @Test func aMissingFileIsReportedAsVanished() {
        #expect(failureCode("nothing.txt") == "vanished")
    }
}
