import Glibc

/// Gives free heap memory back to the kernel (`malloc_trim(0)`; `malloc.h` is not in the
/// Swift Glibc module, so the function is looked up by name; elsewhere this is a no-op).
///
/// The pipeline calls it when it knows memory was freed and will not be reused soon:
/// before READY (the extractor's load temporaries, ~9 MiB), when it went quiet after
/// processing, and every 1,000 files of a long burst. The arena count and thresholds
/// are set once at start by the executable (`MallocTuning`).
enum HeapTrimmer {
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    private static let mallocTrim: MallocTrim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim").map { unsafeBitCast($0, to: MallocTrim.self) }

    /// Returns free heap pages of every arena to the kernel.
    static func trim() {
        _ = mallocTrim?(0)
    }
}
