/// Everything the ingestion pipeline needs to know, resolved from the configuration file,
/// `ENTITYD_*` environment variables and command-line flags by the `entityd` command.
///
/// Keys (see `Config/entityd.yaml`) and defaults:
/// - `directories.state` (`/var/lib/entityd`): parent of the five directories below
/// - `directories.inbox|processing|outbox|archive|failed` (`<state>/<name>`)
/// - `workers` (CPU count), `queue_capacity` (`workers * 4`)
/// - `max_file_bytes` (10 MiB), `extensions` (`txt md markdown html htm json`)
/// - `processed_input` (`archive` or `delete`), `output_file_mode` (`0640`)
/// - `durable_writes` (`true`: fsync file and directory), `file_time_limit_seconds` (30)
/// - `shutdown_timeout_seconds` (20; below the unit's TimeoutStopSec)
public struct IngestionConfiguration: Sendable, Hashable {
    /// What happens to an input file once its result is in the outbox.
    public enum ProcessedInput: String, Sendable, Hashable, CaseIterable {
        case archive
        case delete
    }

    /// `directories.inbox`: where articles are dropped.
    public var inboxDirectory: String
    /// `directories.processing`: claimed files, per instance.
    public var processingDirectory: String
    /// `directories.outbox`: one JSON result per article.
    public var outboxDirectory: String
    /// `directories.archive`: processed inputs.
    public var archiveDirectory: String
    /// `directories.failed`: quarantined inputs and their `.error.json`.
    public var failedDirectory: String
    /// Number of extraction workers.
    public var workers: Int
    /// Claimed-but-not-yet-processed files held at most; watching pauses claiming beyond it.
    public var queueCapacity: Int
    /// Larger inputs are quarantined without being read.
    public var maxFileBytes: Int
    /// Lower-case file extensions (without the dot) that are processed; others are quarantined.
    public var acceptedExtensions: [String]
    /// `processed_input`: archive or delete inputs once their result is out.
    public var processedInput: ProcessedInput
    /// Permission bits of outbox files (and quarantine records).
    public var outputFileMode: UInt32
    /// fsync each result and its directory before the input is released.
    public var durableWrites: Bool
    /// One article may take at most this long to extract; beyond it the file fails.
    public var fileTimeLimitSeconds: Double
    /// Graceful shutdown waits at most this long for in-flight files.
    public var shutdownTimeoutSeconds: Double

    /// Defaults for the directories under `stateDirectory`.
    public init(stateDirectory: String, workers: Int) {
        self.inboxDirectory = stateDirectory + "/inbox"
        self.processingDirectory = stateDirectory + "/processing"
        self.outboxDirectory = stateDirectory + "/outbox"
        self.archiveDirectory = stateDirectory + "/archive"
        self.failedDirectory = stateDirectory + "/failed"
        self.workers = workers
        self.queueCapacity = workers * 4
        self.maxFileBytes = 10 * 1024 * 1024
        self.acceptedExtensions = ["txt", "md", "markdown", "html", "htm", "json"]
        self.processedInput = .archive
        self.outputFileMode = 0o640
        self.durableWrites = true
        self.fileTimeLimitSeconds = 30
        self.shutdownTimeoutSeconds = 20
    }
}
