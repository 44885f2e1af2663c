import Foundation
import Glibc
import Testing

/// Bad input is quarantined with its reason; the daemon goes on.
@Suite(.serialized) struct DaemonFailureTests {
    @Test func aSymlinkIsQuarantinedAndItsTargetNeverRead() throws {
        let state = StateDirectory()
        let target = state.root + "/outside-secret.txt"
        _ = FileManager.default.createFile(atPath: target, contents: Data("secret".utf8))
        // Any open or read of the target by anyone shows up on this watch.
        let watch = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        defer { close(watch) }
        #expect(inotify_add_watch(watch, target, UInt32(IN_OPEN | IN_ACCESS)) >= 0)
        let daemon = try DaemonProcess(stateDirectory: state.path)
        symlink(target, state.path + "/inbox/link.txt")
        state.drop("after.txt", "Ottawa")
        try Wait.until("the link is quarantined with its reason") { state.names("failed") == ["link.txt", "link.txt.error.json"] }
        let record = try #require(state.json("failed/link.txt.error.json"))
        #expect(record["step"] as? String == "read")
        #expect((record["error"] as? String)?.contains("symbolic link") == true)
        #expect(record["at"] is String)
        var status = stat()
        #expect(lstat(state.path + "/failed/link.txt", &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        try Wait.until("the next file is processed") { state.names("outbox") == ["after.txt.json"] }
        var buffer = [UInt8](repeating: 0, count: 4096)
        #expect(read(watch, &buffer, buffer.count) < 0, "the symlink's target was opened")
        #expect(try daemon.terminate() == 0)
    }

    @Test func undecodableAndBinaryInputIsQuarantinedAndTheDaemonGoesOn() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        var random = SystemRandomNumberGenerator()
        state.drop("binary.txt", Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }))
        state.drop("utf16-no-bom.txt", Data("Vienna".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        state.drop("broken.json", "{\"title\": \"x\", \"text\": ")
        state.drop("wrong-type.json", "{\"text\": 42}")
        state.drop("empty.txt", "")
        state.drop("report.pdf", "%PDF-1.7")
        state.drop("good.txt", "The European Union met in Brussels.")
        let bad = ["binary.txt", "broken.json", "empty.txt", "report.pdf", "utf16-no-bom.txt", "wrong-type.json"]
        try Wait.until("every bad file is quarantined") { state.names("failed").count == bad.count * 2 }
        for name in bad {
            let record = try #require(state.json("failed/\(name).error.json"), "no error record for \(name)")
            #expect(record["step"] as? String == (name == "report.pdf" ? "read" : "decode"), "\(name)")
            #expect((record["error"] as? String)?.isEmpty == false)
        }
        try Wait.until("the good file is processed") { state.names("outbox") == ["good.txt.json"] }
        #expect(daemon.process.isRunning)
        #expect(daemon.log.contains("ENTITYD_OUTCOME=failed"))
        #expect(daemon.log.contains("ENTITYD_ERROR="))
        #expect(try daemon.terminate() == 0)
    }

    @Test func aFIFOInTheInboxNeverBlocksTheDaemon() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        mkfifo(state.path + "/inbox/pipe.txt", 0o644)
        state.drop("after.txt", "Lima")
        try Wait.until("the FIFO is quarantined") { state.names("failed").contains("pipe.txt.error.json") }
        try Wait.until("the next file is processed") { state.names("outbox") == ["after.txt.json"] }
        #expect(try daemon.terminate() == 0)
    }

    @Test func removingTheInboxIsALoudFailure() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        rename(state.path + "/inbox", state.root + "/moved-inbox")
        let status = try daemon.waitForExit()
        #expect(status != 0)
        #expect(daemon.log.contains("inbox"))
        #expect(daemon.log.contains("critical"))
    }

    @Test func removingTheOutboxIsALoudFailureNotSilentLoss() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        rename(state.path + "/outbox", state.root + "/moved-outbox")
        #expect(try daemon.waitForExit() != 0)
        #expect(daemon.log.contains("the outbox directory was removed"))
        // The restart creates the directory anew and goes on.
        let restarted = try DaemonProcess(stateDirectory: state.path)
        state.drop("after.txt", "Quito")
        try Wait.until("the file is processed into the new outbox") { state.names("outbox") == ["after.txt.json"] }
        #expect(try restarted.terminate() == 0)
    }
}
