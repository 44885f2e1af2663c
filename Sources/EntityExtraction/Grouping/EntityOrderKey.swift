/// Where an entity goes in the output: named ones first, then by salience, then by first mention.
struct EntityOrderKey {
    var named: Bool
    var salience: Double
    var start: Int
    /// The group's place in the grouper's order.
    var k: Int

    static func < (a: EntityOrderKey, b: EntityOrderKey) -> Bool {
        if a.named != b.named { return a.named }
        if a.salience != b.salience { return a.salience > b.salience }
        return a.start < b.start
    }

    /// Sorts stably (first mentions of the pipeline's mentions never share a start, so the order
    /// is total; mentions given in another way keep their order on ties): by insertion for the
    /// few entities of most articles.
    static func sort(_ keys: inout [EntityOrderKey]) {
        guard keys.count <= 32 else {
            sortPacked(&keys)
            return
        }
        keys.withUnsafeMutableBufferPointer { keys in
            for i in keys.indices.dropFirst() {
                let key = keys[i]
                var j = i
                while j > 0 && key < keys[j - 1] {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = key
            }
        }
    }
}

extension EntityOrderKey {
    /// Many entities: sorted as 128-bit integers (named first, salience descending, start, then
    /// place: the stable order), or by the standard library's stable sort when a start or place
    /// does not fit 32 bits.
    private static func sortPacked(_ keys: inout [EntityOrderKey]) {
        guard keys.allSatisfy({ $0.start >= 0 && $0.start < 1 << 32 && $0.k < 1 << 32 }) else {
            let sorted = keys.indices.sorted { keys[$0] < keys[$1] }
            keys = sorted.map { keys[$0] }
            return
        }
        // Salience is never negative (a score over a positive total, or 0): its bits order as the
        // values do, so their complement orders descending.
        var packed = keys.map { key -> UInt128 in
            let first: UInt64 = (key.named ? 0 : 1 << 63) | (0x7FFF_FFFF_FFFF_FFFF - key.salience.bitPattern)
            return UInt128(first) << 64 | UInt128(UInt64(key.start) << 32 | UInt64(key.k))
        }
        packed.sort()
        let original = keys
        for i in packed.indices { keys[i] = original[Int(packed[i] & 0xFFFF_FFFF)] }
    }
}
