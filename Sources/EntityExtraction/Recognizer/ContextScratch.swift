/// Per-token buffers of `FeatureExtractor.extractContext`, kept by a tagger across documents.
/// Raw storage that only grows: the extraction reads and writes it element by element, where
/// array checks would cost more than the work.
final class ContextScratch {
    /// Per token of the document: lowercase hash and short shape hash (token t of sentence s
    /// at `t + 1 + 2s`, a value for outside the sentence on either side), one-token gazetteer
    /// entry, capitalization prior, gazetteer marks (token t at t).
    private(set) var lowers: UnsafeMutablePointer<UInt64>
    private(set) var shapes: UnsafeMutablePointer<UInt64>
    private(set) var singles: UnsafeMutablePointer<UInt32>
    private(set) var priors: UnsafeMutablePointer<UInt32>
    private(set) var marks: UnsafeMutablePointer<UInt32>
    /// Per sentence, bigram hashes of adjacent lowercase forms: entry i pairs token i - 1
    /// (or the sentence start) with token i (or the sentence end), i = 0...n.
    private(set) var pairs: UnsafeMutablePointer<UInt64>
    private var capacity = 0, paddedCapacity = 0

    init() {
        lowers = .allocate(capacity: 2)
        shapes = .allocate(capacity: 2)
        singles = .allocate(capacity: 1)
        priors = .allocate(capacity: 1)
        marks = .allocate(capacity: 1)
        pairs = .allocate(capacity: 2)
        capacity = 1
        paddedCapacity = 2
    }

    deinit {
        lowers.deallocate()
        shapes.deallocate()
        free()
    }

    /// Makes room for a document of `tokens` tokens in `sentences` sentences (contents are not kept).
    func reserve(_ tokens: Int, sentences: Int) {
        let padded = tokens + 2 * sentences
        if padded > paddedCapacity {
            lowers.deallocate()
            shapes.deallocate()
            paddedCapacity = max(padded, 2 * paddedCapacity)
            lowers = .allocate(capacity: paddedCapacity)
            shapes = .allocate(capacity: paddedCapacity)
        }
        guard tokens > capacity else { return }
        free()
        capacity = max(tokens, 2 * capacity)
        singles = .allocate(capacity: capacity)
        priors = .allocate(capacity: capacity)
        marks = .allocate(capacity: capacity)
        pairs = .allocate(capacity: capacity + 1)
    }

    private func free() {
        singles.deallocate()
        priors.deallocate()
        marks.deallocate()
        pairs.deallocate()
    }
}
