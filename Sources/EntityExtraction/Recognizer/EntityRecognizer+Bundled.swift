import Foundation

extension EntityRecognizer {
    /// File name of the model shipped in the package resources.
    public static let bundledModelFileName = "entityd-ner.model"
    /// SwiftPM's resource bundle directory for this target.
    static let resourceBundleName = "entityd_EntityExtraction.resources"

    /// Loads the model shipped in the resource bundle next to the running executable.
    ///
    /// Never uses `Bundle.module`, whose generated accessor traps when the bundle is missing
    /// (as for an installed binary); looks beside `Bundle.main` and beside the resolved
    /// executable instead, and names every path tried when none holds the model.
    public static func bundled() throws -> EntityRecognizer {
        var tried: [String] = []
        for directory in resourceSearchDirectories() {
            let candidates = [
                directory.appendingPathComponent(resourceBundleName).appendingPathComponent("Resources"),
                directory.appendingPathComponent(resourceBundleName),
            ]
            for folder in candidates {
                let file = folder.appendingPathComponent(bundledModelFileName)
                tried.append(file.path)
                if let data = FileManager.default.contents(atPath: file.path) {
                    return try EntityRecognizer(modelBytes: [UInt8](data))
                }
            }
        }
        throw RecognizerError(.modelNotFound, "bundled model not found; tried: " + tried.joined(separator: ", "))
    }

    private static func resourceSearchDirectories() -> [URL] {
        var directories: [URL] = []
        directories.append(Bundle.main.bundleURL)
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL {
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var seen = Set<String>()
        return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
