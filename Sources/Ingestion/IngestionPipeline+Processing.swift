import Glibc
import Logging

extension IngestionPipeline {
    /// A worker: reads and extracts claimed files until the queue closes. When the daemon is
    /// otherwise idle it publishes the outcome itself (`publishesInline`): handing it to a
    /// publisher would only add a thread wake-up (and on a busy machine a wait for a CPU) to
    /// the latency. Otherwise the publishers take it (in batches), so that fsync waits never
    /// idle the worker. The last worker to end lets the publishers drain and end.
    func workerLoop() {
        while let file = queue.take() {
            inFlightCount.add(1, ordering: .relaxed)
            let prepared = prepare(file)
            if Self.publishesInline(claimedWaiting: queue.count, resultsWaiting: results.count,
                                    batchesPublishing: publishingBatches.load(ordering: .relaxed)) {
                complete(prepared)
            } else if !results.put(prepared) {
                prepared.closeDescriptor()
                // Only on an abnormal end; the file is still claimed, recovery finds it.
                logger.warning("\(file.name.debugDescription) was extracted but not published before the stop")
            }
        }
        if activeWorkers.subtract(1, ordering: .relaxed).newValue == 0 { results.finish() }
    }

    /// Whether a worker publishes its result itself: only when nothing else is under way.
    /// With claimed files waiting, or results waiting for or being published by publishers,
    /// a burst is on: the worker hands the result over and extracts on. (A worker that
    /// published inline whenever its queue was empty for a moment, e.g. while the claiming
    /// thread waited for a CPU, blocked on two fsyncs, one of them the directory's, for about
    /// a third of a burst's files.)
    static func publishesInline(claimedWaiting: Int, resultsWaiting: Int, batchesPublishing: Int) -> Bool {
        claimedWaiting == 0 && resultsWaiting == 0 && batchesPublishing == 0
    }

    /// Publishes one prepared file and lets the schedule know its name is free again.
    func complete(_ prepared: PreparedFile) {
        publish(prepared)
        finish([prepared])
    }

    /// Ends files' way through the pipeline: closes their inputs, frees their names.
    func finish(_ files: [PreparedFile]) {
        for prepared in files { prepared.closeDescriptor() }
        inFlightCount.subtract(files.count, ordering: .relaxed)
        schedule.post(contentsOf: files.lazy.map { .released($0.file.name) })
    }

    /// Reads and extracts one claimed file.
    func prepare(_ file: ClaimedFile) -> PreparedFile {
        let started = ArticleProcessor.monotonicNow()
        let outcome: Result<ProcessedArticle, ArticleFailure>
        var descriptor: Int32 = -1
        do throws(ArticleFailure) {
            do throws(ArticleFailure) {
                try requireAcceptedExtension(file.name)
            } catch {
                // Quarantined unread: the claim's descriptor is not needed.
                if file.descriptor >= 0 { close(file.descriptor) }
                throw error
            }
            let read = try ArticleFile.readClaimed(descriptor: file.descriptor, directory: instance.fd, name: file.name, maximumBytes: configuration.maxFileBytes)
            descriptor = read.descriptor
            outcome = .success(try currentProcessor.process(read.bytes, name: file.name, receivedAt: file.receivedAt))
        } catch {
            outcome = .failure(error)
        }
        return PreparedFile(file: file, outcome: outcome, started: started, descriptor: descriptor)
    }

    /// Takes one prepared file to the outbox and archive (or to quarantine). Storage
    /// failures are retried with backoff and never quarantine the file; on shutdown during
    /// a retry the file goes back to the inbox.
    func publish(_ prepared: PreparedFile) {
        let file = prepared.file, started = prepared.started
        switch prepared.outcome {
        case .success(let article):
            guard let output = retryingStorage(file, .outbox, returnOnStop: true, { () throws(SystemCallError) -> String in
                try store.publish(article.json, for: file.name, job: file.job, input: prepared.descriptor)
            }) else { return }
            // The result is visible now; its name becomes durable before the input leaves.
            guard retryingStorage(file, .outbox, returnOnStop: false, { () throws(SystemCallError) -> String in
                try store.syncOutbox()
                return output
            }) != nil else { return }
            released(file, output: output, entityCount: article.entityCount, started: started)
        case .failure(let failure) where failure.code == "vanished":
            logger.warning("\(file.name.debugDescription) vanished from processing/ before it was read", metadata: ["ENTITYD_FILE": .string(file.name)])
        case .failure(let failure):
            guard let target = retryingStorage(file, .failed, returnOnStop: true, { () throws(SystemCallError) -> String in
                try store.quarantine(file.name, failure: failure, at: Timestamp.now(), job: file.job, input: prepared.descriptor)
            }) else { return }
            let elapsed = Double(ArticleProcessor.monotonicNow() - started) / 1_000_000
            failedCount.add(1, ordering: .relaxed)
            logger.error("failed \(file.name.debugDescription) at \(failure.step.rawValue): \(failure.message); moved to failed/\(target)", metadata: [
                "ENTITYD_FILE": .string(file.name),
                "ENTITYD_OUTCOME": "failed",
                "ENTITYD_ENTITIES": "0",
                "ENTITYD_ELAPSED_MS": .string(JSONText.milliseconds(elapsed)),
                "ENTITYD_ERROR": .string(failure.description),
                "ENTITYD_ERROR_CODE": .string(failure.code),
            ])
        }
    }

    /// Moves a published file's input out of processing/ and logs it; its result's name
    /// must be durable already. On a stop during a storage retry the file stays with its
    /// claim record, and recovery archives it without writing the result again.
    func released(_ file: ClaimedFile, output: String, entityCount: Int, started: UInt64) {
        guard retryingStorage(file, .archive, returnOnStop: false, { () throws(SystemCallError) -> String in
            try store.release(file.name, job: file.job)
            return ""
        }) != nil else { return }
        let elapsed = JSONText.milliseconds(Double(ArticleProcessor.monotonicNow() - started) / 1_000_000)
        processedCount.add(1, ordering: .relaxed)
        logger.info("processed \(file.name.debugDescription) → outbox/\(output): \(entityCount) entities in \(elapsed) ms", metadata: [
            "ENTITYD_FILE": .string(file.name),
            "ENTITYD_OUTCOME": "processed",
            "ENTITYD_ENTITIES": .stringConvertible(entityCount),
            "ENTITYD_ELAPSED_MS": .string(elapsed),
            "ENTITYD_OUTPUT": .string(output),
        ])
    }

    /// Only the configured extensions are read; anything else is quarantined unread.
    private func requireAcceptedExtension(_ name: String) throws(ArticleFailure) {
        let dot = name.lastIndex(of: ".")
        let fileExtension = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        guard dot != nil, configuration.acceptedExtensions.contains(fileExtension) else {
            throw ArticleFailure(step: .read, code: "unsupported_format",
                                 message: "the extension of \(name.debugDescription) is not one of \(configuration.acceptedExtensions.joined(separator: ", "))")
        }
    }

    /// Runs `attempt` until it succeeds, waiting with backoff while storage fails; the
    /// condition is logged once when it starts and once when it ends. Returns nil when the
    /// daemon stops first (the file is then returned to the inbox when `returnOnStop`).
    func retryingStorage(_ file: ClaimedFile, _ target: StorageTarget, returnOnStop: Bool, _ attempt: () throws(SystemCallError) -> String) -> String? {
        var backoff = Backoff()
        while true {
            do {
                let result = try attempt()
                // Only a failing target needs the lock (most calls: none is failing).
                if storageTroubles.load(ordering: .relaxed) > 0, case .reportRecovery(let what) = storageHealth.withLock({ health in
                    let action = health[target, default: StorageHealth()].succeeded()
                    if case .reportRecovery = action { storageTroubles.subtract(1, ordering: .relaxed) }
                    return action
                }) {
                    logger.notice("writing works again (\(what)); resuming")
                }
                return result
            } catch {
                if case .reportFailure = storageHealth.withLock({ health in
                    if health[target, default: StorageHealth()].state == .healthy { storageTroubles.add(1, ordering: .relaxed) }
                    return health[target, default: StorageHealth()].failed("\(target.rawValue)/: \(error.reason)")
                }) {
                    logger.error("cannot write results to \(target.rawValue)/: \(error); inputs wait in processing/ and the inbox until this is fixed",
                                 metadata: ["ENTITYD_ERROR": .string(error.description), "ENTITYD_FILE": .string(file.name)])
                }
                if schedule.sleep(seconds: backoff.delay()) {
                    guard returnOnStop else { return nil }
                    if !store.returnToInbox(file.name, from: instance.fd) {
                        logger.warning("could not return \(file.name.debugDescription) to the inbox; the next start recovers it")
                    }
                    ClaimRecord.remove(directory: instance.fd, job: file.job)
                    return nil
                }
            }
        }
    }
}
