/// First-order Viterbi over BILOU labels with hard well-formedness constraints, plus
/// max-marginals for span confidences. Buffers are reused across sentences.
struct ViterbiDecoder {
    static let impossible: Float = -1e30

    let labelCount: Int
    /// `L × L` transition scores (from-major) with disallowed moves set to `impossible`.
    private var transitions: [Float]
    private let allowed: [Bool]
    /// Allowed predecessors of label y: `predecessors[predecessorStarts[y]..<predecessorStarts[y + 1]]`
    /// (BILOU leaves 97 of the 289 pairs over four types).
    private let predecessors: [Int]
    private let predecessorStarts: [Int]
    /// Allowed successors of label y, laid out the same way.
    private let successors: [Int]
    private let successorStarts: [Int]
    private let startScores: [Float]
    private let endScores: [Float]
    private var forward: [Float] = []
    private var backward: [Float] = []
    private var backpointers: [Int32] = []
    /// Best label per token after `decode`.
    private(set) var path: [Int] = []

    init(labels: LabelSet, transitions: [Float]) {
        let count = labels.count
        labelCount = count
        var allowed = [Bool](repeating: true, count: count * count)
        for a in 0..<count {
            for b in 0..<count { allowed[a * count + b] = labels.allows(a, b) }
        }
        self.allowed = allowed
        var predecessors: [Int] = [], predecessorStarts = [0], successors: [Int] = [], successorStarts = [0]
        for y in 0..<count {
            for x in 0..<count where allowed[x * count + y] { predecessors.append(x) }
            predecessorStarts.append(predecessors.count)
            for z in 0..<count where allowed[y * count + z] { successors.append(z) }
            successorStarts.append(successors.count)
        }
        self.predecessors = predecessors
        self.predecessorStarts = predecessorStarts
        self.successors = successors
        self.successorStarts = successorStarts
        self.transitions = zip(transitions, allowed).map { $1 ? $0 : Self.impossible }
        startScores = (0..<count).map { labels.allowsStart($0) ? 0 : Self.impossible }
        endScores = (0..<count).map { labels.allowsEnd($0) ? 0 : Self.impossible }
    }

    /// Replaces the transition scores (training changes them after every update).
    mutating func setTransitions(_ scores: [Float]) {
        for k in 0..<transitions.count { transitions[k] = allowed[k] ? scores[k] : Self.impossible }
    }

    private mutating func reserve(_ n: Int) {
        if path.count < n {
            forward = [Float](repeating: 0, count: n * labelCount)
            backward = [Float](repeating: 0, count: n * labelCount)
            backpointers = [Int32](repeating: 0, count: n * labelCount)
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
        var best: Float = Self.impossible
        transitions.withUnsafeBufferPointer { trans in
            forward.withUnsafeMutableBufferPointer { fwd in
                backpointers.withUnsafeMutableBufferPointer { back in
                    for y in 0..<l { fwd[y] = startScores[y] + emissions[y] }
                    for i in 1..<max(n, 1) {
                        let row = i * l, previous = row - l
                        for y in 0..<l {
                            var top = Self.impossible
                            var arg = 0
                            for k in predecessorStarts[y]..<predecessorStarts[y + 1] {
                                let x = predecessors[k]
                                let score = fwd[previous + x] + trans[x * l + y]
                                if score > top { top = score; arg = x }
                            }
                            fwd[row + y] = top + emissions[row + y]
                            back[row + y] = Int32(arg)
                        }
                    }
                    var arg = 0
                    let lastRow = (n - 1) * l
                    for y in 0..<l where fwd[lastRow + y] + endScores[y] > best {
                        best = fwd[lastRow + y] + endScores[y]
                        arg = y
                    }
                    path[n - 1] = arg
                    var i = n - 1
                    while i > 0 {
                        path[i - 1] = Int(back[i * l + path[i]])
                        i -= 1
                    }
                }
            }
        }
        return best
    }

    /// Fills the backward max-product table after `decode`, so that `maxMarginal(i, y)` is
    /// the best score of any path through label `y` at token `i`.
    mutating func computeMaxMarginals(_ emissions: UnsafeBufferPointer<Float>, count n: Int) {
        guard n > 0 else { return }
        let l = labelCount
        transitions.withUnsafeBufferPointer { trans in
            backward.withUnsafeMutableBufferPointer { bwd in
                let lastRow = (n - 1) * l
                for y in 0..<l { bwd[lastRow + y] = endScores[y] }
                var i = n - 2
                while i >= 0 {
                    let row = i * l, next = row + l
                    for y in 0..<l {
                        var top = Self.impossible
                        for k in successorStarts[y]..<successorStarts[y + 1] {
                            let z = successors[k]
                            let score = trans[y * l + z] + emissions[next + z] + bwd[next + z]
                            if score > top { top = score }
                        }
                        bwd[row + y] = top
                    }
                    i -= 1
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
