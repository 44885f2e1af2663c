import Glibc
import Logging

extension IngestionPipeline {
    /// Most entries of `processing/` looked at in one recovery pass (the rest wait for the next).
    static let recoveryBatch = 10_000

    /// Finds what crashed instances left in `processing/` and puts it back on its way.
    ///
    /// Only directories whose `flock` can be taken are touched: their owner is dead. A file
    /// whose claim record names a result that exists with the file's SHA-256 was already
    /// published: it is only archived (never written twice). Every other file goes back to
    /// the inbox, where any instance claims it anew. Plain files directly in `processing/`
    /// (no owner at all) go back to the inbox too.
    func recoverLeftovers() {
        var instanceDirectories: [String] = []
        var looseFiles: [String] = []
        try? FileSystem.forEachEntry(in: directories.processing) { raw in
            let name = String(decoding: raw, as: UTF8.self)
            if name == instance.name { return true }
            if name.hasPrefix(InstanceDirectory.prefix) || name.hasPrefix(InstanceDirectory.creatingPrefix) {
                instanceDirectories.append(name)
            } else {
                looseFiles.append(name)
            }
            return instanceDirectories.count + looseFiles.count < Self.recoveryBatch
        }
        for name in looseFiles where !store.returnToInbox(name, from: directories.processing) {
            logger.warning("processing/\(name.debugDescription) cannot go back to the inbox (a file of that name is there); retrying later")
        }
        if !looseFiles.isEmpty { logger.notice("returned \(looseFiles.count) leftover files from processing/ to the inbox") }
        for name in instanceDirectories { recoverInstance(name) }
    }

    private func recoverInstance(_ name: String) {
        let fd = openat(directories.processing, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if name.hasPrefix(InstanceDirectory.creatingPrefix) {
            // A starting instance between mkdir and rename: only long-abandoned ones are dead,
            // and a young one's lock is not even tried, so its own flock never races ours.
            var status = stat()
            guard fstat(fd, &status) == 0, time(nil) - status.st_mtim.tv_sec > 60 else { return }
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return }  // a live instance's
        let records = ClaimRecord.readAll(directory: fd)
        var files: [String] = []
        try? FileSystem.forEachEntry(in: fd) { raw in
            let entry = String(decoding: raw, as: UTF8.self)
            if !entry.hasPrefix(ClaimRecord.prefix) { files.append(entry) }
            return files.count < Self.recoveryBatch
        }
        var published = 0, returned = 0
        for file in files {
            let recorded = records[file] ?? ClaimRecord.recordedOutput(directory: fd, input: file)
            if let recorded, recorded.hasPrefix(ResultStore.failedPrefix), finishQuarantine(file, from: fd, as: String(recorded.dropFirst(ResultStore.failedPrefix.count))) {
                published += 1
            } else if let output = recorded, resultExists(output, for: file, in: fd) {
                do {
                    if configuration.processedInput == .delete {
                        _ = unlinkat(fd, file, 0)
                    } else {
                        try store.moveUniquely(file, from: fd, to: directories.archive, suffix: "", reserve: 0)
                    }
                    published += 1
                } catch {
                    logger.warning("could not archive recovered \(file.debugDescription): \(error)")
                }
            } else if store.returnToInbox(file, from: fd) {
                returned += 1
            } else {
                logger.warning("processing/\(name)/\(file.debugDescription) cannot go back to the inbox yet (a file of that name is there)")
            }
        }
        try? FileSystem.forEachEntry(in: fd) { raw in
            let entry = String(decoding: raw, as: UTF8.self)
            if entry.hasPrefix(ClaimRecord.prefix) { _ = unlinkat(fd, entry, 0) }
            return true
        }
        if unlinkat(directories.processing, name, AT_REMOVEDIR) == 0 || published + returned > 0 {
            logger.notice("recovered processing/\(name) of a stopped instance: \(returned) files back to the inbox, \(published) already published")
        }
    }

    /// Completes a quarantine a crash interrupted: the error record `failed/<target>.error.json`
    /// of this very file exists, the input is not yet beside it.
    private func finishQuarantine(_ file: String, from directory: Int32, as target: String) -> Bool {
        guard let record = ClaimRecord.readSmallFile(directory: directories.failed, name: target + ResultStore.errorSuffix),
              String(decoding: record, as: UTF8.self).contains("\"name\":\(JSONText.string(file))") else { return false }
        do {
            try FileSystem.renameNoReplace(directory, file, directories.failed, target)
            return true
        } catch {
            return false
        }
    }

    /// Whether `outbox/<output>` is the published result of the file (its name, same SHA-256).
    private func resultExists(_ output: String, for file: String, in directory: Int32) -> Bool {
        guard let result = ClaimRecord.readSmallFile(directory: directories.outbox, name: output),
              let bytes = try? ArticleFile.read(directory: directory, name: file, maximumBytes: configuration.maxFileBytes) else { return false }
        // The record is an attribute a producer can set on its own file: the result must be
        // this file's (its name), not only of the same bytes, or a forged record naming an
        // identical earlier article's result would leave this file without one.
        let text = String(decoding: result, as: UTF8.self)
        return text.contains("\"source\":{\"name\":\(JSONText.string(file)),")
            && text.contains("\"sha256\":\"\(SHA256.hexDigest(of: bytes))\"")
    }
}
