/// The allowed label moves grouped into dense blocks: labels with the same allowed
/// predecessors (or successors) share one block, so the decoder's inner loops run over small
/// contiguous score rows with no per-move indirection.
///
/// BILOU over T types gives T + 1 blocks each way: {O, B-*, U-*} reached from the 2T + 1 closed
/// labels {O, L-*, U-*}, and per type {I-X, L-X} reached from {B-X, I-X}.
struct ViterbiMoves: Sendable {
    /// The labels of block b: `members[memberStarts[b]..<memberStarts[b + 1]]`.
    let members: [Int]
    let memberStarts: [Int]
    /// What every member of block b may move from (or to), ascending: `others[otherStarts[b]..<otherStarts[b + 1]]`.
    let others: [Int]
    let otherStarts: [Int]
    /// Block b's move scores, other-major, each other's row padded to whole SIMD8 chunks with
    /// `ViterbiDecoder.impossible`: `scores[scoreStarts[b] + o * 8 * chunks[b] + m]` scores other o
    /// with member m.
    private(set) var scores: [Float]
    let scoreStarts: [Int]
    /// SIMD8 chunks per row of block b.
    let chunks: [Int]
    /// Block of each label and the label's position among the block's members.
    let blockOf: [Int]
    let positionOf: [Int]

    var blockCount: Int { memberStarts.count - 1 }

    /// Blocks over `allowed(member, other)`; `others(of:)` lists what a label may move from or to.
    init(labelCount l: Int, others allowedOthers: (Int) -> [Int]) {
        var members: [Int] = [], memberStarts = [0], others: [Int] = [], otherStarts = [0], scoreStarts = [0], chunks: [Int] = []
        var blockOf = [Int](repeating: 0, count: l), positionOf = [Int](repeating: 0, count: l)
        var blockSets: [[Int]] = []
        var blockMembers: [[Int]] = []
        for y in 0..<l {
            let set = allowedOthers(y)
            if let b = blockSets.firstIndex(of: set) {
                blockMembers[b].append(y)
            } else {
                blockSets.append(set)
                blockMembers.append([y])
            }
        }
        for (b, set) in blockSets.enumerated() {
            for (position, y) in blockMembers[b].enumerated() { blockOf[y] = b; positionOf[y] = position }
            members.append(contentsOf: blockMembers[b])
            memberStarts.append(members.count)
            others.append(contentsOf: set)
            otherStarts.append(others.count)
            chunks.append((blockMembers[b].count + 7) / 8)
            scoreStarts.append(scoreStarts[b] + set.count * 8 * chunks[b])
        }
        self.members = members
        self.memberStarts = memberStarts
        self.others = others
        self.otherStarts = otherStarts
        self.scoreStarts = scoreStarts
        self.chunks = chunks
        self.blockOf = blockOf
        self.positionOf = positionOf
        scores = [Float](repeating: ViterbiDecoder.impossible, count: scoreStarts[scoreStarts.count - 1])
    }

    /// Fills the block scores: `score(other, member)`.
    mutating func setScores(_ score: (Int, Int) -> Float) {
        for b in 0..<blockCount {
            let count = 8 * chunks[b]
            for (o, other) in others[otherStarts[b]..<otherStarts[b + 1]].enumerated() {
                for (m, member) in members[memberStarts[b]..<memberStarts[b + 1]].enumerated() {
                    scores[scoreStarts[b] + o * count + m] = score(other, member)
                }
            }
        }
    }
}
