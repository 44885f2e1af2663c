import Foundation
import Glibc
import Testing

/// Several daemons on one state directory share the work; one of them crashing and
/// restarting midway loses nothing and duplicates nothing.
@Suite(.serialized) struct ScaleOutTests {
    static let count = 2000

    static func article(_ index: Int) -> String {
        "Report \(index): Secretary-General António Guterres met NATO officials in Brussels on Monday."
    }

    @Test func threeDaemonsOneKilledAndRestartedMidwayProcessEveryFileExactlyOnce() throws {
        let state = StateDirectory()
        let staging = state.root + "/staging"
        mkdir(staging, 0o755)
        mkdir(state.path + "/inbox", 0o755)
        let environment = ["ENTITYD_WORKERS": "1"]
        var daemons = try (0..<3).map { _ in try DaemonProcess(stateDirectory: state.path, environment: environment) }
        for index in 0..<Self.count {
            _ = FileManager.default.createFile(atPath: "\(staging)/\(index)", contents: Data(Self.article(index).utf8))
        }
        // The first half streams in, in small batches, until a third is processed and every
        // daemon has done a share (on a loaded machine one daemon may be descheduled for a
        // whole burst: batches give each many chances); midway one daemon is SIGKILLed, then
        // the rest streams in.
        let batch = 25
        var dropped = 0
        func everyDaemonHasAShare() -> Bool { daemons.allSatisfy { $0.log.contains("ENTITYD_OUTCOME=processed") } }
        while dropped < Self.count / 2, state.names("archive").count < Self.count / 3 || !everyDaemonHasAShare() {
            let end = min(dropped + batch, Self.count / 2)
            for index in dropped..<end { rename("\(staging)/\(index)", "\(state.path)/inbox/scale-\(index).txt") }
            dropped = end
            try Wait.until("the first \(dropped) are processed", timeout: 300) { state.names("archive").count >= dropped }
        }
        for index in dropped..<(Self.count / 2) { rename("\(staging)/\(index)", "\(state.path)/inbox/scale-\(index).txt") }
        let victimLog = daemons[1].log
        try daemons[1].crash()
        for index in (Self.count / 2)..<Self.count { rename("\(staging)/\(index)", "\(state.path)/inbox/scale-\(index).txt") }
        daemons[1] = try DaemonProcess(stateDirectory: state.path, environment: environment)
        try Wait.until("all \(Self.count) are processed", timeout: 600) { state.names("archive").count >= Self.count }
        for daemon in daemons { #expect(try daemon.terminate() == 0) }

        let expected = (0..<Self.count).map { "scale-\($0).txt" }.sorted()
        #expect(state.names("archive") == expected)
        #expect(state.names("outbox").count == Self.count)
        #expect(state.resultSourceNames() == expected, "a file was processed twice or not at all")
        #expect(state.names("outbox").allSatisfy { !$0.hasSuffix(".1.json") })
        #expect(state.names("failed").isEmpty)
        #expect(state.names("inbox").isEmpty)
        #expect(state.names("processing").isEmpty)
        // Every daemon did a share of the work, the killed one before its end too.
        for log in [daemons[0].log, victimLog, daemons[2].log] { #expect(log.contains("ENTITYD_OUTCOME=processed")) }
    }
}
