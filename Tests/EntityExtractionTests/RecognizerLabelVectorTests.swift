import Testing
@testable import EntityExtraction

/// A token's sums (`LabelSums`) keep twenty lanes in registers and sum other widths in memory:
/// both must equal adding and subtracting the rows and vectors one label at a time, and the
/// scaled store must equal converting those sums one lane at a time.
@Suite struct RecognizerLabelVectorTests {
    /// Random rows, row offsets (some rows twice), vectors, and their label-by-label sums.
    struct Inputs {
        var weights: [Int16], added: [Int], subtracted: [Int], vectors: [[Int32]], expected: [Int32]

        init(lanes: Int) {
            var generator = SplitMix64(seed: UInt64(lanes))
            let rowCount = 40, stride = LabelVector.lanes(lanes)
            weights = (0..<(rowCount * stride + LabelVector.width)).map { _ in Int16(truncatingIfNeeded: generator.next()) }
            added = (0..<rowCount).map { _ in Int(generator.next() % UInt64(rowCount)) * stride }
            subtracted = (0..<5).map { _ in Int(generator.next() % UInt64(rowCount)) * stride }
            vectors = (0..<6).map { _ in (0..<stride).map { _ in Int32(truncatingIfNeeded: generator.next() >> 34) - (1 << 28) } }
            expected = [Int32](repeating: 0, count: lanes)
            for offset in added { for y in 0..<lanes { expected[y] &+= Int32(weights[offset + y]) } }
            for offset in subtracted { for y in 0..<lanes { expected[y] &-= Int32(weights[offset + y]) } }
            for vector in vectors { for y in 0..<lanes { expected[y] &+= vector[y] } }
        }

        /// Feeds everything to `sums`, vectors first, then rows added and subtracted in turn.
        func feed<S: LabelSums>(_ sums: inout S) {
            weights.withUnsafeBufferPointer { rows in
                for vector in vectors { vector.withUnsafeBufferPointer { sums.add($0.baseAddress!) } }
                for (k, offset) in added.enumerated() {
                    sums.add(rows.baseAddress! + offset)
                    if k < subtracted.count { sums.subtract(rows.baseAddress! + subtracted[k]) }
                }
            }
        }
    }

    @Test func registerSumsEqualAddingEveryRowAndVectorLabelByLabel() {
        let inputs = Inputs(lanes: 20)
        var sums = RegisterLabelSums()
        inputs.feed(&sums)
        var target = [Int32](repeating: -1, count: 20)
        var scaled = [Float](repeating: .nan, count: 20)
        let scale: Float = 0.000_731
        target.withUnsafeMutableBufferPointer { sums.store(into: $0.baseAddress!) }
        scaled.withUnsafeMutableBufferPointer { sums.store(scale: scale, into: $0.baseAddress!) }
        #expect(target == inputs.expected)
        #expect(scaled.map(\.bitPattern) == inputs.expected.map { (Float($0) * scale).bitPattern })
    }

    @Test(arguments: [8, 16, 24, 32])
    func memorySumsEqualAddingEveryRowAndVectorLabelByLabel(lanes: Int) {
        let inputs = Inputs(lanes: lanes)
        var target = [Int32](repeating: -1, count: lanes)
        target.withUnsafeMutableBufferPointer { target in
            var sums = MemoryLabelSums(target.baseAddress!, lanes: lanes)
            inputs.feed(&sums)
        }
        #expect(target == inputs.expected)
    }

    @Test func convertScalesEveryLaneAsTheScalarConversionDoes() {
        let sums: [Int32] = [0, 1, -1, 16_777_217, -16_777_219, Int32.max, Int32.min, 12_345] + (0..<16).map { Int32($0 * 7_919 - 50_000) }
        let scale: Float = 0.000_123_4
        var target = [Float](repeating: .nan, count: 24)
        sums.withUnsafeBufferPointer { sums in
            target.withUnsafeMutableBufferPointer { LabelVector.convert(sums.baseAddress!, lanes: 24, scale: scale, into: $0.baseAddress!) }
        }
        #expect(target.map(\.bitPattern) == sums.map { (Float($0) * scale).bitPattern })
    }
}
