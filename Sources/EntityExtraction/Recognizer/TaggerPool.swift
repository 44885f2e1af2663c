import Foundation

/// Idle `DocumentTagger`s kept between documents: a fresh tagger regrows some twenty buffers
/// (feature keys, word vectors, Viterbi tables) on every document, a reused one allocates
/// nothing once they fit. Tagging never depends on what a buffer held before (each sentence
/// already reuses them), so a reused tagger labels exactly as a fresh one.
final class TaggerPool: @unchecked Sendable {
    // @unchecked: `idle` is only read or written under `lock`.
    private let lock = NSLock()
    private var idle: [DocumentTagger] = []
    /// At most this many taggers are kept: about one per thread tagging at the same time.
    private static let capacity = 8
    /// A tagger that has just tagged more tokens than this is dropped instead: its grown buffers
    /// would pin memory for documents that rarely come.
    static let largestKeptDocument = 2048

    /// An idle tagger, or nil when there is none.
    func take() -> DocumentTagger? {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast()
    }

    /// Keeps `tagger` for a later document, if there is room.
    func put(_ tagger: DocumentTagger) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < Self.capacity { idle.append(tagger) }
    }
}
