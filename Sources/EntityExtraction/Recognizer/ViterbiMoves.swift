/// The transition scores of the BILOU moves laid out for the decoder's SIMD4 steps.
///
/// BILOU over T types allows two kinds of move: a closed label {O, L-*, U-*} moves to an
/// opening one {O, B-*, U-*}, and B-X or I-X moves to I-X or L-X. The decoder keeps every
/// token's scores part-major, four types per SIMD4 ("quads", pads scored `impossible`):
///
///     [I: Q quads][L: Q][U: Q][O][B: Q][3 pads]     (W = 4 (4Q + 1) floats)
///
/// so the opening targets {U, O, B} and the closed sources {L, U, O} (followed by three B
/// lanes, moving nowhere from there) are each one contiguous region of 2Q + 1 quads, and the
/// I/L moves are whole quads of the same types (B's loaded unaligned). With T a multiple of
/// four the first 4T + 1 floats are a part-major emission row (`LabelSet.partMajorLabels`).
///
/// A class, immutable: a decoder holds it with one reference (new scores, new instance).
final class ViterbiMoves: Sendable {
    let typeCount: Int
    /// Quads of types: `ceil(T / 4)`.
    let quads: Int
    /// Floats per token row.
    let width: Int
    /// Where each part's quads start in a row.
    let inside: Int, last: Int, unit: Int, outside: Int, begin: Int
    /// Floats in the opening-target region (starts at `unit`) and in the closed-source region
    /// (starts at `last`): `4 (2Q + 1)` each.
    let regionWidth: Int
    /// Row position of every label.
    let position: [Int]
    /// Row position of the label at each lane of a part-major emission row (`LabelSet.partMajorLabels`).
    let partMajorPositions: [Int]
    /// The closed labels {O, L-*, U-*} ascending: every opening label's predecessors, in the
    /// order ties are broken.
    let closed: [Int]
    /// The opening labels {O, B-*, U-*} ascending: every closed label's successors.
    let opening: [Int]
    /// Row positions of `closed` and `opening`.
    let closedPositions: [Int]
    let openingPositions: [Int]
    /// `closed.count` rows over the opening-target region: `score(closed[k], target)`.
    let intoOpening: [Float]
    /// `opening.count` rows over the closed-source region: `score(source, opening[k])`.
    let outOfClosed: [Float]
    /// The transposed `intoOpening`, for the backtrace: for each position u of the opening-target
    /// region, a row over the closed-source region, `score(closed label at v, opening label at u)`
    /// (`impossible` at pads).
    let columnsIntoOpening: [Float]
    /// Four rows of Q quads, by type: B→I, I→I, B→L, I→L.
    let within: [Float]
    /// Row of scores added at the first token (0 where a sentence may start) and at the last.
    let start: [Float]
    let end: [Float]
    /// Whether the decoder prunes the moves between closed and opening labels (`ViterbiDecoder.prunedMaxPlus`):
    /// up to four types, one region of three quads.
    let prunes: Bool
    /// Per lane of the closed-source region, the lowest and the highest score of its moves
    /// into an opening label; per lane of the opening-target region, of its moves from a closed
    /// label (`-infinity` at pads). Four rows of `regionWidth`: lowest out, highest out, lowest in, highest in.
    let bounds: [Float]
    /// Per lane of the closed-source region, `1 << k` for `closed[k]`; then per lane of the
    /// opening-target region, `1 << k` for `opening[k]` (0 at pads): kept moves as a mask in
    /// the order ties are broken.
    let laneBits: [Int32]
    /// Region lane of each `closed[k]`, then of each `opening[k]` (at `closed.count + k`).
    let lanes: [Int]
    /// Per row position, 0 where a label is, -1 at pads.
    let noLabel: [Int32]

    /// The moves of `labels` scored by `scores` (`L × L`, from-major).
    init(labels: LabelSet, scores: [Float]) {
        let t = labels.types.count
        typeCount = t
        quads = (t + 3) / 4
        let q4 = 4 * quads
        inside = 0
        last = q4
        unit = 2 * q4
        outside = 3 * q4
        begin = 3 * q4 + 1
        width = 4 * q4 + 4
        regionWidth = 2 * q4 + 4
        var position = [Int](repeating: outside, count: labels.count)
        for type in 0..<t {
            position[labels.label(type: type, part: .begin)] = begin + type
            position[labels.label(type: type, part: .inside)] = inside + type
            position[labels.label(type: type, part: .last)] = last + type
            position[labels.label(type: type, part: .unit)] = unit + type
        }
        self.position = position
        partMajorPositions = LabelSet.partMajorLabels(count: labels.count).map { position[$0] }
        closed = (0..<labels.count).filter { labels.allowsEnd($0) }
        opening = (0..<labels.count).filter { labels.allowsStart($0) }
        closedPositions = closed.map { position[$0] }
        openingPositions = opening.map { position[$0] }
        var start = [Float](repeating: ViterbiDecoder.impossible, count: width)
        for y in opening { start[position[y]] = 0 }
        var end = [Float](repeating: ViterbiDecoder.impossible, count: width)
        for y in closed { end[position[y]] = 0 }
        self.start = start
        self.end = end
        let l = labels.count, regionWidth = regionWidth, unit = unit, last = last
        var intoOpening = [Float](repeating: ViterbiDecoder.impossible, count: closed.count * regionWidth)
        var outOfClosed = [Float](repeating: ViterbiDecoder.impossible, count: opening.count * regionWidth)
        var within = [Float](repeating: ViterbiDecoder.impossible, count: 4 * q4)
        var columnsIntoOpening = [Float](repeating: ViterbiDecoder.impossible, count: regionWidth * regionWidth)
        for (k, x) in closed.enumerated() {
            for y in opening {
                intoOpening[k * regionWidth + position[y] - unit] = scores[x * l + y]
                columnsIntoOpening[(position[y] - unit) * regionWidth + position[x] - last] = scores[x * l + y]
            }
        }
        for (k, z) in opening.enumerated() {
            for y in closed { outOfClosed[k * regionWidth + position[y] - last] = scores[y * l + z] }
        }
        for type in 0..<t {
            let b = labels.label(type: type, part: .begin), i = labels.label(type: type, part: .inside)
            let lastLabel = labels.label(type: type, part: .last)
            within[type] = scores[b * l + i]
            within[q4 + type] = scores[i * l + i]
            within[2 * q4 + type] = scores[b * l + lastLabel]
            within[3 * q4 + type] = scores[i * l + lastLabel]
        }
        var bounds = [Float](repeating: -Float.infinity, count: 4 * regionWidth)
        var laneBits = [Int32](repeating: 0, count: 2 * regionWidth)
        prunes = regionWidth == 12
        for (k, x) in closed.enumerated() {
            let lane = position[x] - last, moves = opening.map { scores[x * l + $0] }
            bounds[lane] = moves.min() ?? -Float.infinity
            bounds[regionWidth + lane] = moves.max() ?? -Float.infinity
            if prunes { laneBits[lane] = 1 << k }
        }
        for (k, z) in opening.enumerated() {
            let lane = position[z] - unit, moves = closed.map { scores[$0 * l + z] }
            bounds[2 * regionWidth + lane] = moves.min() ?? -Float.infinity
            bounds[3 * regionWidth + lane] = moves.max() ?? -Float.infinity
            if prunes { laneBits[regionWidth + lane] = 1 << k }
        }
        self.bounds = bounds
        self.laneBits = laneBits
        lanes = closed.map { position[$0] - last } + opening.map { position[$0] - unit }
        var noLabel = [Int32](repeating: -1, count: width)
        for y in 0..<labels.count { noLabel[position[y]] = 0 }
        self.noLabel = noLabel
        self.intoOpening = intoOpening
        self.columnsIntoOpening = columnsIntoOpening
        self.outOfClosed = outOfClosed
        self.within = within
    }
}
