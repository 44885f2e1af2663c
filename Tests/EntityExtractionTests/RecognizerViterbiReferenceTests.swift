import Testing
@testable import EntityExtraction

/// The decoder's SIMD recurrences must equal the plain textbook ones bit for bit: same path
/// (ties broken towards the earliest predecessor), same score, same max-marginals. Scores are
/// drawn from a handful of values (signed zeros included) so that ties are everywhere.
@Suite struct RecognizerViterbiReferenceTests {
    /// The plain recurrences: every label pair checked with `LabelSet.allows`, back-pointers
    /// kept with a strict `>`, backward scores added as (transition + emission) + backward.
    struct PlainViterbi {
        let path: [Int]
        let score: Float
        let forward: [[Float]]
        let backward: [[Float]]

        init(labels: LabelSet, transitions: [Float], emissions: [Float], count n: Int) {
            let l = labels.count, impossible = ViterbiDecoder.impossible
            var forward = [[Float]](repeating: [Float](repeating: 0, count: l), count: n)
            var pointers = [[Int]](repeating: [Int](repeating: 0, count: l), count: n)
            for y in 0..<l { forward[0][y] = (labels.allowsStart(y) ? 0 : impossible) + emissions[y] }
            for i in 1..<max(n, 1) {
                for y in 0..<l {
                    var best = impossible, argument = 0
                    for x in 0..<l where labels.allows(x, y) {
                        let candidate = forward[i - 1][x] + transitions[x * l + y]
                        if candidate > best { best = candidate; argument = x }
                    }
                    forward[i][y] = best + emissions[i * l + y]
                    pointers[i][y] = argument
                }
            }
            var score = impossible, last = 0
            for y in 0..<l where forward[n - 1][y] + (labels.allowsEnd(y) ? 0 : impossible) > score {
                score = forward[n - 1][y] + (labels.allowsEnd(y) ? 0 : impossible)
                last = y
            }
            var path = [last]
            for i in stride(from: n - 1, to: 0, by: -1) { path.insert(pointers[i][path[0]], at: 0) }
            var backward = [[Float]](repeating: [Float](repeating: 0, count: l), count: n)
            for y in 0..<l { backward[n - 1][y] = labels.allowsEnd(y) ? 0 : impossible }
            for i in stride(from: n - 2, through: 0, by: -1) {
                for y in 0..<l {
                    var best = impossible
                    for z in 0..<l where labels.allows(y, z) {
                        let candidate = (transitions[y * l + z] + emissions[(i + 1) * l + z]) + backward[i + 1][z]
                        if candidate > best { best = candidate }
                    }
                    backward[i][y] = best
                }
            }
            self.path = path
            self.score = score
            self.forward = forward
            self.backward = backward
        }
    }

    /// Scores from a few values, so that many paths tie.
    static func tiedScores(_ count: Int, _ generator: inout SplitMix64) -> [Float] {
        let values: [Float] = [-1, -0.5, -0.0, 0, 0.5, 1, 2]
        return (0..<count).map { _ in values[Int(generator.next() % UInt64(values.count))] }
    }

    /// Scores spread widely, so that ties are rare and sums round.
    static func spreadScores(_ count: Int, _ generator: inout SplitMix64) -> [Float] {
        (0..<count).map { _ in Float(Int(generator.next() % 2_000_001) - 1_000_000) / 3_517 }
    }

    @Test(arguments: [1, 2, 4, 5, 9])
    func decoderEqualsThePlainRecurrencesBitForBit(types: Int) {
        let labels = LabelSet(types: (0..<types).map { "T\($0)" })
        let l = labels.count
        var generator = SplitMix64(seed: UInt64(types) * 7 + 1)
        for round in 0..<60 {
            let n = 1 + round % 13
            let draw = round % 2 == 0 ? Self.tiedScores : Self.spreadScores
            let emissions = draw(n * l, &generator), transitions = draw(l * l, &generator)
            var decoder = ViterbiDecoder(labels: labels, transitions: transitions)
            let score = emissions.withUnsafeBufferPointer { decoder.decode($0, count: n) }
            decoder.computeMaxMarginals(count: n)
            let plain = PlainViterbi(labels: labels, transitions: transitions, emissions: emissions, count: n)
            #expect(score.bitPattern == plain.score.bitPattern)
            #expect(Array(decoder.path[0..<n]) == plain.path)
            for i in 0..<n {
                for y in 0..<l {
                    #expect(decoder.maxMarginal(i, y).bitPattern == (plain.forward[i][y] + plain.backward[i][y]).bitPattern)
                }
            }
            // The best rival over a span, as the plain loop takes it (zeros' signs included).
            let span = (n / 3)..<n
            var rival = ViterbiDecoder.impossible
            for i in span {
                for y in 0..<l where y != plain.path[i] { rival = max(rival, plain.forward[i][y] + plain.backward[i][y]) }
            }
            #expect(decoder.bestRival(over: span).bitPattern == rival.bitPattern)
        }
    }

    @Test func bestRivalIsTheBestMaxMarginalOffThePath() {
        let labels = LabelSet.conll
        let l = labels.count, n = 9
        var generator = SplitMix64(seed: 5)
        let emissions = Self.spreadScores(n * l, &generator), transitions = Self.spreadScores(l * l, &generator)
        var decoder = ViterbiDecoder(labels: labels, transitions: transitions)
        _ = emissions.withUnsafeBufferPointer { decoder.decode($0, count: n) }
        decoder.computeMaxMarginals(count: n, from: 2)
        var rival = ViterbiDecoder.impossible
        for i in 2..<6 {
            for y in 0..<l where y != decoder.path[i] { rival = max(rival, decoder.maxMarginal(i, y)) }
        }
        #expect(decoder.bestRival(over: 2..<6) == rival)
        #expect(rival > ViterbiDecoder.impossible)
    }

    @Test func newTransitionsReplaceTheOldOnes() {
        let labels = LabelSet.conll
        let l = labels.count, n = 7
        var generator = SplitMix64(seed: 11)
        let emissions = Self.spreadScores(n * l, &generator)
        let first = Self.spreadScores(l * l, &generator), second = Self.spreadScores(l * l, &generator)
        var reused = ViterbiDecoder(labels: labels, transitions: first)
        _ = emissions.withUnsafeBufferPointer { reused.decode($0, count: n) }
        reused.setTransitions(second)
        let score = emissions.withUnsafeBufferPointer { reused.decode($0, count: n) }
        let plain = PlainViterbi(labels: labels, transitions: second, emissions: emissions, count: n)
        #expect(score.bitPattern == plain.score.bitPattern)
        #expect(Array(reused.path[0..<n]) == plain.path)
    }
}
