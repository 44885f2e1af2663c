extension LabelSet {
    /// The labels of `count` BILOU labels in part-major order: every type's I, every type's L,
    /// U, then `O`, then every type's B (`1 + 4t + part` by part, then type): the order weight
    /// rows and emission rows are stored in, the decoder's own row order (`ViterbiMoves`), so
    /// that it takes each part's scores in whole SIMD steps, and with a multiple of four types
    /// reads the rows in place. Other label counts keep their order.
    static func partMajorLabels(count l: Int) -> [Int] {
        guard l > 1 && (l - 1) % 4 == 0 else { return Array(0..<l) }
        let types = (l - 1) / 4
        func part(_ part: Int) -> [Int] { (0..<types).map { 1 + 4 * $0 + part } }
        return part(1) + part(2) + part(3) + [0] + part(0)
    }
}
