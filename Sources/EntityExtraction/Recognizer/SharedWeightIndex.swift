/// One open-addressing index over the feature keys of both stages: a context key, which both
/// stages look up, is probed once and yields the offset of its weight row in each stage's
/// `WeightTable.paddedWeights` (or -1 where the stage has no row for it).
///
/// A slot is two words: the whole key (0 = empty) and both offsets + 1, packed. Keys are compared
/// in full, as the reference scoring's dictionary compares them. The index is sized for at most
/// 2/3 load if the stages shared no key (the bundled model's share most: 0.39), so that the many
/// keys the model does not know end their probe quickly.
struct SharedWeightIndex: Sendable {
    /// Stages an index covers at most (a model has one or two).
    static let maxStages = 2
    private let slots: [UInt64]
    private let mask: Int

    init(stages: [LinearStage]) {
        precondition(stages.count <= Self.maxStages)
        var capacity = 16
        let keyCount = stages.reduce(0) { $0 + $1.featureKeys.count }
        while capacity * 2 < keyCount * 3 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: 2 * capacity)
        for (stage, weights) in stages.enumerated() {
            let l = weights.table.labelCount
            precondition(weights.featureKeys.count * l < Int(UInt32.max))
            for (row, key) in weights.featureKeys.enumerated() {
                var s = Int(truncatingIfNeeded: key) & mask
                while slots[2 * s] != 0 && slots[2 * s] != key { s = (s + 1) & mask }
                if slots[2 * s] == 0 { slots[2 * s + 1] = 0 }
                slots[2 * s] = key
                // A later duplicate overwrites the earlier row, as in the stage's own table.
                let shift = UInt64(32 * stage)
                slots[2 * s + 1] = slots[2 * s + 1] & ~(0xFFFF_FFFF << shift) | UInt64(row * l + 1) << shift
            }
        }
        self.slots = slots
        self.mask = mask
    }

    /// Runs `body` with the index's slots and mask, for lookups in a loop (`SharedWeightIndex.offsets`).
    @inline(__always)
    func withSlots<R>(_ body: (UnsafePointer<UInt64>, Int) -> R) -> R {
        slots.withUnsafeBufferPointer { body($0.baseAddress!, mask) }
    }

    /// The packed offsets + 1 of `key` (stage s in bits 32s..<32s + 32; 0 where a stage has no
    /// row), or 0 when no stage has it.
    @inline(__always)
    static func offsets(of key: UInt64, slots: UnsafePointer<UInt64>, mask: Int) -> UInt64 {
        var s = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[2 &* s]
            if stored == key { return slots[2 &* s &+ 1] }
            if stored == 0 { return 0 }
            s = (s &+ 1) & mask
        }
    }
}
