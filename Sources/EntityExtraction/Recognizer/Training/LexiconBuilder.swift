/// Builds the `WordLexicon` from unlabeled text plus the training text.
enum LexiconBuilder {
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
        return WordLexicon(clusterKeys: clusterKeys, clusterValues: clusterValues, caseKeys: cases.keys, caseValues: cases.values)
    }
}
