/// The directories results go to, each with its own storage health.
enum StorageTarget: String, Sendable, Hashable {
    case outbox, failed, archive
}
