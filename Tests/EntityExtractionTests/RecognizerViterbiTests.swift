import Testing
@testable import EntityExtraction

/// The decoder visits allowed moves only and keeps no back-pointers; these pin it to brute
/// force over every well-formed labelling of short sentences.
@Suite struct RecognizerViterbiTests {
    static let labels = LabelSet(types: ["PER", "LOC"])

    /// Random scores in [-4, 4).
    static func scores(_ count: Int, _ generator: inout SplitMix64) -> [Float] {
        (0..<count).map { _ in Float(generator.next() % 8_000) / 1_000 - 4 }
    }

    /// Every allowed labelling of `n` tokens with its score.
    static func allPaths(_ n: Int, emissions: [Float], transitions: [Float]) -> [(path: [Int], score: Float)] {
        let l = labels.count
        var result: [(path: [Int], score: Float)] = []
        func extend(_ path: [Int], _ score: Float) {
            if path.count == n {
                if labels.allowsEnd(path[n - 1]) { result.append((path, score)) }
                return
            }
            for y in 0..<l {
                let i = path.count
                if let previous = path.last {
                    guard labels.allows(previous, y) else { continue }
                    extend(path + [y], score + transitions[previous * l + y] + emissions[i * l + y])
                } else if labels.allowsStart(y) {
                    extend([y], emissions[y])
                }
            }
        }
        extend([], 0)
        return result
    }

    @Test(arguments: [1, 2, 3, 4])
    func bestPathAndMaxMarginalsEqualBruteForce(tokens n: Int) {
        var generator = SplitMix64(seed: UInt64(n))
        let l = Self.labels.count
        for _ in 0..<20 {
            let emissions = Self.scores(n * l, &generator), transitions = Self.scores(l * l, &generator)
            var decoder = ViterbiDecoder(labels: Self.labels, transitions: transitions)
            let best = emissions.withUnsafeBufferPointer { decoder.decode($0, count: n) }
            decoder.computeMaxMarginals(count: n)
            let paths = Self.allPaths(n, emissions: emissions, transitions: transitions)
            let top = paths.max { $0.score < $1.score }!
            #expect(abs(best - top.score) < 1e-3)
            #expect(Array(decoder.path[0..<n]) == top.path)
            for i in 0..<n {
                for y in 0..<l {
                    let through = paths.filter { $0.path[i] == y }.map(\.score).max() ?? ViterbiDecoder.impossible
                    #expect(abs(decoder.maxMarginal(i, y) - through) < 1e-3 || (through < -1e29 && decoder.maxMarginal(i, y) < -1e29))
                }
            }
        }
    }

    @Test func maxMarginalsFromALaterTokenEqualTheWholeBackwardPass() {
        var generator = SplitMix64(seed: 99)
        let l = Self.labels.count, n = 6
        let emissions = Self.scores(n * l, &generator), transitions = Self.scores(l * l, &generator)
        var whole = ViterbiDecoder(labels: Self.labels, transitions: transitions)
        var partial = whole
        emissions.withUnsafeBufferPointer { e in
            whole.decode(e, count: n)
            whole.computeMaxMarginals(count: n)
            partial.decode(e, count: n)
            partial.computeMaxMarginals(count: n, from: 3)
        }
        for i in 3..<n {
            for y in 0..<l { #expect(partial.maxMarginal(i, y) == whole.maxMarginal(i, y)) }
        }
    }
}
