import Foundation
import Glibc
import Testing

/// The daemon as users meet it: files dropped into the inbox, results in the outbox.
@Suite(.serialized) struct DaemonDropTests {
    @Test func aFileDroppedByRenameGetsAResultPerTheContract() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        let text = "German Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday.\n"
        state.drop("scholz.txt", text)
        try Wait.until("outbox/scholz.txt.json exists") { state.names("outbox") == ["scholz.txt.json"] }
        let result = try #require(state.json("outbox/scholz.txt.json"))
        #expect(result["schema_version"] as? Int == 1)
        let source = try #require(result["source"] as? [String: Any])
        #expect(source["name"] as? String == "scholz.txt")
        #expect(source["bytes"] as? Int == text.utf8.count)
        #expect(source["sha256"] as? String == Self.sha256sum(text))
        #expect(source["format"] as? String == "text")
        #expect(source["encoding"] as? String == "utf-8")
        #expect((source["received_at"] as? String)?.hasSuffix("Z") == true)
        let article = try #require(result["article"] as? [String: Any])
        #expect(article["characters"] as? Int == text.unicodeScalars.count)
        #expect(result["entities"] is [Any])
        let extractor = try #require(result["extractor"] as? [String: Any])
        #expect(extractor["name"] as? String == "entityd")
        #expect(extractor["elapsed_ms"] is Double || extractor["elapsed_ms"] is Int)
        try Wait.until("the input is archived") { state.names("archive") == ["scholz.txt"] }
        #expect(state.names("inbox").isEmpty)
        #expect(try daemon.terminate() == 0)
        #expect(state.names("processing").isEmpty)
        #expect(daemon.log.contains("ENTITYD_FILE=scholz.txt"))
        #expect(daemon.log.contains("ENTITYD_OUTCOME=processed"))
    }

    @Test func aFileWrittenInPlaceIsNotProcessedBeforeItsWriterClosesIt() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        // One open(2) that creates the file and keeps it open, as an in-place writer does.
        let fd = open(state.path + "/inbox/slow.txt", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0)
        let writer = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        writer.write(Data("Prime Minister Keir Starmer ".utf8))
        // Proof the daemon is busy and saw what came after: a later file is processed...
        state.drop("marker.txt", "Canberra")
        try Wait.until("the marker is processed") { state.names("outbox").contains("marker.txt.json") }
        writer.write(Data("spoke in London.\n".utf8))
        // ...while the one still open for writing stays untouched in the inbox.
        #expect(state.names("inbox") == ["slow.txt"])
        #expect(!state.names("outbox").contains("slow.txt.json"))
        try writer.close()
        try Wait.until("slow.txt is processed after its close") { state.names("outbox").contains("slow.txt.json") }
        let source = try #require(state.json("outbox/slow.txt.json")?["source"] as? [String: Any])
        #expect(source["bytes"] as? Int == "Prime Minister Keir Starmer spoke in London.\n".utf8.count)
        #expect(try daemon.terminate() == 0)
    }

    @Test func aFileStillBeingWrittenIsLeftAloneByTheStartupScan() throws {
        let state = StateDirectory()
        mkdir(state.path + "/inbox", 0o755)
        let path = state.path + "/inbox/open.txt"
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        _ = write(fd, "Half of", 7)
        state.drop("done.txt", "Nairobi")
        let daemon = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("the finished backlog file is processed") { state.names("outbox") == ["done.txt.json"] }
        #expect(state.names("inbox") == ["open.txt"])
        _ = write(fd, " an article.", 12)
        close(fd)
        try Wait.until("open.txt is processed after its close") { state.names("outbox").contains("open.txt.json") }
        #expect(try daemon.terminate() == 0)
    }

    @Test func theBacklogPresentAtStartIsProcessed() throws {
        let state = StateDirectory()
        for index in 0..<40 { state.drop("backlog-\(index).md", "# Report \(index)\n\nThe United Nations met in Geneva.") }
        let daemon = try DaemonProcess(stateDirectory: state.path)
        try Wait.until("all 40 backlog files are processed") { state.names("outbox").count == 40 }
        #expect(state.resultSourceNames() == (0..<40).map { "backlog-\($0).md" }.sorted())
        #expect(try daemon.terminate() == 0)
        #expect(state.names("inbox").isEmpty)
    }

    @Test func fiveHundredFilesAtOnceAreEachProcessedOnce() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        let staging = state.root + "/staging"
        mkdir(staging, 0o755)
        for index in 0..<500 {
            _ = FileManager.default.createFile(atPath: "\(staging)/burst-\(index).txt", contents: Data("Article \(index) about NATO in Brussels.".utf8))
        }
        for index in 0..<500 { rename("\(staging)/burst-\(index).txt", "\(state.path)/inbox/burst-\(index).txt") }
        try Wait.until("500 results exist", timeout: 300) { state.names("outbox").count >= 500 }
        #expect(state.resultSourceNames() == (0..<500).map { "burst-\($0).txt" }.sorted())
        #expect(state.names("outbox").allSatisfy { !$0.hasSuffix(".1.json") })
        try Wait.until("all inputs are archived") { state.names("archive").count == 500 }
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }

    @Test func aLaterArticleWithTheSameNameGetsItsOwnResult() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path)
        state.drop("daily.txt", "Monday in Oslo.")
        try Wait.until("the first result exists") { state.names("archive") == ["daily.txt"] }
        state.drop("daily.txt", "Tuesday in Bergen.")
        try Wait.until("the second result exists") { state.names("archive").count == 2 }
        #expect(state.names("outbox") == ["daily.txt.1.json", "daily.txt.json"])
        #expect(state.names("archive") == ["daily.txt", "daily.txt.1"])
        let first = try #require(state.json("outbox/daily.txt.json")?["source"] as? [String: Any])
        let second = try #require(state.json("outbox/daily.txt.1.json")?["source"] as? [String: Any])
        #expect(first["bytes"] as? Int == "Monday in Oslo.".utf8.count)
        #expect(second["bytes"] as? Int == "Tuesday in Bergen.".utf8.count)
        #expect(second["name"] as? String == "daily.txt")
        #expect(try daemon.terminate() == 0)
    }

    @Test func extractPrintsTheSameJSONForFilesAndStdin() throws {
        let state = StateDirectory()
        let first = state.root + "/one.txt", second = state.root + "/two.html"
        _ = FileManager.default.createFile(atPath: first, contents: Data("Tokyo is in Japan.".utf8))
        _ = FileManager.default.createFile(atPath: second, contents: Data("<title>T</title><p>Seoul</p>".utf8))
        let one = try EntitydBinary.run(["extract", first])
        #expect(one.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect((object["source"] as? [String: Any])?["name"] as? String == "one.txt")
        let two = try EntitydBinary.run(["extract", first, second])
        let lines = two.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(((try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])?["article"] as? [String: Any])?["title"] as? String == "T")
        let stdin = try EntitydBinary.run(["extract", "-"], stdin: Data("Lagos".utf8))
        #expect(stdin.status == 0)
        #expect(stdin.stdout.contains("\"name\":\"stdin.txt\""))
        let missing = try EntitydBinary.run(["extract", state.root + "/nothing.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nothing.txt"))
    }

    static func sha256sum(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
