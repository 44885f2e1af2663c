extension Extractor {
    /// Repeats of confidently recognized names that the recognizer passed over elsewhere in the
    /// article ("Nazarenko said" after "Volodymyr Nazarenko" was found): same text, same type.
    /// In a headline in capitals the name is looked for in capitals ("BAKHMUT").
    func propagatedCandidates(from resolved: [Candidate], in text: TokenizedText, shouting: [Bool]? = nil) -> [Candidate] {
        var matcher = PhraseMatcher()
        var shoutedMatcher = PhraseMatcher()
        var sources: [Candidate] = []
        var seen = Set<String>()
        for candidate in resolved where candidate.source == .recognizer && candidate.type.isNamed && candidate.confidence >= 0.8 {
            let name = text.slice(candidate.tokens)
            guard name.unicodeScalars.count >= 3, name.first?.isUppercase == true, seen.insert(name).inserted else { continue }
            sources.append(candidate)
            matcher.add(name, payload: sources.count - 1)
            if !name.isShouted {
                var shouted = candidate
                shouted.canonical = candidate.canonical ?? name  // "BAKHMUT" joins "Bakhmut"
                sources.append(shouted)
                shoutedMatcher.add(name.uppercased(), payload: sources.count - 1)
                // Headlines name people by surname: "PRIGOZHIN GLOATS".
                if candidate.type == .person, candidate.tokens.count > 1 {
                    let surname = text.tokens[candidate.tokens.upperBound - 1].text
                    if surname.unicodeScalars.count >= 3 { shoutedMatcher.add(surname.uppercased(), payload: sources.count - 1) }
                }
            }
        }
        guard !sources.isEmpty else { return [] }
        let shouting = shouting ?? shoutingSentences(text)
        var found: [Candidate] = []
        for (s, range) in text.sentences.enumerated() {
            for match in (shouting[s] ? shoutedMatcher : matcher).matches(in: text, within: range) {
                let source = sources[match.payload]
                found.append(Candidate(
                    tokens: match.tokens, sentence: s, type: source.type, confidence: source.confidence * 0.9,
                    source: .propagated, canonical: source.canonical))
            }
        }
        return found
    }
}
