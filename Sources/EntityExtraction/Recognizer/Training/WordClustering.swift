import Foundation

/// Distributional word classes learned by the exchange algorithm on the predictive class
/// bigram model (Uszkoreit & Brants 2008): words go to the class that maximizes
/// `Σ N(c, v) log N(c, v) − Σ N(c) log N(c)`, where `N(c, v)` counts word `v` following a
/// word of class `c`. Deterministic: fixed initialization and visiting order.
struct WordClustering {
    /// Word hash of each vocabulary entry, most frequent first.
    let words: [UInt64]
    /// Occurrences of each word id as a predecessor.
    private let predecessorCounts: [Int32]
    /// Successors of word id w: `successors[successorStarts[w]..<successorStarts[w + 1]]`.
    private let successorStarts: [Int]
    private let successors: [Int32]
    private let successorCounts: [Int32]
    /// Ids: vocabulary words, then one id for all rarer words, then the sentence start.
    private var idCount: Int { words.count + 2 }

    /// Counts the vocabulary and the bigrams of `sentences`.
    init(_ sentences: [[Substring]], vocabulary: Int) {
        var frequency: [UInt64: Int32] = [:]
        for sentence in sentences {
            for token in sentence { frequency[FeatureHash.exact(token), default: 0] += 1 }
        }
        let ranked = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        words = ranked.prefix(vocabulary).map(\.key)
        var ids: [UInt64: Int32] = [:]
        for (i, word) in words.enumerated() { ids[word] = Int32(i) }
        let rare = Int32(words.count), start = Int32(words.count + 1)
        var pairs: [UInt64: Int32] = [:]
        var predecessorCounts = [Int32](repeating: 0, count: words.count + 2)
        for sentence in sentences {
            var previous = start
            for token in sentence {
                let id = ids[FeatureHash.exact(token)] ?? rare
                pairs[UInt64(UInt32(previous)) << 32 | UInt64(UInt32(id)), default: 0] += 1
                predecessorCounts[Int(previous)] += 1
                previous = id
            }
        }
        let sortedPairs = pairs.sorted { $0.key < $1.key }
        var starts = [Int](repeating: 0, count: words.count + 3)
        for pair in sortedPairs { starts[Int(pair.key >> 32) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        self.predecessorCounts = predecessorCounts
        successorStarts = starts
        successors = sortedPairs.map { Int32(truncatingIfNeeded: $0.key & 0xFFFF_FFFF) }
        successorCounts = sortedPairs.map(\.value)
    }

    /// Class of every id after `iterations` exchange passes over `classCount` classes.
    func classes(_ classCount: Int, iterations: Int) -> [Int32] {
        let k = classCount, ids = idCount
        var assignment = (0..<ids).map { Int32($0 % k) }
        var joint = [Int32](repeating: 0, count: ids * k)  // joint[v * k + c] = N(c, v)
        var totals = [Int64](repeating: 0, count: k)
        for w in 0..<ids {
            let c = Int(assignment[w])
            totals[c] += Int64(predecessorCounts[w])
            for s in successorStarts[w]..<successorStarts[w + 1] {
                joint[Int(successors[s]) * k + c] += successorCounts[s]
            }
        }
        let table = XLogX(limit: 1 << 20)
        var gain = [Double](repeating: 0, count: k)
        for _ in 0..<iterations {
            for w in 0..<ids {
                let from = Int(assignment[w])
                let range = successorStarts[w]..<successorStarts[w + 1]
                let n = Int64(predecessorCounts[w])
                guard n > 0 else { continue }
                totals[from] -= n
                for s in range { joint[Int(successors[s]) * k + from] -= successorCounts[s] }
                joint.withUnsafeBufferPointer { j in
                    for c in 0..<k { gain[c] = table.value(totals[c]) - table.value(totals[c] + n) }
                    for s in range {
                        let base = Int(successors[s]) * k
                        let count = Int64(successorCounts[s])
                        for c in 0..<k {
                            let current = Int64(j[base + c])
                            gain[c] += table.value(current + count) - table.value(current)
                        }
                    }
                }
                var best = from
                for c in 0..<k where gain[c] > gain[best] + 1e-9 { best = c }
                assignment[w] = Int32(best)
                totals[best] += n
                for s in range { joint[Int(successors[s]) * k + best] += successorCounts[s] }
            }
        }
        return assignment
    }

    /// Lexicon entries: word hash → cluster ids of each size packed 8 + 10 + 14 bits (1-based;
    /// sizes are capped at 255, 1023 and 16383).
    static func packedClusters(_ sentences: [[Substring]], sizes: [Int], vocabulary: Int, iterations: Int,
                               log: (String) -> Void) -> (keys: [UInt64], values: [UInt32]) {
        let clustering = WordClustering(sentences, vocabulary: vocabulary)
        log("clustering: \(clustering.words.count) words, \(clustering.successors.count) distinct bigrams")
        var packed = [UInt32](repeating: 0, count: clustering.words.count)
        let shifts: [UInt32] = [0, 8, 18]
        let limits = [255, 1023, 16383]
        for (level, requested) in sizes.prefix(3).enumerated() {
            let size = min(requested, limits[level])
            let classes = clustering.classes(size, iterations: iterations)
            for w in 0..<clustering.words.count { packed[w] |= UInt32(classes[w] + 1) << shifts[level] }
            log("clustering: \(size) classes done")
        }
        let order = clustering.words.indices.sorted { clustering.words[$0] < clustering.words[$1] }
        return (order.map { clustering.words[$0] }, order.map { packed[$0] })
    }
}

/// `x log x` for counts, tabulated below `limit`.
private struct XLogX {
    private let table: [Double]

    init(limit: Int) {
        table = (0..<limit).map { $0 == 0 ? 0 : Double($0) * log(Double($0)) }
    }

    @inline(__always)
    func value(_ x: Int64) -> Double {
        x < table.count ? table[Int(x)] : Double(x) * log(Double(x))
    }
}
