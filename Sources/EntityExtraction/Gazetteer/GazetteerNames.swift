import Foundation

/// The names of one gazetteer table as one UTF-8 blob, ordered by their FNV-1a hash so that
/// a name is found by binary search without a `String` or `Dictionary` entry per name.
///
/// Why not `[String: Record]`: building 41,000 dictionary entries of `String`s at every start
/// cost ~600 M instructions and several MiB of heap; this index is a few flat arrays.
struct GazetteerNames: Sendable {
    private let bytes: [UInt8]
    /// `ends[i]` is where name `i` ends in `bytes` (it starts at `ends[i - 1]`, or 0).
    private let ends: [UInt32]
    /// The hash of every name, non-decreasing: the order of the table.
    private let hashes: [UInt64]

    /// Names back to back in `bytes` (UTF-8, NFC), with their byte lengths; throws unless
    /// they are ordered by `hash`, as `scripts/build-gazetteer` writes them.
    ///
    /// Not validated as UTF-8 (that alone cost more than the rest of the load): a damaged
    /// byte almost surely breaks the hash order, and `name(at:)` decodes with repair anyway.
    init(bytes: [UInt8], lengths: [UInt8], table: String) throws {
        guard lengths.reduce(0, { $0 + Int($1) }) == bytes.count else {
            throw ExtractionError(.resourceCorrupt, "gazetteer \(table) names do not match their lengths")
        }
        var ends: [UInt32] = []
        var hashes: [UInt64] = []
        ends.reserveCapacity(lengths.count)
        hashes.reserveCapacity(lengths.count)
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            for length in lengths {
                let end = start + Int(length)
                hashes.append(Self.hash(UnsafeBufferPointer(rebasing: buffer[start..<end])))
                ends.append(UInt32(end))
                start = end
            }
        }
        guard zip(hashes, hashes.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw ExtractionError(.resourceCorrupt, "gazetteer \(table) names are not in hash order (regenerate it with scripts/build-gazetteer)")
        }
        self.bytes = bytes
        self.ends = ends
        self.hashes = hashes
    }

    /// How many names.
    var count: Int { ends.count }

    /// Name `i` as a `String` (made on demand: the table holds none).
    func name(at i: Int) -> String {
        String(decoding: bytes[range(at: i)], as: UTF8.self)
    }

    /// The position of `name`, compared as Swift compares strings (canonical equivalence).
    func index(of name: String) -> Int? {
        // The stored names are NFC; Swift's `==` treats NFC and NFD spellings as equal, so
        // a non-ASCII query is normalized first to find the same entries a Dictionary would.
        var key = name.utf8.allSatisfy({ $0 < 0x80 }) ? name : name.precomposedStringWithCanonicalMapping
        return key.withUTF8 { query in
            let h = Self.hash(query)
            var low = 0
            var high = hashes.count
            while low < high {
                let middle = (low + high) / 2
                if hashes[middle] < h { low = middle + 1 } else { high = middle }
            }
            var i = low
            while i < hashes.count && hashes[i] == h {
                if bytes[range(at: i)].elementsEqual(query) { return i }
                i += 1
            }
            return nil
        }
    }

    private func range(at i: Int) -> Range<Int> {
        (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
    }

    /// FNV-1a, 64 bits, over UTF-8 bytes: `scripts/build-gazetteer` orders the names by it.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
