/// The mentions of each group, in one flat array: group `k`'s are `flat[starts[k]..<starts[k + 1]]`.
struct GroupMembers {
    private var flat: [Int]
    private var starts: [Int]

    /// Mentions `0..<groupOf.count` into their groups, keeping their order.
    init(groupOf: [Int], groupCount: Int) {
        var starts = [Int](repeating: 0, count: groupCount + 1)
        var flat = [Int](repeating: 0, count: groupOf.count)
        // Every group index is below `groupCount` (`groupKeys` numbers groups densely): in range.
        groupOf.withUnsafeBufferPointer { groupOf in
            starts.withUnsafeMutableBufferPointer { starts in
                for g in groupOf { starts[g + 1] &+= 1 }
                for g in 0..<groupCount { starts[g + 1] &+= starts[g] }
                flat.withUnsafeMutableBufferPointer { flat in
                    for m in groupOf.indices {
                        // `starts[g]` moves up to the group's end as its members are placed, then back.
                        flat[starts[groupOf[m]]] = m
                        starts[groupOf[m]] &+= 1
                    }
                }
                for g in stride(from: groupCount, to: 0, by: -1) { starts[g] = starts[g - 1] }
                starts[0] = 0
            }
        }
        self.flat = flat
        self.starts = starts
    }

    private init(flat: [Int], starts: [Int]) {
        self.flat = flat
        self.starts = starts
    }

    /// The members of group `k`.
    subscript(k: Int) -> ArraySlice<Int> { flat[starts[k]..<starts[k + 1]] }

    /// The lists read through pointers, valid only within `withLists`.
    struct Lists {
        let flat: UnsafeBufferPointer<Int>
        let starts: UnsafeBufferPointer<Int>

        /// The members of group `k`.
        @inline(__always) func list(_ k: Int) -> UnsafeBufferPointer<Int> { UnsafeBufferPointer(rebasing: flat[starts[k]..<starts[k + 1]]) }
    }

    func withLists<R>(_ body: (Lists) -> R) -> R {
        flat.withUnsafeBufferPointer { flat in starts.withUnsafeBufferPointer { starts in body(Lists(flat: flat, starts: starts)) } }
    }

    /// The members of groups `order`, numbered by their place in it; a group in `replacing` takes that list instead.
    func regrouped(_ order: [Int], replacing lists: [Int: [Int]]) -> GroupMembers {
        // The lists of `order` hold every mention once: `flat.count` in all.
        var newFlat = [Int](repeating: 0, count: flat.count)
        var newStarts = [Int](repeating: 0, count: order.count + 1)
        newFlat.withUnsafeMutableBufferPointer { newFlat in
            var end = 0
            for (k, g) in order.enumerated() {
                if let list = lists[g] {
                    for m in list {
                        newFlat[end] = m
                        end += 1
                    }
                } else {
                    for j in starts[g]..<starts[g + 1] {
                        newFlat[end] = flat[j]
                        end += 1
                    }
                }
                newStarts[k + 1] = end
            }
        }
        return GroupMembers(flat: newFlat, starts: newStarts)
    }
}
