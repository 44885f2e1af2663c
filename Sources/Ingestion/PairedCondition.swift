import Glibc

/// One mutex with two (or three) condition variables, so that a waker can wake exactly one
/// waiter of the kind that can proceed (a taker when an item arrives, a putter when room
/// appears, a gathering taker when its batch is full).
/// `NSCondition` has a single condition per mutex: waking "the right one" then takes a
/// broadcast, which on a 2-core machine costs a context switch for every idle thread
/// (16 publishers) on every item.
final class PairedCondition: @unchecked Sendable {
    // @unchecked: the pthread objects are only used through their own locking rules.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private static let count = 3

    /// Which of the two conditions.
    enum Kind: Int {
        case first = 0
        case second = 1
        case third = 2
    }

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        conditions = .allocate(capacity: Self.count)
        conditions.initialize(repeating: pthread_cond_t(), count: Self.count)
        for index in 0..<Self.count { pthread_cond_init(conditions + index, nil) }
    }

    deinit {
        for index in 0..<Self.count { pthread_cond_destroy(conditions + index) }
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Waits on one condition; the lock must be held (it is held again on return).
    func wait(_ kind: Kind) { pthread_cond_wait(conditions + kind.rawValue, mutex) }

    /// Waits on one condition until woken or `deadline` (CLOCK_REALTIME) passes; false when
    /// the deadline passed. The lock must be held.
    func wait(_ kind: Kind, until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(conditions + kind.rawValue, mutex, &deadline) == 0
    }

    /// The CLOCK_REALTIME time `seconds` from now, for `wait(_:until:)`.
    static func deadline(secondsFromNow seconds: Double) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let total = Int(now.tv_nsec) + Int(seconds * 1e9)
        return timespec(tv_sec: now.tv_sec + total / 1_000_000_000, tv_nsec: total % 1_000_000_000)
    }

    /// Wakes one waiter of `kind`.
    func signal(_ kind: Kind) { pthread_cond_signal(conditions + kind.rawValue) }

    /// Wakes every waiter of `kind`.
    func broadcast(_ kind: Kind) { pthread_cond_broadcast(conditions + kind.rawValue) }
}
