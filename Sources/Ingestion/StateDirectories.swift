import Glibc

/// The five directories, created when missing and held open for `*at` calls, so that a
/// directory renamed away later cannot redirect writes.
final class StateDirectories: Sendable {
    let inbox: Int32
    let processing: Int32
    let outbox: Int32
    let archive: Int32
    let failed: Int32
    let configuration: IngestionConfiguration

    init(_ configuration: IngestionConfiguration) throws(SystemCallError) {
        self.configuration = configuration
        for path in [configuration.inboxDirectory, configuration.processingDirectory, configuration.outboxDirectory,
                     configuration.archiveDirectory, configuration.failedDirectory] {
            try FileSystem.createDirectories(path)
        }
        inbox = try FileSystem.openDirectory(configuration.inboxDirectory)
        processing = try FileSystem.openDirectory(configuration.processingDirectory)
        outbox = try FileSystem.openDirectory(configuration.outboxDirectory)
        archive = try FileSystem.openDirectory(configuration.archiveDirectory)
        failed = try FileSystem.openDirectory(configuration.failedDirectory)
        try Self.requireOneFileSystem([("inbox", inbox), ("processing", processing), ("archive", archive), ("failed", failed)])
    }

    /// Claims, archiving and quarantine are renames, which only work within one file system;
    /// a configuration that splits them would leave every file stuck, so it is refused.
    private static func requireOneFileSystem(_ directories: [(String, Int32)]) throws(SystemCallError) {
        var devices: [(String, dev_t)] = []
        for (name, fd) in directories {
            var status = stat()
            guard fstat(fd, &status) == 0 else { throw SystemCallError("stat \(name)/") }
            devices.append((name, status.st_dev))
        }
        if let other = devices.first(where: { $0.1 != devices[0].1 }) {
            throw SystemCallError("use \(devices[0].0)/ and \(other.0)/ together: they must be on one file system (files move between them by rename)", code: EXDEV)
        }
    }

    deinit {
        for fd in [inbox, processing, outbox, archive, failed] { close(fd) }
    }
}
