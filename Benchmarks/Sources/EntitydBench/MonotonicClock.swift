import Glibc

/// Nanosecond readings of CLOCK_MONOTONIC and of the calling thread's CPU time.
///
/// Plain integers keep the measuring loops free of allocation and of Duration arithmetic.
enum MonotonicClock {
    /// Wall time on the monotonic clock, in nanoseconds.
    static func now() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    /// CPU time consumed by the calling thread, in nanoseconds: immune to the other core's load.
    static func threadCPU() -> UInt64 {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
