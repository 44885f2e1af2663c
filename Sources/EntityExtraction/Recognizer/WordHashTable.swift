/// A small open-addressing map from word hashes (`FeatureHash` values, never 0) to values,
/// sized once for a document's tokens: where the tagger finds the sums of a document's words
/// that the word-score cache lacks. The keys are already well mixed, so unlike `Dictionary`
/// nothing is hashed again.
struct WordHashTable<Value>: Sendable where Value: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private let mask: Int

    /// Room for `capacity` distinct keys (at most half full).
    init(capacity: Int, empty: Value) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        mask = size - 1
    }

    /// Changes the value of `key` (starting from the `empty` value when it is new).
    @inline(__always)
    mutating func update(_ key: UInt64, _ change: (inout Value) -> Void) {
        var i = Int(truncatingIfNeeded: key) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        keys[i] = key
        change(&values[i])
    }

    /// The value of `key`, or nil when it was never updated.
    @inline(__always)
    func value(for key: UInt64) -> Value? {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
