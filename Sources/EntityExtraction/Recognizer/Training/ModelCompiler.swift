/// Turns trained float weights into the shipped model: keeps the strongest feature rows and
/// quantizes them to Int16 with one shared scale.
enum ModelCompiler {
    static func compile(labels: LabelSet, keys: [UInt64], weights: [Float], transitions: [Float], maxFeatures: Int) -> LinearStage {
        let l = labels.count
        var strength = [Float](repeating: 0, count: keys.count)
        for row in 0..<keys.count {
            var top: Float = 0
            for y in 0..<l { top = max(top, abs(weights[row * l + y])) }
            strength[row] = top
        }
        var kept = (0..<keys.count).filter { strength[$0] > 0 }
        if kept.count > maxFeatures {
            // Ties broken by key so the choice never depends on sort stability.
            kept.sort { strength[$0] != strength[$1] ? strength[$0] > strength[$1] : keys[$0] < keys[$1] }
            kept = Array(kept.prefix(maxFeatures))
        }
        let maxAbs = kept.reduce(Float(0)) { max($0, strength[$1]) }
        let scale = maxAbs > 0 ? maxAbs / 32_767 : 1
        kept.sort { keys[$0] < keys[$1] }
        var keptKeys: [UInt64] = []
        var quantized: [Int16] = []
        keptKeys.reserveCapacity(kept.count)
        quantized.reserveCapacity(kept.count * l)
        for row in kept {
            let values = (0..<l).map { Int16((weights[row * l + $0] / scale).rounded()) }
            if values.allSatisfy({ $0 == 0 }) { continue }
            keptKeys.append(keys[row])
            quantized.append(contentsOf: values)
        }
        return LinearStage(featureKeys: keptKeys, weights: quantized, weightScale: scale, transitions: transitions)
    }
}
