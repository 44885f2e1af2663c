/// First-order Viterbi over BILOU labels with hard well-formedness constraints, plus
/// max-marginals for span confidences. Buffers are reused across sentences.
///
/// Only allowed moves are visited (BILOU leaves 97 of the 289 pairs over four types), in the
/// dense blocks of `ViterbiMoves`. The forward pass keeps no back-pointers: the backtrace
/// recomputes the few best moves it needs. Scores are added in the same order as the plain
/// recurrences, so results are bit-identical to them.
struct ViterbiDecoder {
    static let impossible: Float = -1e30

    let labelCount: Int
    /// Blocks of labels sharing their allowed predecessors (members = targets).
    private var into: ViterbiMoves
    /// Blocks of labels sharing their allowed successors (members = sources).
    private var outOf: ViterbiMoves
    private let startScores: [Float]
    private let endScores: [Float]
    private var forward: [Float] = []
    private var backward: [Float] = []
    /// Best label per token after `decode`.
    private(set) var path: [Int] = []

    init(labels: LabelSet, transitions: [Float]) {
        let count = labels.count
        labelCount = count
        into = ViterbiMoves(labelCount: count) { y in (0..<count).filter { labels.allows($0, y) } }
        outOf = ViterbiMoves(labelCount: count) { y in (0..<count).filter { labels.allows(y, $0) } }
        startScores = (0..<count).map { labels.allowsStart($0) ? 0 : Self.impossible }
        endScores = (0..<count).map { labels.allowsEnd($0) ? 0 : Self.impossible }
        setTransitions(transitions)
    }

    /// Replaces the transition scores (`L × L`, from-major; training changes them after every update).
    mutating func setTransitions(_ scores: [Float]) {
        let l = labelCount
        into.setScores { x, y in scores[x * l + y] }
        outOf.setScores { z, y in scores[y * l + z] }
    }

    private mutating func reserve(_ n: Int) {
        if path.count < n {
            forward = [Float](repeating: 0, count: n * labelCount)
            backward = [Float](repeating: 0, count: n * labelCount)
            path = [Int](repeating: 0, count: n)
        }
    }

    /// Finds the best labels for `n` tokens with emission scores `emissions[i * L + y]`;
    /// returns the path's score. The labels are in `path[0..<n]`.
    @discardableResult
    mutating func decode(_ emissions: UnsafeBufferPointer<Float>, count n: Int) -> Float {
        guard n > 0 else { return 0 }
        reserve(n)
        let l = labelCount
        var total: Float = Self.impossible
        forward.withUnsafeMutableBufferPointer { fwd in
            let chunks = into.chunks
            Self.withBlocks(into) { members, memberStarts, others, otherStarts, scores, scoreStarts in
                withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: 1) { buffer in
                    // One SIMD8 of best scores, read back lane by lane.
                    let lanes = UnsafeMutableRawPointer(buffer.baseAddress!)
                    let e = emissions.baseAddress!, f = fwd.baseAddress!
                    for y in 0..<l { f[y] = startScores[y] + e[y] }
                    var i = 1
                    while i < n {
                        let row = f + i * l, previous = row - l, rowEmissions = e + i * l
                        for b in 0..<(memberStarts.count - 1) {
                            let first = memberStarts[b], count = memberStarts[b + 1] - first, stride = 8 * chunks[b]
                            for c in 0..<chunks[b] {
                                var best = SIMD8<Float>(repeating: Self.impossible)
                                var block = UnsafeRawPointer(scores + scoreStarts[b] + 8 * c)
                                for o in otherStarts[b]..<otherStarts[b + 1] {
                                    let candidate = SIMD8<Float>(repeating: previous[others[o]]) + block.loadUnaligned(as: SIMD8<Float>.self)
                                    best.replace(with: candidate, where: candidate .> best)
                                    block += 4 * stride
                                }
                                lanes.storeBytes(of: best, as: SIMD8<Float>.self)
                                let lane = lanes.assumingMemoryBound(to: Float.self), base = first &+ 8 &* c
                                for m in 0..<Swift.min(8, count &- 8 &* c) {
                                    let y = members[base &+ m]
                                    row[y] = lane[m] + rowEmissions[y]
                                }
                            }
                        }
                        i += 1
                    }
                    var arg = 0
                    let last = f + (n - 1) * l
                    for y in 0..<l where last[y] + endScores[y] > total {
                        total = last[y] + endScores[y]
                        arg = y
                    }
                    // The backtrace: the first predecessor (ascending) with the best score, as a
                    // forward pass keeping back-pointers with a strict `>` would have recorded.
                    path[n - 1] = arg
                    i = n - 1
                    while i > 0 {
                        let y = path[i], previous = f + (i - 1) * l
                        let b = into.blockOf[y], count = 8 * into.chunks[b]
                        var block = scores + scoreStarts[b] + into.positionOf[y]
                        var top = Self.impossible, argument = 0
                        for o in otherStarts[b]..<otherStarts[b + 1] {
                            let score = previous[others[o]] + block[0]
                            if score > top { top = score; argument = others[o] }
                            block += count
                        }
                        path[i - 1] = argument
                        i -= 1
                    }
                }
            }
        }
        return total
    }

    /// Fills the backward max-product table after `decode` for tokens `first..<n`, so that
    /// `maxMarginal(i, y)` is the best score of any path through label `y` at token `i >= first`.
    mutating func computeMaxMarginals(_ emissions: UnsafeBufferPointer<Float>, count n: Int, from first: Int = 0) {
        guard n > 0 else { return }
        let l = labelCount
        backward.withUnsafeMutableBufferPointer { bwd in
            let chunks = outOf.chunks
            Self.withBlocks(outOf) { members, memberStarts, others, otherStarts, scores, scoreStarts in
                withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: 1) { buffer in
                    // One SIMD8 of best scores, read back lane by lane.
                    let lanes = UnsafeMutableRawPointer(buffer.baseAddress!)
                    let e = emissions.baseAddress!, bw = bwd.baseAddress!
                    let last = bw + (n - 1) * l
                    for y in 0..<l { last[y] = endScores[y] }
                    var i = n - 2
                    while i >= first {
                        let row = bw + i * l, next = row + l, nextEmissions = e + (i + 1) * l
                        for b in 0..<(memberStarts.count - 1) {
                            let start = memberStarts[b], count = memberStarts[b + 1] - start, stride = 8 * chunks[b]
                            for c in 0..<chunks[b] {
                                var best = SIMD8<Float>(repeating: Self.impossible)
                                var block = UnsafeRawPointer(scores + scoreStarts[b] + 8 * c)
                                for o in otherStarts[b]..<otherStarts[b + 1] {
                                    let z = others[o]
                                    let candidate = block.loadUnaligned(as: SIMD8<Float>.self) + SIMD8(repeating: nextEmissions[z])
                                        + SIMD8(repeating: next[z])
                                    best.replace(with: candidate, where: candidate .> best)
                                    block += 4 * stride
                                }
                                lanes.storeBytes(of: best, as: SIMD8<Float>.self)
                                let lane = lanes.assumingMemoryBound(to: Float.self), base = start &+ 8 &* c
                                for m in 0..<Swift.min(8, count &- 8 &* c) { row[members[base &+ m]] = lane[m] }
                            }
                        }
                        i -= 1
                    }
                }
            }
        }
    }

    /// Runs `body` with raw pointers to the blocks' arrays (no bounds checks in the recurrences).
    @inline(__always)
    private static func withBlocks<R>(
        _ moves: ViterbiMoves,
        _ body: (UnsafePointer<Int>, UnsafeBufferPointer<Int>, UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Float>, UnsafePointer<Int>) -> R
    ) -> R {
        moves.members.withUnsafeBufferPointer { members in
            moves.memberStarts.withUnsafeBufferPointer { memberStarts in
                moves.others.withUnsafeBufferPointer { others in
                    moves.otherStarts.withUnsafeBufferPointer { otherStarts in
                        moves.scores.withUnsafeBufferPointer { scores in
                            moves.scoreStarts.withUnsafeBufferPointer { scoreStarts in
                                body(members.baseAddress!, memberStarts, others.baseAddress!, otherStarts.baseAddress!,
                                     scores.baseAddress!, scoreStarts.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Best score of a path through label `y` at token `i` (after `computeMaxMarginals`).
    @inline(__always)
    func maxMarginal(_ i: Int, _ y: Int) -> Float {
        forward[i * labelCount + y] + backward[i * labelCount + y]
    }
}
