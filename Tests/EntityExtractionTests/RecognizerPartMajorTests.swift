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
        #expect(order.sorted() == Array(0..<l) && order[0] == 0)
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
            // Part-major: O, then the four B labels (1, 5, 9, 13) first.
            #expect(table.paddedWeights[row * l + 1] == weights[row * l + 1])
            #expect(table.paddedWeights[row * l + 2] == weights[row * l + 5])
        }
    }
}
