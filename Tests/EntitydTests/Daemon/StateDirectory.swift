import Foundation
import Glibc

/// A temporary state directory (`inbox/ processing/ outbox/ archive/ failed/` once a daemon
/// ran on it) with helpers to drop files the ways producers do.
final class StateDirectory {
    let root: String
    var path: String { root + "/state" }

    init() {
        var template = Array((NSTemporaryDirectory() + "/entityd-e2e-XXXXXX").utf8CString)
        root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        mkdir(path, 0o755)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes `inbox/.name.tmp` and renames it to `inbox/name`, as a careful producer does.
    func drop(_ name: String, _ contents: String) {
        drop(name, Data(contents.utf8))
    }

    func drop(_ name: String, _ contents: Data) {
        mkdir(path + "/inbox", 0o755)
        let temporary = path + "/inbox/.\(UUID().uuidString).tmp"
        _ = FileManager.default.createFile(atPath: temporary, contents: contents)
        rename(temporary, path + "/inbox/" + name)
    }

    func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + directory)) ?? []).sorted()
    }

    /// Every file below `processing/`, in instance directories or not.
    func filesInProcessing() -> [String] {
        (FileManager.default.enumerator(atPath: path + "/processing")?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix("instance-") || $0.contains("/") }
    }

    func json(_ relative: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: path + "/" + relative) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// The outbox results' `source.name`s (each result parsed as JSON).
    func resultSourceNames() -> [String] {
        names("outbox").compactMap { (json("outbox/" + $0)?["source"] as? [String: Any])?["name"] as? String }.sorted()
    }
}
