import Foundation

/// Where the shared data lives: `$ENTITYD_DATA_DIR`, else `<repository>/../shared/data`,
/// as in CI, where the repository is cloned with shared/ beside it.
public enum SharedData {
    public static var directory: String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["ENTITYD_DATA_DIR"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        // <repository>/Benchmarks/Sources/BenchCorpus/SharedData.swift
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/data").path
    }

    /// The CoNLL-2003 development documents.
    public static func conllDevelopment() throws -> BenchDocuments {
        try BenchDocuments(contentsOfFile: directory + "/conll2003/dev.conll")
    }
}
