import Foundation

/// `InboxSchedule` behind a condition variable: the watcher and workers post events, the
/// claiming thread waits for its next action. Also the schedule's clock: recovery every
/// `recoveryInterval`, and `.quiet` once nothing was posted for `quietSeconds`.
final class ScheduleBox: @unchecked Sendable {
    // @unchecked: every stored property is only touched with `condition` held.
    private let condition = NSCondition()
    private var schedule: InboxSchedule
    private var lastRecovery = Date()
    private var lastEvent = Date()
    private var quietReported = true
    /// Idle time after which the schedule hears `.quiet` (long enough that an article
    /// stream never pauses that long between files, short enough to trim soon after a burst).
    static let quietSeconds = 1.0

    init(capacity: Int) {
        schedule = InboxSchedule(capacity: capacity)
    }

    /// Hands an event to the schedule; wakes the claiming thread (and stop-aware sleepers)
    /// only when there is something for them to do.
    func post(_ event: InboxSchedule.Event) {
        post(contentsOf: CollectionOfOne(event))
    }

    /// Hands several events over under one lock (an inotify read's worth).
    func post(contentsOf events: some Sequence<InboxSchedule.Event>) {
        condition.lock()
        for event in events { schedule.handle(event) }
        lastEvent = Date()
        quietReported = false
        if schedule.hasWork { condition.broadcast() }
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
            if !quietReported, lastEvent.timeIntervalSinceNow < -Self.quietSeconds {
                quietReported = true
                schedule.handle(.quiet)
            }
            let action = schedule.nextAction()
            if action != .wait { return action }
            var deadline = lastRecovery.addingTimeInterval(recoveryInterval)
            if !quietReported { deadline = min(deadline, lastEvent.addingTimeInterval(Self.quietSeconds)) }
            _ = condition.wait(until: deadline)
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
