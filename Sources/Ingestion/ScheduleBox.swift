import Foundation

/// `InboxSchedule` behind a condition variable: the watcher and workers post events, the
/// claiming thread waits for its next action.
final class ScheduleBox: @unchecked Sendable {
    // @unchecked: `schedule` is only touched with `condition` held.
    private let condition = NSCondition()
    private var schedule: InboxSchedule
    private var lastRecovery = Date()

    init(capacity: Int) {
        schedule = InboxSchedule(capacity: capacity)
    }

    func post(_ event: InboxSchedule.Event) {
        condition.lock()
        schedule.handle(event)
        condition.broadcast()
        condition.unlock()
    }

    var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return schedule.state == .stopping
    }

    /// The next action; every `recoveryInterval` seconds, busy or idle, recovery becomes due.
    func next(recoveryInterval: Double) -> InboxSchedule.Action {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if lastRecovery.timeIntervalSinceNow < -recoveryInterval {
                lastRecovery = Date()
                schedule.handle(.recoveryDue)
            }
            let action = schedule.nextAction()
            if action != .wait { return action }
            _ = condition.wait(until: lastRecovery.addingTimeInterval(recoveryInterval))
        }
    }

    /// Sleeps up to `seconds`, returning early (true) when a stop was requested.
    func sleep(seconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        while schedule.state != .stopping {
            if !condition.wait(until: deadline) { break }
        }
        return schedule.state == .stopping
    }
}
