import Foundation
import Glibc

/// A temporary state directory for one daemon run, with a staging folder on the same
/// filesystem so that articles can be dropped by an atomic rename, as producers should.
struct BenchStateDirectory {
    let root: String
    var inbox: String { root + "/inbox" }
    var outbox: String { root + "/outbox" }
    var failed: String { root + "/failed" }
    var staging: String { root + "/staging" }

    /// Creates `parent/name` afresh with inbox, outbox, failed and staging (the daemon adds the rest).
    init(parent: String, name: String) throws {
        root = parent + "/" + name
        try? FileManager.default.removeItem(atPath: root)
        for directory in [inbox, outbox, failed, staging] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// Writes an article into staging (or straight into the inbox, for a backlog before start).
    func write(_ text: String, named name: String, intoInbox: Bool = false) throws {
        let path = (intoInbox ? inbox : staging) + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw BenchError(code: "write", message: "cannot write \(path)")
        }
    }

    /// Moves a staged article into the inbox by rename.
    func drop(_ name: String) throws {
        guard rename(staging + "/" + name, inbox + "/" + name) == 0 else {
            throw BenchError(code: "rename", message: "\(name): \(String(cString: strerror(errno)))")
        }
    }

    /// Number of entries in a directory (for rescans after an inotify overflow).
    func names(in directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
