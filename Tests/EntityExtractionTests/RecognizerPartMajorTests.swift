import Testing
@testable import EntityExtraction

/// Weight rows (and so emission rows) are stored part-major (`LabelSet.partMajorLabels`): the
/// decoder must decode them exactly as it decodes the same scores in label order, and the
/// weight table must still give every label's weight and the model file's weights back.
@Suite struct RecognizerPartMajorTests {
    @Test(arguments: [1, 3, 4, 8])
    func partMajorDecodingEqualsLabelOrderDecoding(types: Int) {
        let labels = LabelSet(types: (0..<types).map { "T\($0)" })
        let l = labels.count, n = 11
        var generator = SplitMix64(seed: UInt64(types))
        let emissions = RecognizerViterbiReferenceTests.spreadScores(n * l, &generator)
        let transitions = RecognizerViterbiReferenceTests.spreadScores(l * l, &generator)
        let order = LabelSet.partMajorLabels(count: l)
        #expect(order.sorted() == Array(0..<l) && order[3 * types] == 0)
        let partMajor = (0..<(n * l)).map { emissions[$0 - $0 % l + order[$0 % l]] }
        var byLabel = ViterbiDecoder(labels: labels, transitions: transitions), byPart = byLabel
        let labelScore = emissions.withUnsafeBufferPointer { byLabel.decode($0, count: n) }
        let partScore = partMajor.withUnsafeBufferPointer { byPart.decode($0, count: n, partMajor: true) }
        #expect(partScore.bitPattern == labelScore.bitPattern)
        #expect(Array(byPart.path[0..<n]) == Array(byLabel.path[0..<n]))
        byLabel.computeMaxMarginals(count: n)
        byPart.computeMaxMarginals(count: n)
        for i in 0..<n {
            for y in 0..<l { #expect(byPart.maxMarginal(i, y).bitPattern == byLabel.maxMarginal(i, y).bitPattern) }
        }
    }

    @Test func weightTableKeepsEveryLabelsWeightAndTheFilesOrder() {
        let l = LabelSet.conll.count, rows = 5
        let weights = (0..<(rows * l)).map { Int16($0 * 37 % 2_001 - 1_000) }
        let table = WeightTable(keys: (1...UInt64(rows)).map { $0 &* 0x9E37_79B9_7F4A_7C15 }, weights: weights, labelCount: l)
        #expect(table.weights == weights)
        for row in 0..<rows {
            for y in 0..<l { #expect(table.weight(row: row, label: y) == weights[row * l + y]) }
            // Part-major in the decoder's row order: I (2, 6, 10, 14), L, U, then O, then B (1, 5, 9, 13).
            #expect(table.paddedWeights[row * l] == weights[row * l + 2])
            #expect(table.paddedWeights[row * l + 1] == weights[row * l + 6])
            #expect(table.paddedWeights[row * l + 12] == weights[row * l])
            #expect(table.paddedWeights[row * l + 13] == weights[row * l + 1])
            #expect(table.paddedWeights[row * l + 16] == weights[row * l + 13])
        }
    }

    /// Rows of a multiple of four types with room after the last are read in place (the
    /// tagger's case): the same path, score and max-marginals as decoding them in label order.
    @Test(arguments: [4, 8])
    func rowsReadInPlaceDecodeAsLabelOrder(types: Int) {
        let labels = LabelSet(types: (0..<types).map { "T\($0)" })
        let l = labels.count
        let order = LabelSet.partMajorLabels(count: l)
        var generator = SplitMix64(seed: UInt64(types) &+ 40)
        for round in 0..<40 {
            let n = 1 + round % 12
            let draw = round % 2 == 0 ? RecognizerViterbiReferenceTests.tiedScores : RecognizerViterbiReferenceTests.spreadScores
            let emissions = draw(n * l, &generator), transitions = draw(l * l, &generator)
            // Room after the last row, filled with scores that must not matter.
            let partMajor = (0..<(n * l)).map { emissions[$0 - $0 % l + order[$0 % l]] } + draw(3 * l, &generator)
            var byLabel = ViterbiDecoder(labels: labels, transitions: transitions), inPlace = byLabel
            let labelScore = emissions.withUnsafeBufferPointer { byLabel.decode($0, count: n) }
            let first = round % 3 == 0 ? 0 : (n - 1) / 2
            byLabel.computeMaxMarginals(count: n, from: first)
            partMajor.withUnsafeBufferPointer { rows in
                let score = inPlace.decode(rows, count: n, partMajor: true)
                #expect(score.bitPattern == labelScore.bitPattern)
                inPlace.computeMaxMarginals(rows, count: n, from: first)
            }
            #expect(Array(inPlace.path[0..<n]) == Array(byLabel.path[0..<n]))
            for i in first..<n {
                for y in 0..<l { #expect(inPlace.maxMarginal(i, y).bitPattern == byLabel.maxMarginal(i, y).bitPattern) }
            }
            #expect(inPlace.bestRival(over: first..<n) == byLabel.bestRival(over: first..<n))
        }
    }
}
