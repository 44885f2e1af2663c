import Logging

extension IngestionPipeline {
    /// A worker: takes claimed files until the queue closes.
    func workerLoop() {
        while let file = queue.take() {
            counters.withLock { $0.inFlight += 1 }
            process(file)
            counters.withLock { $0.inFlight -= 1 }
            schedule.post(.released(file.name))
        }
    }

    /// One file from claim to archive (or quarantine). Storage failures are retried with
    /// backoff and never quarantine the file; on shutdown during a retry the file goes
    /// back to the inbox.
    func process(_ file: ClaimedFile) {
        let started = ArticleProcessor.monotonicNow()
        let outcome: Result<ProcessedArticle, ArticleFailure>
        do {
            let bytes = try ArticleFile.read(directory: instance.fd, name: file.name, maximumBytes: configuration.maxFileBytes)
            outcome = .success(try currentProcessor.process(bytes, name: file.name, receivedAt: file.receivedAt))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let article):
            guard let output = retryingStorage(file, returnOnStop: true, { () throws(SystemCallError) -> String in
                try store.publish(article.json, for: file.name, job: file.job)
            }) else { return }
            // Published: on a stop now the file stays with its claim record, and recovery
            // archives it without writing the result again.
            guard retryingStorage(file, returnOnStop: false, { () throws(SystemCallError) -> String in
                try store.release(file.name, job: file.job)
                return ""
            }) != nil else { return }
            let elapsed = Double(ArticleProcessor.monotonicNow() - started) / 1_000_000
            counters.withLock { $0.processed += 1 }
            logger.info("processed \(file.name.debugDescription) → outbox/\(output): \(article.entityCount) entities in \(JSONText.milliseconds(elapsed)) ms", metadata: [
                "ENTITYD_FILE": .string(file.name),
                "ENTITYD_OUTCOME": "processed",
                "ENTITYD_ENTITIES": .stringConvertible(article.entityCount),
                "ENTITYD_ELAPSED_MS": .string(JSONText.milliseconds(elapsed)),
                "ENTITYD_OUTPUT": .string(output),
            ])
        case .failure(let failure) where failure.code == "vanished":
            logger.warning("\(file.name.debugDescription) vanished from processing/ before it was read", metadata: ["ENTITYD_FILE": .string(file.name)])
        case .failure(let failure):
            guard let target = retryingStorage(file, returnOnStop: true, { () throws(SystemCallError) -> String in
                try store.quarantine(file.name, failure: failure, at: Timestamp.now())
            }) else { return }
            let elapsed = Double(ArticleProcessor.monotonicNow() - started) / 1_000_000
            counters.withLock { $0.failed += 1 }
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

    /// Runs `attempt` until it succeeds, waiting with backoff while storage fails; the
    /// condition is logged once when it starts and once when it ends. Returns nil when the
    /// daemon stops first (the file is then returned to the inbox when `returnOnStop`).
    private func retryingStorage(_ file: ClaimedFile, returnOnStop: Bool, _ attempt: () throws(SystemCallError) -> String) -> String? {
        var backoff = Backoff()
        while true {
            do {
                let result = try attempt()
                if case .reportRecovery(let what) = storageHealth.withLock({ $0.succeeded() }) {
                    logger.notice("writing works again (\(what)); resuming")
                }
                return result
            } catch {
                if case .reportFailure = storageHealth.withLock({ $0.failed("\(error.operation.split(separator: " ").first ?? ""): \(error.reason)") }) {
                    logger.error("cannot write results: \(error); inputs wait in processing/ and the inbox until this is fixed",
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
