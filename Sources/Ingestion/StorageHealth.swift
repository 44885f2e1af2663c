/// Whether the outbox and quarantine can be written, so that a storage condition (disk
/// full, read-only, permissions) is logged once when it starts and once when it ends,
/// not once per file per retry.
struct StorageHealth {
    enum State: Equatable {
        case healthy
        /// Failing since the first failure of this kind (`what`: directory and errno).
        case failing(what: String)
    }

    enum Action: Equatable {
        case none
        /// A new condition: log it (error level).
        case reportFailure(String)
        /// Writes work again after `String`: log it (notice level).
        case reportRecovery(String)
    }

    private(set) var state = State.healthy

    mutating func failed(_ what: String) -> Action {
        if state == .failing(what: what) { return .none }
        state = .failing(what: what)
        return .reportFailure(what)
    }

    mutating func succeeded() -> Action {
        guard case .failing(let what) = state else { return .none }
        state = .healthy
        return .reportRecovery(what)
    }
}
