import Foundation
import Glibc
import Testing

/// Files that are deleted or replaced between their inotify event and their claim.
@Suite(.serialized) struct HostileRaceTests {
    @Test func aFileDeletedBeforeItsClaimLeavesNoTraceAndOneClaimedFirstIsProcessed() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        var claimed: [String] = []
        for index in 0..<300 {
            let name = "gone-\(index).txt"
            state.drop(name, "Report \(index) from Nairobi.")
            // Whoever wins: our unlink (the daemon never saw it) or the daemon's claim.
            if unlink(state.path + "/inbox/" + name) != 0 { claimed.append(name) }
        }
        state.drop("after.txt", "Accra")
        let settled = try state.waitForSettlements(of: claimed + ["after.txt"])
        for name in claimed + ["after.txt"] { #expect(settled[name]?.isProcessed == true, "\(name)") }
        #expect(Set(settled.keys) == Set(claimed + ["after.txt"]), "results for deleted files")
        #expect(daemon.process.isRunning)
        #expect(try daemon.terminate() == 0)
        #expect(state.names("inbox").isEmpty)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func aFileReplacedBeforeItsClaimIsProcessedInItsFinalVersion() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        let count = 100
        for index in 0..<count {
            state.drop("swap-\(index).txt", Self.first(index))
            // rename(2) over the name: atomic replacement, as producers re-publishing do.
            state.drop("swap-\(index).txt", Self.final(index))
        }
        try Wait.until("every final version is processed", timeout: 300) {
            let texts = Self.processedVersions(state)
            return (0..<count).allSatisfy { texts["swap-\($0).txt"]?.contains("final") == true } && state.names("inbox").isEmpty
        }
        let versions = Self.processedVersions(state)
        for index in 0..<count {
            // The first version is processed only if it was claimed before the replacement
            // arrived; then the final one came as a new file. Never anything twice.
            let seen = versions["swap-\(index).txt"] ?? []
            #expect(seen.filter { $0 == "final" }.count == 1 && seen.count <= 2, "swap-\(index).txt: \(seen)")
        }
        #expect(state.names("failed").isEmpty)
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func aForgedClaimRecordCannotSuppressTheResultOfARecoveredFile() throws {
        let state = StateDirectory()
        let text = "The Kremlin said Moscow would respond."
        var daemon = try DaemonProcess(stateDirectory: state.path)
        state.drop("earlier.txt", text)
        try Wait.until("the earlier file is processed") { state.names("archive") == ["earlier.txt"] }
        #expect(try daemon.terminate() == 0)
        // A producer set the claim record's attribute on its file, naming the result of an
        // identical earlier article; the file was claimed, then its daemon crashed.
        let crashed = state.path + "/processing/instance-999999-0badc0de"
        mkdir(crashed, 0o700)
        _ = FileManager.default.createFile(atPath: crashed + "/forged.txt", contents: Data(text.utf8))
        let output = "earlier.txt.json"
        guard Self.setAttribute(crashed + "/forged.txt", "user.entityd.output", output) else {
            print("skipped: this file system has no user extended attributes")
            return
        }
        daemon = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("the recovered file is archived") { state.names("archive").contains("forged.txt") }
        #expect(state.resultSourceNames() == ["earlier.txt", "forged.txt"], "the recovered file has no result of its own")
        #expect(try daemon.terminate() == 0)
    }

    private typealias SetXattr = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeRawPointer, Int, Int32) -> Int32

    /// `setxattr(2)`, which the Glibc module does not declare.
    static func setAttribute(_ path: String, _ name: String, _ value: String) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setxattr") else { return false }
        let call = unsafeBitCast(symbol, to: SetXattr.self)
        return Array(value.utf8).withUnsafeBytes { call(path, name, $0.baseAddress!, $0.count, 0) } == 0
    }

    static func first(_ index: Int) -> String { "First version \(index): Lima." }
    /// Longer than the first version: `source.bytes` tells them apart.
    static func final(_ index: Int) -> String { "Final version \(index): Quito and Bogota." }

    /// For each input name, which versions ("first", "final") have a result.
    static func processedVersions(_ state: StateDirectory) -> [String: [String]] {
        var versions: [String: [String]] = [:]
        for (name, settlements) in state.settlements() {
            guard let index = Int(name.dropFirst("swap-".count).dropLast(".txt".count)) else { continue }
            for case .processed(let result) in settlements {
                let bytes = (result["source"] as? [String: Any])?["bytes"] as? Int
                let version = bytes == final(index).utf8.count ? "final" : bytes == first(index).utf8.count ? "first" : "unknown"
                versions[name, default: []].append(version)
            }
        }
        return versions
    }
}
