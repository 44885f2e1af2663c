/// Feature weights laid out for lookup speed and size: a compact open-addressing index of
/// 8-byte slots over the stage's weight rows.
///
/// A slot holds the key's high 32 bits and its row number + 1 (0 = empty); the home slot comes
/// from the key's low bits, so a lookup compares ~48 bits of the 64-bit key. Every stored key
/// is told apart from every other stored key (`init` checks it); an absent key is mistaken for a
/// stored one only if it agrees on all those bits, about once in 2^32 lookups. The index is
/// 0.5 MB for 40,000 rows, where slots holding whole keys and rows took 3 MB per stage.
struct WeightTable: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    /// `rows × labelCount` weights, row-major, each row's labels in part-major order
    /// (`LabelSet.partMajorLabels`, as emissions reach the decoder), then `LabelVector.width`
    /// zeros, so that the last row too can be read in whole SIMD steps.
    let paddedWeights: [Int16]
    /// Where each label's weight is in a row of `paddedWeights`.
    let laneOfLabel: [Int]
    let labelCount: Int
    /// False when two stored keys share a probe path and a fingerprint (about one model in
    /// 50,000): lookups could confuse them, so such a model is refused at load.
    let isUnambiguous: Bool

    init(keys: [UInt64], weights: [Int16], labelCount: Int) {
        precondition(keys.count < Int(UInt32.max) && weights.count == keys.count * labelCount)
        self.labelCount = labelCount
        let labelOfLane = LabelSet.partMajorLabels(count: labelCount)
        var lanesOfLabels = [Int](repeating: 0, count: labelCount)
        for (lane, label) in labelOfLane.enumerated() { lanesOfLabels[label] = lane }
        laneOfLabel = lanesOfLabels
        paddedWeights = [Int16](unsafeUninitializedCapacity: weights.count + LabelVector.width) { padded, count in
            weights.withUnsafeBufferPointer { weights in
                labelOfLane.withUnsafeBufferPointer { labelOfLane in
                    var start = 0
                    if labelCount == 17 {
                        // Four types: the 4 × 4 B/I/L/U block transposed in one shuffle, O among it (a whole model in ~2 ms).
                        let source = UnsafeRawPointer(weights.baseAddress!), target = UnsafeMutableRawPointer(padded.baseAddress!)
                        while start < weights.count {
                            let v = source.loadUnaligned(fromByteOffset: 2 * (start + 1), as: SIMD16<Int16>.self)
                            let parts = SIMD16<Int16>(v[1], v[5], v[9], v[13], v[2], v[6], v[10], v[14],
                                                      v[3], v[7], v[11], v[15], weights[start], v[0], v[4], v[8])
                            target.storeBytes(of: parts, toByteOffset: 2 * start, as: SIMD16<Int16>.self)
                            padded[start + 16] = v[12]
                            start += 17
                        }
                    }
                    while start < weights.count {
                        for lane in 0..<labelCount { padded[start + lane] = weights[start + labelOfLane[lane]] }
                        start += labelCount
                    }
                }
            }
            for k in weights.count..<padded.count { padded[k] = 0 }
            count = padded.count
        }
        var capacity = 16
        while capacity * 3 < keys.count * 4 { capacity <<= 1 }  // load factor ≤ 0.75
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var unambiguous = true
        var keyOfSlot = [UInt64](repeating: 0, count: capacity)
        for (row, key) in keys.enumerated() {
            var s = Int(truncatingIfNeeded: key) & mask
            while slots[s] != 0 {
                if keyOfSlot[s] == key { break }  // a later duplicate overwrites the earlier row
                if slots[s] >> 32 == key >> 32 { unambiguous = false }
                s = (s + 1) & mask
            }
            slots[s] = (key >> 32) << 32 | UInt64(row + 1)
            keyOfSlot[s] = key
        }
        self.slots = slots
        self.mask = mask
        isUnambiguous = unambiguous
    }

    /// The row number of `key`, or nil when the stage has no weights for it.
    @inline(__always)
    func row(of key: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { base in
            let tag = key >> 32
            var s = Int(truncatingIfNeeded: key) & mask
            while true {
                let slot = base[s]
                if slot == 0 { return nil }
                if slot >> 32 == tag { return Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1 }
                s = (s + 1) & mask
            }
        }
    }

    /// The weights, `rows × labelCount` in label order, as the model file stores them.
    var weights: [Int16] {
        let rows = (paddedWeights.count - LabelVector.width) / max(labelCount, 1)
        return (0..<(rows * labelCount)).map { paddedWeights[$0 - $0 % labelCount + laneOfLabel[$0 % labelCount]] }
    }

    /// The weight of `label` in `row`.
    func weight(row: Int, label: Int) -> Int16 { paddedWeights[row * labelCount + laneOfLabel[label]] }

    /// Adds the weights of every key in `keys` to `accumulator[0..<labelCount]`.
    @inline(__always)
    func accumulate(_ keys: UnsafeBufferPointer<UInt64>, into accumulator: UnsafeMutablePointer<Int32>) {
        accumulate(keys) { LabelVector.add($0, into: accumulator, count: labelCount) }
    }

    @inline(__always)
    private func accumulate(_ keys: UnsafeBufferPointer<UInt64>, _ add: (UnsafePointer<Int16>) -> Void) {
        let l = labelCount, mask = mask
        slots.withUnsafeBufferPointer { base in
            paddedWeights.withUnsafeBufferPointer { rows in
                for key in keys {
                    let tag = key >> 32
                    var s = Int(truncatingIfNeeded: key) & mask
                    while true {
                        let slot = base[s]
                        if slot == 0 { break }
                        if slot >> 32 == tag {
                            let row = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                            add(rows.baseAddress! + row * l)
                            break
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }
}
