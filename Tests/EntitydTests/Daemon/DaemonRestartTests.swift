import Foundation
import Glibc
import Testing

/// Stops, crashes, restarts and several daemons on one state directory: every file is
/// processed exactly once and nothing stays in processing/.
@Suite(.serialized) struct DaemonRestartTests {
    static func dropMany(_ state: StateDirectory, _ count: Int, prefix: String) {
        for index in 0..<count { state.drop("\(prefix)-\(index).txt", "Report \(index): the Kremlin said Moscow would respond.") }
    }

    static func expectExactlyOnce(_ state: StateDirectory, _ count: Int, prefix: String) {
        let expected = (0..<count).map { "\(prefix)-\($0).txt" }.sorted()
        #expect(state.resultSourceNames() == expected)
        #expect(state.names("outbox").count == count)
        #expect(state.names("archive") == expected)
        #expect(state.names("failed").isEmpty)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func sigtermMidStreamExitsCleanlyAndARestartFinishesTheRest() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        Self.dropMany(state, 400, prefix: "stream")
        try Wait.until("some results exist") { !state.names("outbox").isEmpty }
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
        #expect(state.names("processing").isEmpty)
        // Nothing lost: every input is either archived with its result or still in the inbox.
        #expect(state.names("archive").count + state.names("inbox").count == 400)
        let restarted = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("all 400 are processed", timeout: 300) { state.names("archive").count == 400 }
        #expect(try restarted.terminate() == 0)
        Self.expectExactlyOnce(state, 400, prefix: "stream")
    }

    @Test func aKilledDaemonLosesNothingAndWritesNothingTwice() throws {
        let state = StateDirectory()
        Self.dropMany(state, 300, prefix: "crash")
        for round in 0..<3 {
            let daemon = try DaemonProcess(stateDirectory: state.path)
            let before = state.names("archive").count
            try Wait.until("progress in round \(round)", timeout: 300) { state.names("archive").count > before || state.names("archive").count == 300 }
            try daemon.crash()
        }
        let last = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("all 300 are processed", timeout: 300) { state.names("archive").count == 300 }
        #expect(try last.terminate() == 0)
        Self.expectExactlyOnce(state, 300, prefix: "crash")
    }

    @Test func leftoversInProcessingAreProcessedAfterARestart() throws {
        let state = StateDirectory()
        for directory in ["processing", "processing/instance-12345-deadbeef"] { mkdir(state.path + "/" + directory, 0o755) }
        _ = FileManager.default.createFile(atPath: state.path + "/processing/instance-12345-deadbeef/left-0.txt", contents: Data("Left in Madrid.".utf8))
        _ = FileManager.default.createFile(atPath: state.path + "/processing/left-1.txt", contents: Data("Left in Rome.".utf8))
        let daemon = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("both leftovers are processed") { state.names("archive").count == 2 }
        #expect(try daemon.terminate() == 0)
        Self.expectExactlyOnce(state, 2, prefix: "left")
        #expect(state.names("processing").isEmpty)
    }

    @Test func twoDaemonsOnOneStateDirectoryProcessEveryFileOnce() throws {
        let state = StateDirectory()
        let first = try DaemonProcess(stateDirectory: state.path)
        let second = try DaemonProcess(stateDirectory: state.path)
        Self.dropMany(state, 400, prefix: "shared")
        try Wait.until("all 400 are processed", timeout: 300) { state.names("archive").count == 400 }
        #expect(try first.terminate() == 0)
        #expect(try second.terminate() == 0)
        Self.expectExactlyOnce(state, 400, prefix: "shared")
    }

    @Test func aDaemonRestartedBesideALiveOneDoesNotStealItsWork() throws {
        let state = StateDirectory()
        let survivor = try DaemonProcess(stateDirectory: state.path)
        var victim = try DaemonProcess(stateDirectory: state.path)
        Self.dropMany(state, 300, prefix: "pair")
        try Wait.until("progress") { state.names("archive").count >= 30 }
        try victim.crash()
        victim = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("all 300 are processed", timeout: 300) { state.names("archive").count == 300 }
        #expect(try victim.terminate() == 0)
        #expect(try survivor.terminate() == 0)
        Self.expectExactlyOnce(state, 300, prefix: "pair")
    }

    @Test func sighupReloadsWithoutLosingWork() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        Self.dropMany(state, 200, prefix: "reload")
        daemon.signal(SIGHUP)
        try Wait.until("the reload is done") { daemon.log.contains("reloaded:") }
        daemon.signal(SIGHUP)
        try Wait.until("all 200 are processed", timeout: 300) { state.names("archive").count == 200 }
        #expect(daemon.process.isRunning)
        #expect(try daemon.terminate() == 0)
        Self.expectExactlyOnce(state, 200, prefix: "reload")
    }
}
