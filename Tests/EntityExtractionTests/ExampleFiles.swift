import Foundation

/// The shared example articles: `<repo>/../shared/examples`, or `ENTITYD_EXAMPLES_DIR`.
enum ExampleFiles {
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["ENTITYD_EXAMPLES_DIR"] { return URL(fileURLWithPath: dir) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/examples")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}
