import Foundation
import Testing

/// Hostile file contents, generated here: each ends processed or quarantined with a clear
/// reason, none takes the daemon down, and a normal file is processed right after them.
@Suite(.serialized) struct HostileContentTests {
    /// What must become of one input.
    enum Expected {
        /// In the outbox, read in this encoding.
        case processed(encoding: String)
        /// In `failed/` with this reason code.
        case quarantined(code: String)
        /// Either, as long as it is exactly one of them (huge inputs may hit the time limit).
        case settled
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> Data {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return Data(bytes)
    }

    static let cases: [(name: String, contents: Data, expected: Expected)] = {
        let sentence = "Chancellor Angela Merkel met President Joe Biden in Berlin on Monday. "
        var random = SystemRandomNumberGenerator()
        let binary = Data((0..<8192).map { index in index % 97 == 0 ? 0 : UInt8.random(in: 0...255, using: &random) })
        let names = ["Merkel", "Biden", "Macron", "Scholz", "Zelensky"]
        return [
            ("empty.txt", Data(), .quarantined(code: "empty")),
            ("whitespace.txt", Data(" \n\t  \r\n\u{0C}  \n".utf8), .quarantined(code: "empty")),
            ("binary.txt", binary, .quarantined(code: "undecodable")),
            ("invalid-utf8.txt", Data("Angela Merkel visited ".utf8) + Data([0xC3, 0x28, 0xFF, 0x80]) + Data(" Berlin.".utf8), .processed(encoding: "windows-1252")),
            ("utf16le-bom.txt", utf16("Президент Volodymyr Zelensky spoke in Kyiv.", bigEndian: false, bom: true), .processed(encoding: "utf-16le")),
            ("utf16be-bom.md", utf16("# Kyiv\n\nPresident Volodymyr Zelensky spoke.", bigEndian: true, bom: true), .processed(encoding: "utf-16be")),
            ("utf16-no-bom.txt", utf16("President Volodymyr Zelensky spoke in Kyiv.", bigEndian: false, bom: false), .quarantined(code: "undecodable")),
            ("latin1.txt", Data("Caf".utf8) + Data([0xE9]) + Data(" owner Jos".utf8) + Data([0xE9]) + Data(" Mart".utf8) + Data([0xED]) + Data("nez moved to M".utf8) + Data([0xFC]) + Data("nchen.".utf8), .processed(encoding: "windows-1252")),
            ("nul.txt", Data("Paris\u{0}London and Rome".utf8), .quarantined(code: "undecodable")),
            ("one-line-10mb.txt", Data(String(String(repeating: sentence.replacingOccurrences(of: ". ", with: " and "), count: 10_000_000 / 60 + 1).prefix(10_000_000)).utf8), .settled),
            ("token-200k.txt", Data(String(repeating: "Q", count: 200_000).utf8), .settled),
            ("names-100k.txt", Data((0..<100_000).map { names[$0 % names.count] }.joined(separator: " ").utf8), .settled),
            ("nested.html", Data((String(repeating: "<div><span>", count: 50_000) + "<p>NATO met in Brussels.</p>" + String(repeating: "</span></div>", count: 50_000)).utf8), .settled),
            ("unclosed.html", Data(("<html><title>Kyiv" + String(repeating: "<b x=\"", count: 20_000)).utf8), .settled),
            ("malformed.json", Data("{\"title\": \"Talks\", \"text\": \"Olaf Scholz".utf8), .quarantined(code: "malformed")),
            ("wrong-types.json", Data("{\"title\": 5, \"text\": \"Olaf Scholz in Paris.\"}".utf8), .quarantined(code: "malformed")),
            ("text-object.json", Data("{\"text\": {\"body\": \"Olaf Scholz\"}}".utf8), .quarantined(code: "malformed")),
            ("array.json", Data("[\"Olaf Scholz in Paris\"]".utf8), .quarantined(code: "malformed")),
            ("deep.json", Data(("{\"text\": " + String(repeating: "[", count: 100_000)).utf8), .quarantined(code: "malformed")),
        ]
    }()

    @Test func eachHostileContentEndsProcessedOrQuarantinedWithItsReasonAndTheDaemonGoesOn() throws {
        let state = StateDirectory()
        let daemon = try DaemonProcess(stateDirectory: state.path, environment: ["ENTITYD_FILE_TIME_LIMIT_SECONDS": "5"])
        for item in Self.cases { state.drop(item.name, item.contents) }
        let settled = try state.waitForSettlements(of: Self.cases.map(\.name), timeout: 600)
        for item in Self.cases {
            let settlement = try #require(settled[item.name], "\(item.name) did not settle")
            switch item.expected {
            case .processed(let encoding):
                #expect(settlement.encoding == encoding, "\(item.name): \(settlement)")
            case .quarantined(let code):
                #expect(settlement.errorCode == code, "\(item.name): \(settlement)")
            case .settled:
                break
            }
            if case .quarantined(let record) = settlement {
                #expect((record["error"] as? String)?.isEmpty == false, "\(item.name) has no reason")
                #expect(record["step"] is String && record["at"] is String, "\(item.name): \(record)")
            }
        }
        #expect(daemon.process.isRunning)
        state.drop("after.txt", "The World Bank met in Washington.")
        try Wait.until("a normal file is processed right after") { state.settlements()["after.txt"]?.first?.isProcessed == true }
        #expect(state.names("inbox").isEmpty)
        #expect(try daemon.terminate() == 0)
        #expect(state.filesInProcessing().isEmpty)
    }
}
