/// What happened when the claiming thread tried to claim an inbox name.
enum ClaimOutcome: Equatable {
    case claimed
    /// Not in the inbox (any more): another instance took it, or it was a duplicate event.
    case gone
    /// A writer still has it open; its close will announce it again.
    case beingWritten
    /// Maybe still being written (no lease possible, recently modified): look again later.
    case retryLater
    /// A file of this name is already in flight here; try again when it is released.
    case collision
    case failed(SystemCallError)
}
