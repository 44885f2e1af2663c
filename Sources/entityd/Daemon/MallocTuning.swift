#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings for a long-running daemon, set in code so that they hold however
/// entityd is started (the unit's environment is not the only way to run it).
///
/// Why: glibc gives each thread that allocates its own arena (up to 8 per core) and raises
/// its mmap and trim thresholds as large blocks are freed, so after a backlog the freed
/// memory stays resident in many arenas: measured RSS grew 40 → 55 MiB over 6,000 articles
/// with a constant live heap of ~18 MiB (heaptrack). Freed memory is handed back by the
/// pipeline itself when it goes quiet or every 1,000 files (`Ingestion.HeapTrimmer`).
enum MallocTuning {
    // <malloc.h> is not in Swift's Glibc module; these are its `mallopt` parameters.
    private static let arenaMax: Int32 = -8  // M_ARENA_MAX
    private static let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
    private static let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD

    /// At most one arena per worker (at least 2); blocks of 128 KiB and more mapped and
    /// unmapped on free; free heap tops above 128 KiB returned (both fixed, not adaptive).
    static func configure(workers: Int) {
        guard let mallopt = function("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self) else { return }
        _ = mallopt(arenaMax, Int32(clamping: max(2, workers)))
        _ = mallopt(mmapThreshold, 128 * 1024)
        _ = mallopt(trimThreshold, 128 * 1024)
    }

    /// A glibc function looked up at run time (absent on other C libraries: then nil).
    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }
}
