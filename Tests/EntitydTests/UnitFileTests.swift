import Foundation
import Testing

/// `systemd/entityd.service` as systemd itself judges it (the real `systemd-analyze`).
struct UnitFileTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let unit = repository.appendingPathComponent("systemd/entityd.service").path

    private func analyze(_ arguments: [String]) -> (status: Int32, output: String) {
        Command.run("/usr/bin/systemd-analyze", arguments)
    }

    /// The unit's `Key=value` settings (last one wins, as in systemd for these scalar keys).
    private func settings() throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try String(contentsOfFile: Self.unit, encoding: .utf8).split(separator: "\n") {
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    @Test func securityExposureIsAtMostOnePointZero() throws {
        let (status, output) = analyze(["security", "--offline=true", "--no-pager", Self.unit])
        let line = try #require(output.split(separator: "\n").first { $0.contains("Overall exposure level") },
                                "no score in: \(output)")
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.0, "\(line)")
        #expect(status == 0, "\(output)")
    }

    @Test func verifyRaisesNothingButTheMissingInstalledBinary() throws {
        let (_, output) = analyze(["verify", Self.unit])
        let complaints = output.split(separator: "\n").filter { !$0.contains("/usr/bin/entityd") }
        #expect(complaints.isEmpty, "\(output)")
    }

    @Test func serviceIsANotifyServiceWithWatchdogReloadAndRestart() throws {
        let unit = try settings()
        #expect(unit["Type"] == "notify")
        #expect(unit["ExecStart"] == "/usr/bin/entityd run")
        #expect(unit["ExecReload"] == "/bin/kill -HUP $MAINPID")
        #expect(unit["WatchdogSec"] != nil)
        #expect(unit["Restart"] == "on-failure")
        #expect(unit["User"] == "entityd" && unit["Group"] == "entityd")
        #expect(unit["StateDirectory"] == "entityd")
    }

    /// The daemon's graceful shutdown must end before systemd's SIGKILL.
    @Test func stopTimeoutExceedsTheDaemonsShutdownTimeout() throws {
        let stop = try #require(try settings()["TimeoutStopSec"].flatMap { Double($0.replacingOccurrences(of: "s", with: "")) })
        let config = try String(
            contentsOf: Self.repository.appendingPathComponent("Config/entityd.yaml"), encoding: .utf8)
        let shutdown = try #require(config.split(separator: "\n")
            .first { $0.hasPrefix("shutdown_timeout_seconds:") }
            .flatMap { Double($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) })
        #expect(stop > shutdown)
    }
}
