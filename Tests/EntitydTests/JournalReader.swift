import Foundation

/// The real journald for end-to-end tests: `scripts/ensure-journald` starts one where no
/// journal socket exists; records are read back with `journalctl -o json`.
enum JournalReader {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `scripts/ensure-journald` once per test process (it is idempotent across processes).
    static let available: Result<Void, DaemonTestError> = {
        let outcome = Command.run("/bin/sh", [repository.appendingPathComponent("scripts/ensure-journald").path])
        return outcome.status == 0 ? .success(()) : .failure(DaemonTestError("ensure-journald: \(outcome.output)"))
    }()

    /// Records matching every `FIELD=value` given, waiting generously until `condition` holds
    /// for them: journald stores what it receives asynchronously.
    static func records(
        _ matches: [String], until condition: ([[String: Any]]) -> Bool = { !$0.isEmpty }
    ) throws -> [[String: Any]] {
        var found: [[String: Any]] = []
        try Wait.until("journal records matching \(matches)") {
            let outcome = Command.run("/usr/bin/journalctl", ["-o", "json", "--no-pager"] + matches)
            found = outcome.output.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            return condition(found)
        }
        return found
    }
}
