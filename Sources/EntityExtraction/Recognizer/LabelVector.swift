/// Adds of per-label score rows, eight labels per SIMD step (the word-score cache and word
/// sums; a token's emission sums go through `LabelSums`).
enum LabelVector {
    /// Labels per SIMD step.
    static let width = 8

    /// `count` rounded up to whole SIMD steps.
    static func lanes(_ count: Int) -> Int { (count + width - 1) / width * width }

    /// The lanes a token's sums need for `count` labels: 17...20 labels (four or five entity
    /// types, the bundled model's four) fit twenty lanes (`RegisterLabelSums`), one SSE step
    /// fewer than `lanes`.
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

    /// `SIMD8<Float>(sums)` by halves: the same conversion lane by lane, but inlined (the SIMD8
    /// initializer is a call, and a call in a token's loop spills every live SIMD register).
    @inline(__always)
    static func floats(_ sums: SIMD8<Int32>) -> SIMD8<Float> {
        SIMD8(lowHalf: SIMD4<Float>(sums.lowHalf), highHalf: SIMD4<Float>(sums.highHalf))
    }

    /// `target[0..<lanes] = Float(sums[0..<lanes]) * scale`, `lanes` a multiple of `width`:
    /// `target` must be writable that far (the lanes past the label count are meaningless).
    @inline(__always)
    static func convert(_ sums: UnsafePointer<Int32>, lanes: Int, scale: Float, into target: UnsafeMutablePointer<Float>) {
        let source = UnsafeRawPointer(sums), destination = UnsafeMutableRawPointer(target)
        var y = 0
        repeat {
            let value = floats(source.loadUnaligned(fromByteOffset: 4 &* y, as: SIMD8<Int32>.self)) * scale
            destination.storeBytes(of: value, toByteOffset: 4 &* y, as: SIMD8<Float>.self)
            y &+= 8
        } while y < lanes
    }
}
