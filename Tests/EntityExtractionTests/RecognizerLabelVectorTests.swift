import Testing
@testable import EntityExtraction

/// `LabelVector.sum` keeps twenty and twenty-four lanes in registers and sums other widths in memory:
/// both must equal adding the rows and vectors up one label at a time, and `sumConverted`
/// must equal converting those sums one lane at a time.
@Suite struct RecognizerLabelVectorTests {
    /// Runs `body` with the rows, the row offsets and pointers to copies of the vectors.
    static func withInputs<R>(_ weights: [Int16], _ offsets: [Int], _ vectorValues: [[Int32]],
                              _ body: (UnsafePointer<Int16>, UnsafePointer<Int>, UnsafeBufferPointer<UnsafePointer<Int32>>) -> R) -> R {
        let buffers = vectorValues.map { values in
            let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: values.count)
            buffer.initialize(from: values, count: values.count)
            return UnsafePointer(buffer)
        }
        defer { for buffer in buffers { UnsafeMutablePointer(mutating: buffer).deallocate() } }
        return weights.withUnsafeBufferPointer { rows in
            offsets.withUnsafeBufferPointer { offsets in
                buffers.withUnsafeBufferPointer { body(rows.baseAddress!, offsets.baseAddress!, $0) }
            }
        }
    }

    @Test(arguments: [8, 16, 20, 24, 32])
    func sumEqualsAddingEveryRowAndVectorLabelByLabel(lanes: Int) {
        var generator = SplitMix64(seed: UInt64(lanes))
        let rowCount = 40, vectorCount = 6
        let weights: [Int16] = (0..<(rowCount * lanes)).map { _ in Int16(truncatingIfNeeded: generator.next()) }
        let vectorValues: [[Int32]] = (0..<vectorCount).map { _ in
            (0..<lanes).map { _ in Int32(truncatingIfNeeded: generator.next() >> 34) - (1 << 28) }
        }
        // Rows taken in a scrambled order, some twice.
        let offsets = (0..<rowCount).map { _ in Int(generator.next() % UInt64(rowCount)) * lanes }
        var expected = [Int32](repeating: 0, count: lanes)
        for offset in offsets { for y in 0..<lanes { expected[y] &+= Int32(weights[offset + y]) } }
        for vector in vectorValues { for y in 0..<lanes { expected[y] &+= vector[y] } }
        let scale: Float = 0.000_731
        var target = [Int32](repeating: -1, count: lanes), scratch = target
        var scaled = [Float](repeating: .nan, count: lanes)
        Self.withInputs(weights, offsets, vectorValues) { rows, offsetBase, vectors in
            target.withUnsafeMutableBufferPointer { target in
                LabelVector.sum(rows: rows, offsets: offsetBase, rowCount: offsets.count, vectors: vectors.baseAddress!,
                                vectorCount: vectors.count, lanes: lanes, into: target.baseAddress!)
            }
            scaled.withUnsafeMutableBufferPointer { scaled in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    LabelVector.sumConverted(rows: rows, offsets: offsetBase, rowCount: offsets.count, vectors: vectors.baseAddress!,
                                             vectorCount: vectors.count, lanes: lanes, scale: scale,
                                             scratch: scratch.baseAddress!, into: scaled.baseAddress!)
                }
            }
        }
        #expect(target == expected)
        #expect(scaled.map(\.bitPattern) == expected.map { (Float($0) * scale).bitPattern })
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
