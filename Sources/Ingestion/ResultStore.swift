import Glibc

/// Writes results and quarantine records, and moves claimed inputs out of `processing/`.
///
/// Results are written to an unnamed `O_TMPFILE` in the outbox, fsynced, then given their
/// name with `linkat`, which fails rather than replace an existing name: a reader never
/// sees a partial file, a crash leaves no temporary file behind, and an earlier result of
/// the same name is never replaced (the next free name in `BoundedFileName`'s scheme is
/// taken instead). The outbox directory is fsynced after the result is named and before
/// its input is released (`syncOutbox`): off the path a reader waits on, and grouped
/// across publishers (`DirectorySyncGroup`).
final class ResultStore: Sendable {
    let directories: StateDirectories
    let instance: InstanceDirectory
    private let outboxSync: DirectorySyncGroup
    private let failedSync: DirectorySyncGroup
    /// Bytes reserved for `.error.json` after a quarantined file's name.
    static let errorSuffix = ".error.json"
    /// Claim records of quarantined files name their target with this prefix.
    static let failedPrefix = "failed/"

    init(directories: StateDirectories, instance: InstanceDirectory) {
        self.directories = directories
        self.instance = instance
        self.outboxSync = DirectorySyncGroup(directory: directories.outbox, name: "outbox")
        self.failedSync = DirectorySyncGroup(directory: directories.failed, name: "failed")
    }

    private var configuration: IngestionConfiguration { directories.configuration }

    /// Publishes `json` as the result for input `name`; returns the outbox file name. The
    /// name is durable only after `syncOutbox`, which must come before `release`. `input` is
    /// the claimed input's open descriptor when there is one (-1: opened by name).
    func publish(_ json: [UInt8], for name: String, job: UInt64, input: Int32 = -1) throws(SystemCallError) -> String {
        let file = try stage(json)
        defer { file.discard() }
        if configuration.durableWrites { try file.sync() }
        return try link(file, for: name, job: job, input: input)
    }

    /// Writes `json` to an unnamed outbox file, not yet synced: the first half of `publish`
    /// for a batch, which syncs all its files before naming any (`link(_:for:job:input:)`).
    /// The caller discards the file.
    func stage(_ json: [UInt8]) throws(SystemCallError) -> DurableFile {
        let file = try DurableFile(directory: directories.outbox, directoryName: "outbox", mode: configuration.outputFileMode)
        do {
            try file.write(json, durable: false)
        } catch {
            file.discard()
            throw error
        }
        return file
    }

    /// Names a staged result for input `name` (with durable writes it must be synced
    /// first); returns the outbox file name. The claim record is written before the link.
    ///
    /// A name is not looked up before it is tried: `linkat` fails on a taken one, and the
    /// record is then written again for the next name. A crash in between leaves a record
    /// naming another file's result, which recovery does not take for this file's (it
    /// checks the result's source name and SHA-256), so the file is processed again.
    func link(_ file: DurableFile, for name: String, job: UInt64, input: Int32 = -1) throws(SystemCallError) -> String {
        var attempt = 0
        while true {
            let output = BoundedFileName.make(name, suffix: ".json", attempt: attempt)
            attempt += 1
            try ClaimRecord.write(directory: instance.fd, job: job, output: output, input: name, descriptor: input)
            do {
                try file.link(as: output)
            } catch where error.code == EEXIST {
                continue
            }
            return output
        }
    }

    /// Makes the names of the results published so far durable (with durable writes): until
    /// then a power loss may take a result's name, so its input must stay claimed.
    func syncOutbox() throws(SystemCallError) {
        if configuration.durableWrites { try outboxSync.sync() }
    }

    /// Outbox directory fsyncs so far.
    var outboxSyncCount: Int { outboxSync.syncCount }

    /// Moves the processed input to `archive/` (or deletes it) and drops its claim record.
    func release(_ name: String, job: UInt64) throws(SystemCallError) {
        switch configuration.processedInput {
        case .delete:
            if unlinkat(instance.fd, name, 0) != 0, errno != ENOENT { throw SystemCallError("delete processed \(name.debugDescription)") }
        case .archive:
            try moveUniquely(name, to: directories.archive, suffix: "", reserve: 0)
        }
        ClaimRecord.remove(directory: instance.fd, job: job)
    }

    /// Moves the input to `failed/<name>` and writes `failed/<name>.error.json` first, so a
    /// quarantined file always has its reason next to it. The claim record names the
    /// target (`failed/<target>`) before the error record appears, so that recovery after a
    /// crash between the two steps completes the move instead of leaving a lone record.
    func quarantine(_ name: String, failure: ArticleFailure, at time: String, job: UInt64, input: Int32 = -1) throws(SystemCallError) -> String {
        let record = JSONText.object([
            ("error", JSONText.string(failure.message)),
            ("step", JSONText.string(failure.step.rawValue)),
            ("at", JSONText.string(time)),
            ("code", JSONText.string(failure.code)),
            ("name", JSONText.string(name)),
        ]) + "\n"
        var attempt = 0
        while true {
            let target = BoundedFileName.make(name, suffix: "", attempt: attempt, reserve: Self.errorSuffix.utf8.count)
            attempt += 1
            let errorName = target + Self.errorSuffix
            if exists(directories.failed, target) || exists(directories.failed, errorName) { continue }
            let file = try DurableFile(directory: directories.failed, directoryName: "failed", mode: configuration.outputFileMode)
            defer { file.discard() }
            try file.write(Array(record.utf8), durable: configuration.durableWrites)
            try ClaimRecord.write(directory: instance.fd, job: job, output: Self.failedPrefix + target, input: name, descriptor: input)
            do {
                try file.link(as: errorName)
            } catch where error.code == EEXIST {
                continue
            }
            do {
                try FileSystem.renameNoReplace(instance.fd, name, directories.failed, target)
            } catch where error.code == EEXIST {
                _ = unlinkat(directories.failed, errorName, 0)
                continue
            }
            if configuration.durableWrites { try failedSync.sync() }
            ClaimRecord.remove(directory: instance.fd, job: job)
            return target
        }
    }

    /// Puts a claimed but unprocessed file back into the inbox (shutdown); false when a
    /// file of that name arrived meanwhile (it then stays for recovery by the next start).
    func returnToInbox(_ name: String, from directory: Int32) -> Bool {
        do {
            try FileSystem.renameNoReplace(directory, name, directories.inbox, name)
            return true
        } catch {
            return false
        }
    }

    /// Renames `name` from the instance directory into `target` under the first free name.
    func moveUniquely(_ name: String, from source: Int32? = nil, to target: Int32, suffix: String, reserve: Int) throws(SystemCallError) {
        var attempt = 0
        while true {
            let destination = BoundedFileName.make(name, suffix: suffix, attempt: attempt, reserve: reserve)
            attempt += 1
            do {
                try FileSystem.renameNoReplace(source ?? instance.fd, name, target, destination)
                return
            } catch where error.code == EEXIST {
                continue
            }
        }
    }

    private func exists(_ directory: Int32, _ name: String) -> Bool {
        var status = stat()
        return fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0
    }
}
