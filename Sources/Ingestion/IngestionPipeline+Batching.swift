import Logging

extension IngestionPipeline {
    /// Most results a publisher takes off the queue and publishes together.
    static let publishBatchLimit = 16
    /// A publisher that finds fewer results waiting gathers up to this many first...
    static let publishBatchGathering = 16
    /// ...for at most this long. Their results are visible a little later (in a burst only:
    /// an idle daemon's worker publishes inline), and their inputs leave processing/ later.
    static let publishGatheringSeconds = 0.008

    /// A publisher: takes the results that wait (up to `publishBatchLimit`, gathering a few
    /// when fewer wait) and publishes them together (`publishBatch`). Publishing waits on
    /// fsync, so results pile up while it runs and the next batch takes them all; when the
    /// workers are the bottleneck (the model busy), results come one by one and gathering
    /// batches them: either way fewer hand-offs, wake-ups and directory fsyncs per file.
    func publisherLoop() {
        while case let batch = results.take(upTo: Self.publishBatchLimit, gathering: Self.publishBatchGathering, for: Self.publishGatheringSeconds),
              !batch.isEmpty {
            publishingBatches.add(1, ordering: .relaxed)
            publishBatch(batch)
            publishingBatches.subtract(1, ordering: .relaxed)
        }
    }

    /// Publishes several prepared files, each with the guarantee of `publish`: its result
    /// is named only once its data is on stable storage, and its input leaves processing/
    /// only once that name is too. In between, the batch shares the waiting: every result
    /// is written and its writeback started first, then each is fsynced (mostly finding its
    /// write done, and the inode table block its siblings share already written), then all
    /// are named, then one outbox directory fsync makes the names durable, then the inputs
    /// are released. Quarantines, and results whose writing fails
    /// before they have a name, take the one-by-one path with its storage retries.
    func publishBatch(_ batch: [PreparedFile]) {
        typealias Staged = (prepared: PreparedFile, article: ProcessedArticle, file: DurableFile)
        let durable = configuration.durableWrites
        var staged: [Staged] = []
        var oneByOne: [PreparedFile] = []
        for prepared in batch {
            guard case .success(let article) = prepared.outcome, let file = try? store.stage(article.json) else {
                oneByOne.append(prepared)
                continue
            }
            staged.append((prepared, article, file))
        }
        // The last file's fsync comes right after; only the others gain by a head start.
        if durable { for entry in staged.dropLast() { entry.file.startWriteback() } }
        // All syncs before any link: a link updates its inode, which dirties the inode table
        // block the next file's fsync would then write again (files made together share it).
        var synced: [Staged] = []
        for entry in staged {
            if durable, (try? entry.file.sync()) == nil {
                entry.file.discard()
                oneByOne.append(entry.prepared)
            } else {
                synced.append(entry)
            }
        }
        var named: [(prepared: PreparedFile, article: ProcessedArticle, output: String)] = []
        for (prepared, article, file) in synced {
            defer { file.discard() }
            do {
                let output = try store.link(file, for: prepared.file.name, job: prepared.file.job, input: prepared.descriptor)
                named.append((prepared, article, output))
            } catch {
                oneByOne.append(prepared)
            }
        }
        if let first = named.first {
            // Visible now; on a stop during the retry they stay claimed with their records,
            // and recovery archives them without writing them again.
            let namesDurable = retryingStorage(first.prepared.file, .outbox, returnOnStop: false, { () throws(SystemCallError) -> String in
                try store.syncOutbox()
                return ""
            }) != nil
            if namesDurable {
                for (prepared, article, output) in named {
                    released(prepared.file, output: output, entityCount: article.entityCount, started: prepared.started)
                }
            }
            finish(named.map(\.prepared))
        }
        for prepared in oneByOne { complete(prepared) }
    }
}
