/// First-order Viterbi over BILOU labels with hard well-formedness constraints, plus
/// max-marginals for span confidences. Buffers are reused across sentences.
///
/// Specialised to BILOU's two kinds of move (`ViterbiMoves`): per token, the opening labels'
/// scores are a few SIMD4 maxima over the closed labels, and the I/L labels' scores one
/// SIMD4 step per four types. The forward pass keeps no back-pointers: the backtrace
/// recomputes the few best moves it needs. Every score is added in the same order, and every
/// maximum taken over the same predecessors in the same order (ascending, strict `>`, from
/// `impossible`), as the plain recurrences, so scores and paths are bit-identical to them.
struct ViterbiDecoder {
    static let impossible: Float = -1e30

    let labelCount: Int
    private let labels: LabelSet
    private var moves: ViterbiMoves
    /// Per token, `moves.width` floats each (part-major rows).
    private var emissions: [Float] = []
    private var forward: [Float] = []
    private var backward: [Float] = []
    /// Per token, the one closed label that the pruned forward step kept (the predecessor of
    /// every opening label there, `ViterbiDecoder.prunedMaxPlus`), or -1.
    private var onlyPredecessor: [Int32] = []
    /// Whether the last `decode` read the caller's part-major rows in place (no copy in `emissions`).
    private var readsInPlace = false
    /// Best label per token after `decode`.
    private(set) var path: [Int] = []

    init(labels: LabelSet, transitions: [Float]) {
        labelCount = labels.count
        self.labels = labels
        moves = ViterbiMoves(labels: labels, scores: transitions)
    }

    /// Replaces the transition scores (`L × L`, from-major; training changes them after every update).
    mutating func setTransitions(_ scores: [Float]) {
        moves = ViterbiMoves(labels: labels, scores: scores)
    }

    private mutating func reserve(_ n: Int) {
        if path.count < n {
            emissions = [Float](repeating: 0, count: n * moves.width)
            forward = [Float](repeating: 0, count: n * moves.width)
            backward = [Float](repeating: 0, count: n * moves.width)
            path = [Int](repeating: 0, count: n)
            onlyPredecessor = [Int32](repeating: -1, count: n)
        }
    }

    /// Finds the best labels for `n` tokens with emission scores `emissions[i * L + y]` (or,
    /// with `partMajor`, label y's score at `i * L + lane` in `LabelSet.partMajorLabels` order,
    /// as the tagger's weight rows give them); returns the path's score. The labels are in
    /// `path[0..<n]`. Part-major rows of a multiple of four types are the decoder's own rows
    /// but for their stride (`ViterbiMoves`): they are read in place when `scores` holds
    /// `moves.width - L` more floats after the last row (`computeMaxMarginals` then needs them too).
    @discardableResult
    mutating func decode(_ scores: UnsafeBufferPointer<Float>, count n: Int, partMajor: Bool = false) -> Float {
        guard n > 0 else { return 0 }
        reserve(n)
        let l = labelCount, w = moves.width, q4 = 4 * moves.quads
        let moves = moves
        let inPlace = partMajor && moves.typeCount % 4 == 0 && scores.count >= n &* l &+ (w &- l)
        readsInPlace = inPlace
        // Floats from one token's emissions to the next's.
        let stride = inPlace ? l : w
        emissions.withUnsafeMutableBufferPointer { em in
            forward.withUnsafeMutableBufferPointer { fwd in
            onlyPredecessor.withUnsafeMutableBufferPointer { only in
                moves.position.withUnsafeBufferPointer { position in
                moves.partMajorPositions.withUnsafeBufferPointer { partMajorPositions in
                moves.within.withUnsafeBufferPointer { within in
                moves.intoOpening.withUnsafeBufferPointer { into in
                moves.closedPositions.withUnsafeBufferPointer { closed in
                moves.lanes.withUnsafeBufferPointer { lanes in
                moves.laneBits.withUnsafeBufferPointer { bits in
                moves.bounds.withUnsafeBufferPointer { bounds in
                moves.closed.withUnsafeBufferPointer { closedLabels in
                    let copy = em.baseAddress!, f = fwd.baseAddress!, p = position.baseAddress!, source = scores.baseAddress!
                    let e = inPlace ? source : UnsafePointer(copy)
                    let t = within.baseAddress!
                    let fullQuads = moves.typeCount / 4
                    if inPlace {
                        // The rows as they are: their last lanes (the row's pads) read the next row's first.
                    } else if partMajor {
                        let positions = partMajorPositions.baseAddress!
                        for i in 0..<n {
                            let row = copy + i * w, labelRow = source + i * l
                            for lane in 0..<l { row[positions[lane]] = labelRow[lane] }
                        }
                    } else {
                        // Part-major emission rows (pads stay 0: their moves are impossible anyway): four
                        // types' B, I, L, U scores per 4×4 transpose, the types of a last partial quad one by one.
                        for i in 0..<n {
                            let row = copy + i * w, labelRow = source + i * l
                            row[moves.outside] = labelRow[0]
                            var q = 0
                            while q < fullQuads {
                                let types = labelRow + 1 + 16 * q
                                let t0 = SIMD4.load(types), t1 = SIMD4.load(types + 4), t2 = SIMD4.load(types + 8), t3 = SIMD4.load(types + 12)
                                SIMD4(t0[0], t1[0], t2[0], t3[0]).store(row + moves.begin + 4 * q)
                                SIMD4(t0[1], t1[1], t2[1], t3[1]).store(row + moves.inside + 4 * q)
                                SIMD4(t0[2], t1[2], t2[2], t3[2]).store(row + moves.last + 4 * q)
                                SIMD4(t0[3], t1[3], t2[3], t3[3]).store(row + moves.unit + 4 * q)
                                q += 1
                            }
                            for y in (1 + 16 * fullQuads)..<l { row[p[y]] = labelRow[y] }
                        }
                    }
                    moves.start.withUnsafeBufferPointer { start in
                        var v = 0
                        while v < w {
                            (SIMD4.load(start.baseAddress! + v) + SIMD4.load(e + v)).store(f + v)
                            v += 4
                        }
                    }
                    var i = 1
                    while i < n {
                        let previous = f + (i &- 1) &* w, row = f + i &* w, rowEmissions = e + i &* stride
                        // I-X and L-X from B-X and I-X, four types per step.
                        var q = 0
                        while q < q4 {
                            let b = SIMD4.load(previous + moves.begin + q), inside = SIMD4.load(previous + moves.inside + q)
                            var toInside = SIMD4<Float>(repeating: Self.impossible), toLast = toInside
                            toInside.keepGreater(b + SIMD4.load(t + q))
                            toInside.keepGreater(inside + SIMD4.load(t + q4 + q))
                            toLast.keepGreater(b + SIMD4.load(t + 2 * q4 + q))
                            toLast.keepGreater(inside + SIMD4.load(t + 3 * q4 + q))
                            (toInside + SIMD4.load(rowEmissions + moves.inside + q)).store(row + moves.inside + q)
                            (toLast + SIMD4.load(rowEmissions + moves.last + q)).store(row + moves.last + q)
                            q += 4
                        }
                        // O, B-* and U-* from every closed label.
                        if moves.prunes {
                            let (kept, floor) = Self.prunedMaxPlus(
                                into.baseAddress!, lanes: lanes.baseAddress!, bits: bits.baseAddress!, bounds: bounds.baseAddress!,
                                values: previous + moves.last, plus: nil, into: row + moves.unit, adding: rowEmissions + moves.unit)
                            // One kept source above `impossible`: every opening label's maximum comes from it alone.
                            only[i] = kept & (kept &- 1) == 0 && floor > Self.impossible ? Int32(truncatingIfNeeded: closedLabels[kept.trailingZeroBitCount]) : -1
                        } else {
                            Self.maxPlus(into.baseAddress!, sources: closed, values: previous, width: moves.regionWidth,
                                         into: row + moves.unit, adding: rowEmissions + moves.unit, plus: nil)
                        }
                        i += 1
                    }
                }
                }
                }
                }
                }
                }
                }
                }
                }
            }
            }
        }
        return backtrace(n)
    }

    /// `target[v] = max_k(scores[k][v] + value_k) + added[v]` over the region, with
    /// `value_k = values[sources[k]]`, or `(scores[k][v] + values[sources[k]]) + plus[sources[k]]`
    /// when `plus` is given; each maximum from `impossible`, over ascending k, strict `>`.
    @inline(__always)
    private static func maxPlus(
        _ scores: UnsafePointer<Float>, sources: UnsafeBufferPointer<Int>, values: UnsafePointer<Float>, width: Int,
        into target: UnsafeMutablePointer<Float>, adding added: UnsafePointer<Float>?, plus: UnsafePointer<Float>?
    ) {
        @inline(__always) func candidate(_ row: UnsafePointer<Float>, _ k: Int) -> SIMD4<Float> {
            let s = sources[k]
            if let plus { return (SIMD4.load(row) + SIMD4(repeating: values[s])) + SIMD4(repeating: plus[s]) }
            return SIMD4(repeating: values[s]) + SIMD4.load(row)
        }
        @inline(__always) func finish(_ best: SIMD4<Float>, _ v: Int) {
            if let added { (best + SIMD4.load(added + v)).store(target + v) } else { best.store(target + v) }
        }
        if width == 12 {
            // Up to four types (one quad): the three SIMD4 maxima stay in registers.
            var a = SIMD4<Float>(repeating: impossible), b = a, c = a
            var row = scores, k = 0
            // Two sources per round (in order): fewer loop steps and register moves.
            while k + 1 < sources.count {
                a.keepGreater(candidate(row, k))
                b.keepGreater(candidate(row + 4, k))
                c.keepGreater(candidate(row + 8, k))
                a.keepGreater(candidate(row + 12, k + 1))
                b.keepGreater(candidate(row + 16, k + 1))
                c.keepGreater(candidate(row + 20, k + 1))
                row += 24
                k += 2
            }
            if k < sources.count {
                a.keepGreater(candidate(row, k))
                b.keepGreater(candidate(row + 4, k))
                c.keepGreater(candidate(row + 8, k))
            }
            finish(a, 0)
            finish(b, 4)
            finish(c, 8)
            return
        }
        var v = 0
        while v < width {
            var best = SIMD4<Float>(repeating: impossible)
            var row = scores + v
            for k in 0..<sources.count {
                best.keepGreater(candidate(row, k))
                row += width
            }
            finish(best, v)
            v += 4
        }
    }

    /// `maxPlus` over one region of three quads (up to four types) skipping the sources that
    /// cannot reach any target's maximum: `bounds` holds per source lane its lowest and then
    /// its highest score (`-infinity` at pads). With `floor` the highest of every source's value
    /// plus its lowest score, a source whose value plus its highest score is below `floor`
    /// scores below some other source at every target: float addition is monotonic, so the
    /// skipped candidates are strictly below the maximum and neither its value nor (with ±0
    /// ties) which equal candidate comes first changes. The kept sources go in ascending k, as
    /// in `maxPlus`. `values` and `plus` point at the source region's lanes, `lanes[k]` is
    /// source k's lane and `bits` its bit per lane.
    @inline(__always) @discardableResult
    private static func prunedMaxPlus(
        _ scores: UnsafePointer<Float>, lanes: UnsafePointer<Int>, bits: UnsafePointer<Int32>, bounds: UnsafePointer<Float>,
        values: UnsafePointer<Float>, plus: UnsafePointer<Float>?, into target: UnsafeMutablePointer<Float>, adding added: UnsafePointer<Float>?
    ) -> (kept: UInt32, floor: Float) {
        // The same additions, in the same order, as the candidates below.
        @inline(__always) func bound(_ scores: UnsafePointer<Float>, _ v: Int) -> SIMD4<Float> {
            if let plus { return (SIMD4.load(scores + v) + SIMD4.load(values + v)) + SIMD4.load(plus + v) }
            return SIMD4.load(values + v) + SIMD4.load(scores + v)
        }
        var floor = bound(bounds, 0)
        floor.keepGreater(bound(bounds, 4))
        floor.keepGreater(bound(bounds, 8))
        floor.keepGreater(SIMD4(floor[2], floor[3], floor[0], floor[1]))
        floor.keepGreater(SIMD4(floor[1], floor[0], floor[3], floor[2]))
        let threshold = SIMD4<Float>(repeating: floor[0])
        @inline(__always) func kept(_ v: Int) -> SIMD4<Int32> {
            unsafeBitCast(bound(bounds + 12, v) .>= threshold, to: SIMD4<Int32>.self)
                & UnsafeRawPointer(bits + v).loadUnaligned(as: SIMD4<Int32>.self)
        }
        let masks = kept(0) | kept(4) | kept(8)
        let kept = UInt32(bitPattern: masks[0] | masks[1] | masks[2] | masks[3])
        var rest = kept
        var a = SIMD4<Float>(repeating: impossible), b = a, c = a
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            rest &= rest &- 1
            let row = scores + k &* 12, lane = lanes[k]
            if let plus {
                let value = SIMD4<Float>(repeating: values[lane]), more = SIMD4<Float>(repeating: plus[lane])
                a.keepGreater((SIMD4.load(row) + value) + more)
                b.keepGreater((SIMD4.load(row + 4) + value) + more)
                c.keepGreater((SIMD4.load(row + 8) + value) + more)
            } else {
                let value = SIMD4<Float>(repeating: values[lane])
                a.keepGreater(value + SIMD4.load(row))
                b.keepGreater(value + SIMD4.load(row + 4))
                c.keepGreater(value + SIMD4.load(row + 8))
            }
        }
        if let added {
            (a + SIMD4.load(added)).store(target)
            (b + SIMD4.load(added + 4)).store(target + 4)
            (c + SIMD4.load(added + 8)).store(target + 8)
        } else {
            a.store(target)
            b.store(target + 4)
            c.store(target + 8)
        }
        return (kept, floor[0])
    }

    /// The best end label and the path back from it: each token's first predecessor
    /// (ascending) with the best score, as a forward pass keeping back-pointers with a strict
    /// `>` would have recorded. Returns the path's score.
    private mutating func backtrace(_ n: Int) -> Float {
        let l = labelCount, w = moves.width, q4 = 4 * moves.quads, moves = moves
        var total = Self.impossible, arg = 0
        path.withUnsafeMutableBufferPointer { path in
        onlyPredecessor.withUnsafeBufferPointer { only in
            forward.withUnsafeBufferPointer { fwd in
            moves.position.withUnsafeBufferPointer { position in
            moves.within.withUnsafeBufferPointer { within in
            moves.columnsIntoOpening.withUnsafeBufferPointer { columns in
            moves.closedPositions.withUnsafeBufferPointer { closedPositions in
                moves.closed.withUnsafeBufferPointer { closed in
                    let f = fwd.baseAddress!, p = position.baseAddress!, t = within.baseAddress!
                    let lastRow = f + (n - 1) * w
                    moves.end.withUnsafeBufferPointer { endScores in
                        // The best end score four labels at a time; then the first label reaching it.
                        let end = endScores.baseAddress!
                        var best = SIMD4<Float>(repeating: Self.impossible), v = 0
                        while v < w {
                            best.keepGreater(SIMD4.load(lastRow + v) + SIMD4.load(end + v))
                            v += 4
                        }
                        let highest = max(max(best[0], best[1]), max(best[2], best[3]))
                        if highest > Self.impossible {
                            for y in 0..<l where lastRow[p[y]] + end[p[y]] == highest {
                                total = lastRow[p[y]] + end[p[y]]
                                arg = y
                                break
                            }
                        }
                    }
                    path[n - 1] = arg
                    var i = n - 1
                    while i > 0 {
                        let py = p[path[i]], previous = f + (i &- 1) &* w
                        var top = Self.impossible, argument = 0
                        if py < moves.unit {
                            // I-X or L-X: from B-X, then I-X (the label numbers of type X's B and I).
                            let isLast = py >= moves.last, type = isLast ? py - moves.last : py - moves.inside
                            let fromBegin = previous[moves.begin + type] + t[(isLast ? 2 * q4 : 0) + type]
                            let fromInside = previous[moves.inside + type] + t[(isLast ? 3 * q4 : q4) + type]
                            if fromBegin > top { top = fromBegin; argument = 1 + 4 * type }
                            if fromInside > top { argument = 2 + 4 * type }
                        } else if moves.prunes && only[i] >= 0 {
                            argument = Int(only[i])
                        } else {
                            // O, B-* or U-*: the best score from any closed label, four at a time; then
                            // the first closed label (ascending) whose score equals it, as the strict `>`
                            // of the plain recurrence keeps the first of equal scores.
                            let column = columns.baseAddress! + (py &- moves.unit) &* moves.regionWidth
                            let sources = previous + moves.last
                            var best = SIMD4<Float>(repeating: Self.impossible)
                            if moves.regionWidth == 12 {
                                // Up to four types (one quad): the region's three quads unrolled.
                                best.keepGreater(SIMD4.load(sources) + SIMD4.load(column))
                                best.keepGreater(SIMD4.load(sources + 4) + SIMD4.load(column + 4))
                                best.keepGreater(SIMD4.load(sources + 8) + SIMD4.load(column + 8))
                            } else {
                                var v = 0
                                while v < moves.regionWidth {
                                    best.keepGreater(SIMD4.load(sources + v) + SIMD4.load(column + v))
                                    v &+= 4
                                }
                            }
                            // The highest of the four lanes (equal scores compare equal whichever is kept).
                            best.keepGreater(SIMD4(best[2], best[3], best[0], best[1]))
                            best.keepGreater(SIMD4(best[1], best[0], best[3], best[2]))
                            let highest = best[0]
                            if highest > Self.impossible {
                                var k = 0
                                while k < closed.count {
                                    let at = closedPositions[k] &- moves.last
                                    if sources[at] + column[at] == highest { argument = closed[k]; break }
                                    k &+= 1
                                }
                            }
                        }
                        path[i - 1] = argument
                        i -= 1
                    }
                }
            }
            }
            }
            }
            }
        }
        }
        return total
    }

    /// Fills the backward max-product table after `decode` (over the emissions it read) for
    /// tokens `first..<n`, so that `maxMarginal(i, y)` is the best score of any path through
    /// label `y` at token `i >= first`.
    /// After a `decode` that read its rows in place, `scores` must be the same rows.
    mutating func computeMaxMarginals(_ scores: UnsafeBufferPointer<Float>? = nil, count n: Int, from first: Int = 0) {
        guard n > 0 else { return }
        precondition(scores != nil || !readsInPlace, "the rows decode read in place")
        let w = moves.width, q4 = 4 * moves.quads, inPlace = readsInPlace, stride = inPlace ? labelCount : w
        let moves = moves
        emissions.withUnsafeBufferPointer { em in
            backward.withUnsafeMutableBufferPointer { bwd in
                moves.within.withUnsafeBufferPointer { within in
                    moves.outOfClosed.withUnsafeBufferPointer { outOf in
                        moves.openingPositions.withUnsafeBufferPointer { opening in
                        moves.lanes.withUnsafeBufferPointer { lanes in
                        moves.laneBits.withUnsafeBufferPointer { bits in
                        moves.bounds.withUnsafeBufferPointer { bounds in
                            let e = inPlace ? scores!.baseAddress! : em.baseAddress!, bw = bwd.baseAddress!, t = within.baseAddress!
                            moves.end.withUnsafeBufferPointer { end in
                                (bw + (n - 1) * w).update(from: end.baseAddress!, count: w)
                            }
                            var i = n - 2
                            while i >= first {
                                let row = bw + i &* w, next = row + w, nextEmissions = e + (i &+ 1) &* stride
                                // Closed labels from every opening one first: the region's last quad also holds B lanes, written after.
                                if moves.prunes {
                                    let region = moves.regionWidth
                                    Self.prunedMaxPlus(outOf.baseAddress!, lanes: lanes.baseAddress! + moves.closed.count, bits: bits.baseAddress! + region,
                                                       bounds: bounds.baseAddress! + 2 * region, values: nextEmissions + moves.unit,
                                                       plus: next + moves.unit, into: row + moves.last, adding: nil)
                                } else {
                                    Self.maxPlus(outOf.baseAddress!, sources: opening, values: nextEmissions, width: moves.regionWidth,
                                                 into: row + moves.last, adding: nil, plus: next)
                                }
                                var q = 0
                                while q < q4 {
                                    let eI = SIMD4.load(nextEmissions + moves.inside + q), bI = SIMD4.load(next + moves.inside + q)
                                    let eL = SIMD4.load(nextEmissions + moves.last + q), bL = SIMD4.load(next + moves.last + q)
                                    var fromBegin = SIMD4<Float>(repeating: Self.impossible), fromInside = fromBegin
                                    fromBegin.keepGreater((SIMD4.load(t + q) + eI) + bI)
                                    fromBegin.keepGreater((SIMD4.load(t + 2 * q4 + q) + eL) + bL)
                                    fromInside.keepGreater((SIMD4.load(t + q4 + q) + eI) + bI)
                                    fromInside.keepGreater((SIMD4.load(t + 3 * q4 + q) + eL) + bL)
                                    fromBegin.store(row + moves.begin + q)
                                    fromInside.store(row + moves.inside + q)
                                    q += 4
                                }
                                i -= 1
                            }
                        }
                        }
                        }
                        }
                    }
                }
            }
        }
    }

    /// Best score of a path through label `y` at token `i` (after `computeMaxMarginals`).
    @inline(__always)
    func maxMarginal(_ i: Int, _ y: Int) -> Float {
        let v = i * moves.width + moves.position[y]
        return forward[v] + backward[v]
    }

    /// The best score of any path that labels a token of `range` other than `path` does
    /// (after `computeMaxMarginals` from `range.lowerBound` or earlier).
    func bestRival(over range: Range<Int>) -> Float {
        // Four lanes at a time, the own label's lane and the lanes holding no label left out. The
        // maximum's value does not depend on the order; only its zero's sign could, so a zero
        // maximum is found again in the plain order.
        let w = moves.width
        var best = SIMD4<Float>(repeating: -.infinity)
        forward.withUnsafeBufferPointer { f in
        backward.withUnsafeBufferPointer { b in
        moves.noLabel.withUnsafeBufferPointer { noLabel in
        moves.position.withUnsafeBufferPointer { p in
        path.withUnsafeBufferPointer { path in
            for i in range {
                let row = i * w, own = Int32(truncatingIfNeeded: p[path[i]])
                var v = 0
                while v < w {
                    let sums = SIMD4.load(f.baseAddress! + row + v) + SIMD4.load(b.baseAddress! + row + v)
                    let lanes = SIMD4<Int32>(0, 1, 2, 3) &+ Int32(truncatingIfNeeded: v)
                    let skipped = UnsafeRawPointer(noLabel.baseAddress! + v).loadUnaligned(as: SIMD4<Int32>.self) .!= 0 .| (lanes .== own)
                    best.keepGreater(sums.replacing(with: -.infinity, where: skipped))
                    v += 4
                }
            }
        }
        }
        }
        }
        }
        best.keepGreater(SIMD4(best[2], best[3], best[0], best[1]))
        best.keepGreater(SIMD4(best[1], best[0], best[3], best[2]))
        if best[0] != 0 { return max(Self.impossible, best[0]) }
        var rival = Self.impossible
        for i in range {
            let base = i * w, own = path[i]
            for y in 0..<labelCount where y != own { rival = max(rival, forward[base + moves.position[y]] + backward[base + moves.position[y]]) }
        }
        return rival
    }
}

extension SIMD4 where Scalar == Float {
    @inline(__always)
    fileprivate static func load(_ pointer: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    fileprivate static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    fileprivate func store(_ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD4<Float>.self)
    }

    /// Lane by lane, takes `candidate` where it is strictly greater: a running maximum that
    /// keeps the earliest of equal scores.
    @inline(__always)
    fileprivate mutating func keepGreater(_ candidate: SIMD4<Float>) {
        replace(with: candidate, where: candidate .> self)
    }
}
