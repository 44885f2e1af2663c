import Glibc

/// glibc heap tuning for a long-running daemon (`malloc.h` is not in the Swift Glibc
/// module, so the functions are looked up by name; elsewhere these are no-ops).
///
/// Why: glibc gives each thread that allocates an arena of its own (up to 8 per core) and
/// keeps freed memory in them. With 2 workers and 16 publishers that made RSS climb by
/// several MiB over a backlog and never come back; and the model load's temporaries stayed
/// in the heap after start-up (about 9 MiB). Two arenas keep the workers from contending
/// on one lock, and a trim when the daemon goes idle gives the freed pages back.
enum HeapTrimmer {
    private typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// `M_ARENA_MAX` from malloc.h.
    private static let arenaMaximum: Int32 = -8

    private static let mallopt: MallOpt? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt").map { unsafeBitCast($0, to: MallOpt.self) }
    private static let mallocTrim: MallocTrim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim").map { unsafeBitCast($0, to: MallocTrim.self) }

    /// Caps the number of malloc arenas; threads created later share them. Honours an
    /// explicit `MALLOC_ARENA_MAX` in the environment (the operator's choice wins).
    static func limitArenas(to count: Int32) {
        guard getenv("MALLOC_ARENA_MAX") == nil else { return }
        _ = mallopt?(arenaMaximum, count)
    }

    /// Returns free heap pages of every arena to the kernel.
    static func trim() {
        _ = mallocTrim?(0)
    }
}
