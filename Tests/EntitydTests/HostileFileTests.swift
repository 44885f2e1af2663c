import Foundation
import Glibc
import Testing

/// Hostile files rather than hostile contents: links, FIFOs, directories, sockets, strange
/// names, and files that vanish or change between their event and their claim.
@Suite(.serialized) struct HostileFileTests {
    @Test func linksFIFOsDirectoriesAndSocketsEndWithAReasonAndNothingOutsideIsRead() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        let inbox = state.path + "/inbox/"
        let secret = state.root + "/secret.txt", shared = state.root + "/shared.txt"
        _ = FileManager.default.createFile(atPath: secret, contents: Data("Secret talks in Oslo.".utf8))
        _ = FileManager.default.createFile(atPath: shared, contents: Data("Talks in Helsinki.".utf8))
        // Any open or read of the symlink's target, by anyone, shows up on this watch.
        let watch = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        defer { close(watch) }
        #expect(inotify_add_watch(watch, secret, UInt32(IN_OPEN | IN_ACCESS)) >= 0)

        #expect(symlink(secret, inbox + "link.txt") == 0)
        #expect(symlink("/nonexistent/dangling", inbox + "dangling.txt") == 0)
        #expect(link(shared, inbox + "hard.txt") == 0)
        #expect(mkfifo(inbox + "pipe.txt", 0o644) == 0)
        #expect(mkdir(state.root + "/folder.txt", 0o755) == 0)
        _ = FileManager.default.createFile(atPath: state.root + "/folder.txt/inside.txt", contents: Data("Tallinn".utf8))
        #expect(rename(state.root + "/folder.txt", inbox + "folder.txt") == 0)
        let socket = try UnixSocket(path: inbox + "socket.txt")
        defer { socket.close() }
        var expected = ["link.txt": "symlink", "dangling.txt": "symlink", "pipe.txt": "not_regular_file",
                        "folder.txt": "not_regular_file", "socket.txt": "not_regular_file"]
        // A device node (only root may make one): /dev/null (1, 3, encoded as glibc makedev does), harmless if opened.
        if mknod(inbox + "device.txt", S_IFCHR | 0o644, dev_t(1 << 8 | 3)) == 0 { expected["device.txt"] = "not_regular_file" }
        #expect(getuid() != 0 || expected["device.txt"] != nil, "root could not make a device node")

        let settled = try state.waitForSettlements(of: Array(expected.keys) + ["hard.txt"])
        for (name, code) in expected {
            #expect(settled[name]?.errorCode == code, "\(name): \(String(describing: settled[name]))")
        }
        #expect(settled["hard.txt"]?.isProcessed == true)
        // The hard link's other name, outside the inbox, is untouched.
        #expect(FileManager.default.contents(atPath: shared) == Data("Talks in Helsinki.".utf8))
        // The quarantined link is still a link, and its target was never opened.
        var status = stat()
        #expect(lstat(state.path + "/failed/link.txt", &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        var buffer = [UInt8](repeating: 0, count: 4096)
        #expect(read(watch, &buffer, buffer.count) < 0, "the symlink's target outside the inbox was opened")
        #expect(FileManager.default.contents(atPath: state.path + "/failed/folder.txt/inside.txt") != nil)

        state.drop("after.txt", "The Red Cross arrived in Gaza.")
        try Wait.until("a normal file is processed right after") { state.settlements()["after.txt"]?.first?.isProcessed == true }
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func strangeNamesAreProcessedUnderTheirExactNames() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        let longest = "a" + String(repeating: "é", count: 125) + ".txt"
        #expect(longest.utf8.count == 255)
        let names = [
            "with spaces  and\ttab.txt",
            "line\nbreak.txt",
            "report\u{202E}txt.exe.md",
            "\u{2066}isolated\u{2069} \u{200F}rtl.txt",
            "-rf --help.txt",
            "emoji 🇺🇦 Київ.html",
            longest,
            String(repeating: "b", count: 242) + ".txt.json.txt",
        ]
        // A longer name cannot be dropped at all (the wait below would only time out).
        try #require(names.allSatisfy { $0.utf8.count <= 255 })
        for name in names { state.drop(name, "Prime Minister Keir Starmer spoke in London.") }
        // A name that is not UTF-8 (legal on Linux) is renamed to its %XX-escaped UTF-8 spelling.
        let raw: [UInt8] = Array("caf".utf8) + [0xE9, 0xFF] + Array(".txt".utf8)
        let staged = Self.cPath(Array((state.root + "/").utf8) + raw), dropped = Self.cPath(Array((state.path + "/inbox/").utf8) + raw)
        let fd = open(staged, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0 && write(fd, "Lagos", 5) == 5 && close(fd) == 0)
        #expect(rename(staged, dropped) == 0)
        let settled = try state.waitForSettlements(of: names + ["caf%E9%FF.txt"])
        for name in names + ["caf%E9%FF.txt"] {
            #expect(settled[name]?.isProcessed == true, "\(name.debugDescription): \(String(describing: settled[name]))")
        }
        for file in state.names("outbox") { #expect(file.utf8.count <= 255) }
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func aLongNameThatIsNotUTF8IsNotLeftInTheInbox() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        // 204 bytes, but 604 once each invalid byte is written as %XX: too long to rename to.
        let raw = [UInt8](repeating: 0xFF, count: 200) + Array(".txt".utf8)
        let staged = Self.cPath(Array((state.root + "/").utf8) + raw), dropped = Self.cPath(Array((state.path + "/inbox/").utf8) + raw)
        let fd = open(staged, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0 && write(fd, "Lagos", 5) == 5 && close(fd) == 0)
        #expect(rename(staged, dropped) == 0)
        state.drop("after.txt", "Abuja")
        try Wait.until("the inbox is empty and both files settled", timeout: 120) {
            state.names("inbox").isEmpty && state.settlements().count == 2
        }
        let names = state.settlements().keys.filter { $0 != "after.txt" }
        #expect(names.count == 1 && names.allSatisfy { $0.hasPrefix("%FF%FF") && $0.utf8.count <= 255 }, "\(names)")
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }

    /// A NUL-terminated path from raw bytes (file names need not be UTF-8).
    static func cPath(_ bytes: [UInt8]) -> [CChar] {
        (bytes + [0]).map { CChar(bitPattern: $0) }
    }
}
