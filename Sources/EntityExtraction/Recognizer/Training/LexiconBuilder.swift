/// Builds the `WordLexicon` from unlabeled text plus the training text.
enum LexiconBuilder {
    /// The `count` most frequent token strings (ties by string), without line breaks.
    static func frequentWords(_ sentences: [[Substring]], count: Int) -> [String] {
        guard count > 0 else { return [] }
        var frequency: [Substring: Int] = [:]
        for sentence in sentences {
            for token in sentence where !token.contains("\n") { frequency[token, default: 0] += 1 }
        }
        return frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(count).map { String($0.key) }
    }

    static func build(_ data: TrainingData, configuration: TrainingConfiguration, log: (String) -> Void) -> WordLexicon {
        var priors = CasePriorBuilder()
        var sentences: [[Substring]] = []
        for text in data.unlabeled {
            for line in text.split(separator: "\n") { sentences.append(PlainTextTokenizer.tokens(line)) }
        }
        for corpus in [data.train] + (data.extra.map { [$0] } ?? []) {
            for sentence in corpus.sentences { sentences.append(sentence.tokens.map { Substring($0) }) }
        }
        for sentence in sentences where !FeatureExtractor.isHeadline(sentence) { priors.add(sentence) }
        let cases = priors.table()
        var clusterKeys: [UInt64] = []
        var clusterValues: [UInt32] = []
        if !configuration.clusterSizes.isEmpty {
            (clusterKeys, clusterValues) = WordClustering.packedClusters(
                sentences, sizes: configuration.clusterSizes, vocabulary: configuration.clusterVocabulary,
                iterations: configuration.clusterIterations, log: log)
        }
        return WordLexicon(clusterKeys: clusterKeys, clusterValues: clusterValues, caseKeys: cases.keys, caseValues: cases.values,
                           frequentWords: frequentWords(sentences, count: configuration.frequentWords))
    }
}
