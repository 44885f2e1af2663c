extension LabelSet {
    /// The labels of `count` BILOU labels in part-major order, `O` then every type's B, every
    /// type's I, L, U (`[0]` + `1 + 4t + part` by part, then type): the order weight rows and
    /// emission rows are stored in, so that the decoder takes each part's scores in whole SIMD
    /// steps instead of transposing every token's row. Other label counts keep their order.
    static func partMajorLabels(count l: Int) -> [Int] {
        guard l > 1 && (l - 1) % 4 == 0 else { return Array(0..<l) }
        let types = (l - 1) / 4
        return [0] + (0..<4).flatMap { part in (0..<types).map { 1 + 4 * $0 + part } }
    }
}
