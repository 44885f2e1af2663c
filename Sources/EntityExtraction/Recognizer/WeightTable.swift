/// Feature weights laid out for lookup speed: an open-addressing table whose every slot holds
/// the key and its row of Int16 label weights side by side, so a lookup touches one or two
/// cache lines instead of separate key, index and weight arrays.
struct WeightTable: Sendable {
    /// Slot `s` occupies words `s * stride ..< (s + 1) * stride`: word 0 the key (0 = empty),
    /// the rest the label weights as Int16.
    private let storage: [UInt64]
    private let stride: Int
    private let mask: Int
    let labelCount: Int

    init(keys: [UInt64], weights: [Int16], labelCount: Int) {
        self.labelCount = labelCount
        let stride = 1 + (labelCount + 3) / 4
        var capacity = 16
        while capacity * 3 < keys.count * 4 { capacity <<= 1 }  // load factor ≤ 0.75
        let mask = capacity - 1
        self.stride = stride
        self.mask = mask
        var storage = [UInt64](repeating: 0, count: capacity * stride)
        storage.withUnsafeMutableBufferPointer { slots in
            for (row, key) in keys.enumerated() {
                var s = Int(truncatingIfNeeded: key) & mask
                while slots[s * stride] != 0 && slots[s * stride] != key { s = (s + 1) & mask }
                slots[s * stride] = key
                let target = UnsafeMutableRawPointer(slots.baseAddress! + s * stride + 1).assumingMemoryBound(to: Int16.self)
                for y in 0..<labelCount { target[y] = weights[row * labelCount + y] }
            }
        }
        self.storage = storage
    }

    /// Adds the weights of every key in `keys` to `accumulator[0..<labelCount]`.
    @inline(__always)
    func accumulate(_ keys: UnsafeBufferPointer<UInt64>, into accumulator: UnsafeMutablePointer<Int32>) {
        let l = labelCount, stride = stride, mask = mask
        storage.withUnsafeBufferPointer { slots in
            let base = slots.baseAddress!
            for key in keys {
                var s = Int(truncatingIfNeeded: key) & mask
                while true {
                    let found = base[s * stride]
                    if found == key {
                        let row = UnsafeRawPointer(base + s * stride + 1).assumingMemoryBound(to: Int16.self)
                        for y in 0..<l { accumulator[y] &+= Int32(row[y]) }
                        break
                    }
                    if found == 0 { break }
                    s = (s + 1) & mask
                }
            }
        }
    }
}
