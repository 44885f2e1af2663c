import Foundation

/// Finds files of the package's resource bundle beside the running executable.
///
/// Not `Bundle.module`: its generated accessor traps when the bundle is missing (as for an
/// installed binary), where an error naming the paths tried is what a user needs.
enum BundledResource {
    static let bundleName = "entityd_EntityExtraction.resources"

    /// The bytes of resource `name`, or an error naming every path tried.
    static func data(named name: String) throws -> Data {
        Data(try bytes(named: name))
    }

    /// The bytes of resource `name` read straight into an array: no `Data` to copy from
    /// (the model is 6 MB; that copy cost ~5 ms and 6 MiB of peak memory at every start).
    static func bytes(named name: String) throws -> [UInt8] {
        var tried: [String] = []
        for directory in searchDirectories() {
            for folder in [directory.appendingPathComponent(bundleName).appendingPathComponent("Resources"),
                           directory.appendingPathComponent(bundleName)] {
                let file = folder.appendingPathComponent(name)
                tried.append(file.path)
                if let bytes = readFile(file.path) { return bytes }
            }
        }
        throw ExtractionError(.resourceMissing, "resource \(name) not found; tried: " + tried.joined(separator: ", "))
    }

    /// The whole file, or nil when it cannot be opened or read.
    private static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let n = read(fd, buffer.baseAddress! + initialized, size - initialized)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failed = n < 0; break }
                initialized += n
            }
        }
        return failed || bytes.count != size ? nil : bytes
    }

    private static func searchDirectories() -> [URL] {
        var directories = [Bundle.main.bundleURL]
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
