extension Extractor {
    /// Repeats of confidently recognized names that the recognizer passed over elsewhere in the
    /// article ("Nazarenko said" after "Volodymyr Nazarenko" was found): same text, same type.
    func propagatedCandidates(from resolved: [Candidate], in text: TokenizedText) -> [Candidate] {
        var matcher = PhraseMatcher()
        var sources: [Candidate] = []
        var seen = Set<String>()
        for candidate in resolved where candidate.source == .recognizer && candidate.type.isNamed && candidate.confidence >= 0.8 {
            let name = text.slice(candidate.tokens)
            guard name.unicodeScalars.count >= 3, name.first?.isUppercase == true, seen.insert(name).inserted else { continue }
            matcher.add(name, payload: sources.count, tokenizer: tokenizer)
            sources.append(candidate)
        }
        guard !sources.isEmpty else { return [] }
        var found: [Candidate] = []
        for (s, range) in text.sentences.enumerated() where !isShouting(text.tokens[range]) {
            for match in matcher.matches(in: text.tokens, within: range) {
                let source = sources[match.payload]
                found.append(Candidate(
                    tokens: match.tokens, sentence: s, type: source.type, confidence: source.confidence * 0.9,
                    source: .propagated, canonical: source.canonical))
            }
        }
        return found
    }
}
