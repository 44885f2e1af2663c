/// Adds of per-label score rows, eight labels per SIMD step: every feature lookup and every
/// cached word vector ends in one of these, so they dominate emission scoring.
enum LabelVector {
    /// Labels per SIMD step.
    static let width = 8

    /// `count` rounded up to whole SIMD steps.
    static func lanes(_ count: Int) -> Int { (count + width - 1) / width * width }

    /// The lanes `sum` should add for `count` labels: 17...20 labels (four or five entity
    /// types, the bundled model's four) in twenty lanes, one SSE step fewer than `lanes`.
    static func registerLanes(_ count: Int) -> Int { count > 16 && count <= 20 ? 20 : lanes(count) }

    /// `target[0..<lanes] += Int32(row[0..<lanes])`, `lanes` a multiple of `width`: both must be
    /// readable that far (padded), and lanes past the label count hold meaningless sums.
    @inline(__always)
    static func addLanes(_ row: UnsafePointer<Int16>, into target: UnsafeMutablePointer<Int32>, lanes: Int) {
        let source = UnsafeRawPointer(row), destination = UnsafeMutableRawPointer(target)
        var y = 0
        repeat {
            let widened = SIMD8<Int32>(truncatingIfNeeded: source.loadUnaligned(fromByteOffset: 2 &* y, as: SIMD8<Int16>.self))
            let sum = destination.loadUnaligned(fromByteOffset: 4 &* y, as: SIMD8<Int32>.self) &+ widened
            destination.storeBytes(of: sum, toByteOffset: 4 &* y, as: SIMD8<Int32>.self)
            y &+= 8
        } while y < lanes
    }

    /// `target[0..<lanes] += source[0..<lanes]`, padded as for the Int16 form.
    @inline(__always)
    static func addLanes(_ row: UnsafePointer<Int32>, into target: UnsafeMutablePointer<Int32>, lanes: Int) {
        let source = UnsafeRawPointer(row), destination = UnsafeMutableRawPointer(target)
        var y = 0
        repeat {
            let sum = destination.loadUnaligned(fromByteOffset: 4 &* y, as: SIMD8<Int32>.self)
                &+ source.loadUnaligned(fromByteOffset: 4 &* y, as: SIMD8<Int32>.self)
            destination.storeBytes(of: sum, toByteOffset: 4 &* y, as: SIMD8<Int32>.self)
            y &+= 8
        } while y < lanes
    }

    /// `target[0..<count] = 0`, without a `memset` call for a few dozen bytes.
    @inline(__always)
    static func clear(_ target: UnsafeMutablePointer<Int32>, count: Int) {
        let destination = UnsafeMutableRawPointer(target)
        var y = 0
        while y + 8 <= count {
            destination.storeBytes(of: SIMD8<Int32>(), toByteOffset: 4 * y, as: SIMD8<Int32>.self)
            y += 8
        }
        while y < count {
            target[y] = 0
            y += 1
        }
    }

    /// `target[0..<count] += Int32(row[0..<count])`.
    @inline(__always)
    static func add(_ row: UnsafePointer<Int16>, into target: UnsafeMutablePointer<Int32>, count: Int) {
        let source = UnsafeRawPointer(row), destination = UnsafeMutableRawPointer(target)
        var y = 0
        while y + 8 <= count {
            let widened = SIMD8<Int32>(truncatingIfNeeded: source.loadUnaligned(fromByteOffset: 2 * y, as: SIMD8<Int16>.self))
            let sum = destination.loadUnaligned(fromByteOffset: 4 * y, as: SIMD8<Int32>.self) &+ widened
            destination.storeBytes(of: sum, toByteOffset: 4 * y, as: SIMD8<Int32>.self)
            y += 8
        }
        while y < count {
            target[y] &+= Int32(row[y])
            y += 1
        }
    }

    /// `target[0..<count] += source[0..<count]`.
    @inline(__always)
    static func add(_ row: UnsafePointer<Int32>, into target: UnsafeMutablePointer<Int32>, count: Int) {
        let source = UnsafeRawPointer(row), destination = UnsafeMutableRawPointer(target)
        var y = 0
        while y + 8 <= count {
            let sum = destination.loadUnaligned(fromByteOffset: 4 * y, as: SIMD8<Int32>.self)
                &+ source.loadUnaligned(fromByteOffset: 4 * y, as: SIMD8<Int32>.self)
            destination.storeBytes(of: sum, toByteOffset: 4 * y, as: SIMD8<Int32>.self)
            y += 8
        }
        while y < count {
            target[y] &+= row[y]
            y += 1
        }
    }

    /// `target[0..<lanes] = Float(sums[0..<lanes]) * scale`, `lanes` a multiple of `width`:
    /// `target` must be writable that far (the lanes past the label count are meaningless).
    @inline(__always)
    static func convert(_ sums: UnsafePointer<Int32>, lanes: Int, scale: Float, into target: UnsafeMutablePointer<Float>) {
        let source = UnsafeRawPointer(sums), destination = UnsafeMutableRawPointer(target)
        var y = 0
        repeat {
            let value = SIMD8<Float>(source.loadUnaligned(fromByteOffset: 4 &* y, as: SIMD8<Int32>.self)) * scale
            destination.storeBytes(of: value, toByteOffset: 4 &* y, as: SIMD8<Float>.self)
            y &+= 8
        } while y < lanes
    }

    /// `target[0..<lanes] = Σ_k Int32(rows[offsets[k]...]) + Σ_k vectors[k][...]`, `lanes` a
    /// multiple of `width` or 20, every row and vector readable `lanes(lanes)` far. Twenty and
    /// twenty-four lanes are summed in registers (the others in memory, in whole SIMD steps).
    @inline(__always)
    static func sum(rows: UnsafePointer<Int16>, offsets: UnsafePointer<Int>, rowCount: Int,
                    vectors: UnsafePointer<UnsafePointer<Int32>>, vectorCount: Int,
                    lanes: Int, into target: UnsafeMutablePointer<Int32>) {
        if lanes == 20 {
            let (a, b, c) = sum20(rows: rows, offsets: offsets, rowCount: rowCount, vectors: vectors, vectorCount: vectorCount)
            let destination = UnsafeMutableRawPointer(target)
            destination.storeBytes(of: a, as: SIMD8<Int32>.self)
            destination.storeBytes(of: b, toByteOffset: 32, as: SIMD8<Int32>.self)
            destination.storeBytes(of: c, toByteOffset: 64, as: SIMD4<Int32>.self)
            return
        }
        guard lanes == 24 else {
            clear(target, count: lanes)
            for k in 0..<rowCount { addLanes(rows + offsets[k], into: target, lanes: lanes) }
            for k in 0..<vectorCount { addLanes(vectors[k], into: target, lanes: lanes) }
            return
        }
        let (a, b, c) = sum24(rows: rows, offsets: offsets, rowCount: rowCount, vectors: vectors, vectorCount: vectorCount)
        let destination = UnsafeMutableRawPointer(target)
        destination.storeBytes(of: a, as: SIMD8<Int32>.self)
        destination.storeBytes(of: b, toByteOffset: 32, as: SIMD8<Int32>.self)
        destination.storeBytes(of: c, toByteOffset: 64, as: SIMD8<Int32>.self)
    }

    /// `convert` of `sum`: `target[0..<lanes] = Float(Σ…) * scale`, through `scratch` (`lanes`
    /// Int32s) unless the sums stay in registers.
    @inline(__always)
    static func sumConverted(rows: UnsafePointer<Int16>, offsets: UnsafePointer<Int>, rowCount: Int,
                             vectors: UnsafePointer<UnsafePointer<Int32>>, vectorCount: Int, lanes: Int,
                             scale: Float, scratch: UnsafeMutablePointer<Int32>, into target: UnsafeMutablePointer<Float>) {
        if lanes == 20 {
            let (a, b, c) = sum20(rows: rows, offsets: offsets, rowCount: rowCount, vectors: vectors, vectorCount: vectorCount)
            let destination = UnsafeMutableRawPointer(target)
            destination.storeBytes(of: SIMD8<Float>(a) * scale, as: SIMD8<Float>.self)
            destination.storeBytes(of: SIMD8<Float>(b) * scale, toByteOffset: 32, as: SIMD8<Float>.self)
            destination.storeBytes(of: SIMD4<Float>(c) * scale, toByteOffset: 64, as: SIMD4<Float>.self)
            return
        }
        guard lanes == 24 else {
            sum(rows: rows, offsets: offsets, rowCount: rowCount, vectors: vectors, vectorCount: vectorCount, lanes: lanes, into: scratch)
            convert(scratch, lanes: lanes, scale: scale, into: target)
            return
        }
        let (a, b, c) = sum24(rows: rows, offsets: offsets, rowCount: rowCount, vectors: vectors, vectorCount: vectorCount)
        let destination = UnsafeMutableRawPointer(target)
        destination.storeBytes(of: SIMD8<Float>(a) * scale, as: SIMD8<Float>.self)
        destination.storeBytes(of: SIMD8<Float>(b) * scale, toByteOffset: 32, as: SIMD8<Float>.self)
        destination.storeBytes(of: SIMD8<Float>(c) * scale, toByteOffset: 64, as: SIMD8<Float>.self)
    }

    /// The twenty-four-lane sums of `sum`, in registers.
    @inline(__always)
    private static func sum24(rows: UnsafePointer<Int16>, offsets: UnsafePointer<Int>, rowCount: Int,
                              vectors: UnsafePointer<UnsafePointer<Int32>>, vectorCount: Int) -> (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>) {
        var a = SIMD8<Int32>(), b = a, c = a
        var k = 0
        while k < rowCount {
            let row = UnsafeRawPointer(rows + offsets[k])
            a &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(as: SIMD8<Int16>.self))
            b &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self))
            c &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int16>.self))
            k &+= 1
        }
        k = 0
        while k < vectorCount {
            let vector = UnsafeRawPointer(vectors[k])
            a &+= vector.loadUnaligned(as: SIMD8<Int32>.self)
            b &+= vector.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self)
            c &+= vector.loadUnaligned(fromByteOffset: 64, as: SIMD8<Int32>.self)
            k &+= 1
        }
        return (a, b, c)
    }

    /// The twenty-lane sums of `sum`, in registers (two and a half SIMD steps).
    @inline(__always)
    private static func sum20(rows: UnsafePointer<Int16>, offsets: UnsafePointer<Int>, rowCount: Int,
                              vectors: UnsafePointer<UnsafePointer<Int32>>, vectorCount: Int) -> (SIMD8<Int32>, SIMD8<Int32>, SIMD4<Int32>) {
        var a = SIMD8<Int32>(), b = a, c = SIMD4<Int32>()
        var k = 0
        while k < rowCount {
            let row = UnsafeRawPointer(rows + offsets[k])
            a &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(as: SIMD8<Int16>.self))
            b &+= SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self))
            c &+= SIMD4<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: 32, as: SIMD4<Int16>.self))
            k &+= 1
        }
        k = 0
        while k < vectorCount {
            let vector = UnsafeRawPointer(vectors[k])
            a &+= vector.loadUnaligned(as: SIMD8<Int32>.self)
            b &+= vector.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self)
            c &+= vector.loadUnaligned(fromByteOffset: 64, as: SIMD4<Int32>.self)
            k &+= 1
        }
        return (a, b, c)
    }
}
