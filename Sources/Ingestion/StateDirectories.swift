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
    }

    deinit {
        for fd in [inbox, processing, outbox, archive, failed] { close(fd) }
    }
}
