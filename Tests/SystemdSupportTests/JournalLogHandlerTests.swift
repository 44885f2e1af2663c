import Foundation
import Logging
import Testing
@testable import SystemdSupport

/// Records sent to the real journald and read back with `journalctl -o json`.
struct JournalLogHandlerTests {
    private func logger(label: String = "entityd.test") throws -> (Logger, String) {
        try Journal.available.get()
        let id = UUID().uuidString
        var logger = Logger(label: label) { JournalLogHandler(label: $0) }
        logger.logLevel = .trace
        logger[metadataKey: "entityd_test_id"] = "\(id)"
        return (logger, id)
    }

    @Test func recordCarriesMessageIdentifierCodeLocationAndLabel() throws {
        let (logger, id) = try logger(label: "entityd.ingestion")
        let line = #line + 1
        logger.info("article processed", metadata: ["entityd_file": "bakhmut.txt", "entityd_entities": "12"])
        let record = try #require(try Journal.records(matching: "ENTITYD_TEST_ID", id).first)
        #expect(record["MESSAGE"] as? String == "article processed")
        #expect(record["PRIORITY"] as? String == "6")
        #expect(record["SYSLOG_IDENTIFIER"] as? String == "entityd")
        #expect(record["CODE_FILE"] as? String == #fileID)
        #expect(record["CODE_LINE"] as? String == String(line))
        #expect(record["CODE_FUNC"] as? String == "recordCarriesMessageIdentifierCodeLocationAndLabel()")
        #expect(record["LOGGER_LABEL"] as? String == "entityd.ingestion")
        #expect(record["ENTITYD_FILE"] as? String == "bakhmut.txt")
        #expect(record["ENTITYD_ENTITIES"] as? String == "12")
    }

    @Test func everyLevelMapsToItsSyslogPriority() throws {
        let (logger, id) = try logger()
        let levels: [Logger.Level] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        for level in levels {
            logger.log(level: level, "level \(level)")
        }
        let records = try Journal.records(matching: "ENTITYD_TEST_ID", id, count: levels.count)
        var priorities: [String: String] = [:]
        for record in records {
            if let message = record["MESSAGE"] as? String { priorities[message] = record["PRIORITY"] as? String }
        }
        #expect(priorities == [
            "level trace": "7", "level debug": "7", "level info": "6", "level notice": "5",
            "level warning": "4", "level error": "3", "level critical": "2",
        ])
    }

    @Test func metadataKeysBecomeValidFieldNames() throws {
        let (logger, id) = try logger()
        let longKey = String(repeating: "k", count: 80)
        logger.warning("odd keys", metadata: [
            "file name.txt": "a", "_trusted": "b", "9lives": "c", longKey: "d", "message": "e", "ünï": "f",
        ])
        let record = try #require(try Journal.records(matching: "ENTITYD_TEST_ID", id).first)
        #expect(record["FILE_NAME_TXT"] as? String == "a")
        #expect(record["TRUSTED"] as? String == "b")
        #expect(record["LIVES"] as? String == "c")
        #expect(record[String(repeating: "K", count: 64)] as? String == "d")
        #expect(record["METADATA_MESSAGE"] as? String == "e")
        #expect(record["MESSAGE"] as? String == "odd keys")
        #expect(record["N_"] as? String == "f")
    }

    /// Beyond a datagram's size libsystemd passes the record in a memfd; it still arrives whole.
    @Test func largeRecordArrivesWhole() throws {
        let (logger, id) = try logger()
        let text = String(repeating: "Kyiv Kharkiv Odesa ", count: 20_000)
        logger.notice("\(text)")
        let record = try #require(try Journal.records(matching: "ENTITYD_TEST_ID", id, arguments: ["--all"]).first)
        #expect((record["MESSAGE"] as? String)?.utf8.count == text.utf8.count)
    }

    @Test func multiLineMessageStaysOneRecord() throws {
        let (logger, id) = try logger()
        logger.error("first line\nsecond line")
        let records = try Journal.records(matching: "ENTITYD_TEST_ID", id)
        #expect(records.count == 1)
        #expect(records.first?["MESSAGE"] as? String == "first line\nsecond line")
        #expect(records.first?["PRIORITY"] as? String == "3")
    }
}
