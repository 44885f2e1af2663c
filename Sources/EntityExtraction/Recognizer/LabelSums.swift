/// One token's running sum of label rows and vectors, added as the tagger finds them (no list
/// of row offsets first): in registers for 17...20 labels (`RegisterLabelSums`), else in memory.
/// Integer sums wrap, so adding and subtracting in any order gives the same sums.
protocol LabelSums {
    /// Adds an Int16 weight row.
    mutating func add(_ row: UnsafePointer<Int16>)
    /// Subtracts an Int16 weight row (one that an added word vector already holds).
    mutating func subtract(_ row: UnsafePointer<Int16>)
    /// Adds an Int32 vector of summed rows.
    mutating func add(_ vector: UnsafePointer<Int32>)
}

/// Twenty lanes in registers (two and a half SIMD steps): rows and vectors must be readable
/// that far.
struct RegisterLabelSums: LabelSums {
    private var a = SIMD8<Int32>(), b = SIMD8<Int32>(), c = SIMD4<Int32>()

    @inline(__always)
    mutating func add(_ row: UnsafePointer<Int16>) {
        let row = UnsafeRawPointer(row)
        a &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(as: SIMD8<Int16>.self))
        b &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self))
        c &+= SIMD4<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 32, as: SIMD4<Int16>.self))
    }

    @inline(__always)
    mutating func subtract(_ row: UnsafePointer<Int16>) {
        let row = UnsafeRawPointer(row)
        a &-= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(as: SIMD8<Int16>.self))
        b &-= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self))
        c &-= SIMD4<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 32, as: SIMD4<Int16>.self))
    }

    @inline(__always)
    mutating func add(_ vector: UnsafePointer<Int32>) {
        let vector = UnsafeRawPointer(vector)
        a &+= vector.loadUnaligned(as: SIMD8<Int32>.self)
        b &+= vector.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self)
        c &+= vector.loadUnaligned(fromByteOffset: 64, as: SIMD4<Int32>.self)
    }

    /// `target[0..<20]` = the sums.
    @inline(__always)
    func store(into target: UnsafeMutablePointer<Int32>) {
        let destination = UnsafeMutableRawPointer(target)
        destination.storeBytes(of: a, as: SIMD8<Int32>.self)
        destination.storeBytes(of: b, toByteOffset: 32, as: SIMD8<Int32>.self)
        destination.storeBytes(of: c, toByteOffset: 64, as: SIMD4<Int32>.self)
    }

    /// `target[0..<20] = Float(sums) * scale`, as `LabelVector.convert` does it.
    @inline(__always)
    func store(scale: Float, into target: UnsafeMutablePointer<Float>) {
        let destination = UnsafeMutableRawPointer(target)
        destination.storeBytes(of: LabelVector.floats(a) * scale, as: SIMD8<Float>.self)
        destination.storeBytes(of: LabelVector.floats(b) * scale, toByteOffset: 32, as: SIMD8<Float>.self)
        destination.storeBytes(of: SIMD4<Float>(c) * scale, toByteOffset: 64, as: SIMD4<Float>.self)
    }
}

/// Sums in `target[0..<lanes]` (cleared at init), `lanes` a multiple of `LabelVector.width`.
struct MemoryLabelSums: LabelSums {
    let target: UnsafeMutablePointer<Int32>
    let lanes: Int

    @inline(__always)
    init(_ target: UnsafeMutablePointer<Int32>, lanes: Int) {
        self.target = target
        self.lanes = lanes
        LabelVector.clear(target, count: lanes)
    }

    @inline(__always)
    func add(_ row: UnsafePointer<Int16>) { LabelVector.addLanes(row, into: target, lanes: lanes) }

    @inline(__always)
    func subtract(_ row: UnsafePointer<Int16>) {
        var y = 0
        repeat {
            target[y] &-= Int32(row[y])
            y &+= 1
        } while y < lanes
    }

    @inline(__always)
    func add(_ vector: UnsafePointer<Int32>) { LabelVector.addLanes(vector, into: target, lanes: lanes) }
}
