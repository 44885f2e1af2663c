/// Averaged structured perceptron (Collins 2002) over BILOU labels with constrained Viterbi,
/// using the lazy averaging trick: `average = w - accumulated / steps`.
struct PerceptronTrainer {
    let labels: LabelSet
    let set: TrainingSet
    private(set) var weights: [Float]
    private var accumulated: [Double]
    private(set) var transitions: [Float]
    private var accumulatedTransitions: [Double]
    private var steps: Double = 1

    init(labels: LabelSet, set: TrainingSet) {
        self.labels = labels
        self.set = set
        let l = labels.count
        weights = [Float](repeating: 0, count: set.keys.count * l)
        accumulated = [Double](repeating: 0, count: set.keys.count * l)
        transitions = [Float](repeating: 0, count: l * l)
        accumulatedTransitions = [Double](repeating: 0, count: l * l)
    }

    /// One pass over the sentences (all, or those `include` accepts) in an order drawn from
    /// `generator`; returns the share of tokens mislabelled before their update.
    mutating func pass<G: RandomNumberGenerator>(using generator: inout G, include: (TrainingSet.Sentence) -> Bool = { _ in true }) -> Double {
        let l = labels.count
        var order = set.sentences.indices.filter { include(set.sentences[$0]) }
        order.shuffle(using: &generator)
        var decoder = ViterbiDecoder(labels: labels, transitions: transitions)
        var emissions: [Float] = []
        var errors = 0, tokens = 0
        for index in order {
            let sentence = set.sentences[index]
            let n = sentence.count
            Self.emissions(sentence, set: set, weights: weights, labelCount: l, into: &emissions)
            decoder.setTransitions(transitions)
            emissions.withUnsafeBufferPointer { e in
                _ = decoder.decode(UnsafeBufferPointer(rebasing: e[0..<(n * l)]), count: n)
            }
            tokens += n
            var wrong = false
            for i in 0..<n where decoder.path[i] != set.gold[sentence.firstToken + i] { wrong = true; errors += 1 }
            if wrong { update(sentence, predicted: decoder.path) }
            steps += 1
        }
        return tokens == 0 ? 0 : Double(errors) / Double(tokens)
    }

    /// Sums float weights of the sentence's features into `emissions[i * L + y]`.
    static func emissions(_ sentence: TrainingSet.Sentence, set: TrainingSet, weights: [Float], labelCount l: Int, into emissions: inout [Float]) {
        let n = sentence.count
        if emissions.count < n * l { emissions = [Float](repeating: 0, count: n * l) }
        weights.withUnsafeBufferPointer { w in
            for i in 0..<n {
                let t = sentence.firstToken + i
                for y in 0..<l { emissions[i * l + y] = 0 }
                for f in set.featureIDs[set.tokenStarts[t]..<set.tokenStarts[t + 1]] {
                    let base = Int(f) * l
                    for y in 0..<l { emissions[i * l + y] += w[base + y] }
                }
            }
        }
    }

    /// Labels of the sentences `include` accepts, by the averaged weights (others get `[]`).
    func predict(include: (TrainingSet.Sentence) -> Bool) -> [[Int]] {
        let l = labels.count
        let (weights, transitions) = averaged()
        var decoder = ViterbiDecoder(labels: labels, transitions: transitions)
        var emissions: [Float] = []
        return set.sentences.map { sentence in
            guard include(sentence), sentence.count > 0 else { return [] }
            Self.emissions(sentence, set: set, weights: weights, labelCount: l, into: &emissions)
            emissions.withUnsafeBufferPointer { e in
                _ = decoder.decode(UnsafeBufferPointer(rebasing: e[0..<(sentence.count * l)]), count: sentence.count)
            }
            return Array(decoder.path[0..<sentence.count])
        }
    }

    private mutating func update(_ sentence: TrainingSet.Sentence, predicted: [Int]) {
        let l = labels.count
        let delta = sentence.weight
        let scaled = Double(delta) * steps
        for i in 0..<sentence.count {
            let t = sentence.firstToken + i
            let gold = set.gold[t], guess = predicted[i]
            if gold != guess {
                for f in set.featureIDs[set.tokenStarts[t]..<set.tokenStarts[t + 1]] {
                    let base = Int(f) * l
                    weights[base + gold] += delta
                    weights[base + guess] -= delta
                    accumulated[base + gold] += scaled
                    accumulated[base + guess] -= scaled
                }
            }
            if i > 0 {
                let goldPair = set.gold[t - 1] * l + gold, guessPair = predicted[i - 1] * l + guess
                if goldPair != guessPair {
                    transitions[goldPair] += delta
                    transitions[guessPair] -= delta
                    accumulatedTransitions[goldPair] += scaled
                    accumulatedTransitions[guessPair] -= scaled
                }
            }
        }
    }

    /// The averaged weights and transitions.
    func averaged() -> (weights: [Float], transitions: [Float]) {
        let w = zip(weights, accumulated).map { Float(Double($0) - $1 / steps) }
        let t = zip(transitions, accumulatedTransitions).map { Float(Double($0) - $1 / steps) }
        return (w, t)
    }
}
