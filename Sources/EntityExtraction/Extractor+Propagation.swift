extension Extractor {
    /// Repeats of confidently recognized names that the recognizer passed over elsewhere in the
    /// article ("Nazarenko said" after "Volodymyr Nazarenko" was found): same text, same type.
    /// In a headline in capitals the name is looked for in capitals ("BAKHMUT").
    ///
    /// Names are added to the matchers from the text's UTF-8 bytes; the matcher in capitals is
    /// built only when the article has a headline in capitals.
    func propagatedCandidates(from resolved: [Candidate], in text: TokenizedText, shouting: [Bool]? = nil) -> [Candidate] {
        guard resolved.contains(where: { $0.source == .recognizer }) else { return [] }
        let shouting = shouting ?? shoutingSentences(text)
        let anyShouting = shouting.contains(true)
        var matcher = PhraseMatcher()
        var shoutedMatcher = PhraseMatcher()
        var sources: [Candidate] = []
        var seen = Set<String>()
        var upper: [UInt8] = []
        text.utf8.withUnsafeBufferPointer { bytes in
            for candidate in resolved where candidate.source == .recognizer && candidate.type.isNamed && candidate.confidence >= 0.8 {
                let name = UnsafeBufferPointer(rebasing: bytes[text.byteRange(candidate.tokens)])
                guard UTF8Bytes.scalarCount(name) >= 3, UTF8Bytes.startsUppercase(name) else { continue }
                let nameString = String(decoding: name, as: UTF8.self)
                guard seen.insert(nameString).inserted else { continue }
                sources.append(candidate)
                matcher.add(bytes: name, payload: sources.count - 1)
                guard !UTF8Bytes.isShouted(name) else { continue }
                var shouted = candidate
                shouted.canonical = candidate.canonical ?? nameString  // "BAKHMUT" joins "Bakhmut"
                sources.append(shouted)
                guard anyShouting else { continue }  // never looked up
                shoutedMatcher.addUppercased(name, payload: sources.count - 1, scratch: &upper)
                // Headlines name people by surname: "PRIGOZHIN GLOATS".
                if candidate.type == .person, candidate.tokens.count > 1 {
                    let surname = UnsafeBufferPointer(rebasing: bytes[text.byteRanges[candidate.tokens.upperBound - 1]])
                    if UTF8Bytes.scalarCount(surname) >= 3 { shoutedMatcher.addUppercased(surname, payload: sources.count - 1, scratch: &upper) }
                }
            }
        }
        guard !sources.isEmpty else { return [] }
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
