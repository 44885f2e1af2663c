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
        // Indices, not copies: a candidate holds a string.
        let sourceIndices = resolved.indices.filter { i in
            resolved[i].source == .recognizer && resolved[i].type.isNamed && resolved[i].confidence >= 0.8
        }
        // About two tokens per name; the matchers' tables then rarely grow.
        let expectedEdges = sourceIndices.count * 2
        var matcher = PhraseMatcher(expectedEdges: expectedEdges)
        var shoutedMatcher = anyShouting ? PhraseMatcher(expectedEdges: expectedEdges * 2) : PhraseMatcher()
        var sources: [Candidate] = []
        sources.reserveCapacity(sourceIndices.count * 2)
        // A name seen before adds nothing (the matchers keep a phrase's first payload, and equal
        // names add equal phrases): byte-equal repeats are skipped, found by a hash of their bytes.
        var seen: [UInt64: Range<Int>] = [:]
        seen.reserveCapacity(sourceIndices.count)
        var upper: [UInt8] = []
        text.utf8.withUnsafeBufferPointer { bytes in
            for i in sourceIndices {
                let candidate = resolved[i]
                let byteRange = text.byteRange(candidate.tokens)
                let name = UnsafeBufferPointer(rebasing: bytes[byteRange])
                guard UTF8Bytes.scalarCount(name) >= 3, UTF8Bytes.startsUppercase(name) else { continue }
                let hash = UTF8Bytes.fnv1a(name)
                if let first = seen[hash] {
                    if bytes[first].elementsEqual(name) { continue }
                } else {
                    seen[hash] = byteRange
                }
                sources.append(candidate)
                matcher.add(bytes: name, payload: sources.count - 1)
                guard !UTF8Bytes.isShouted(name) else { continue }
                var shouted = candidate
                shouted.canonical = candidate.canonical ?? String(decoding: name, as: UTF8.self)  // "BAKHMUT" joins "Bakhmut"
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
            let matches = shouting[s] ? shoutedMatcher.matches(in: text, within: range) : matcher.matches(in: text, within: range)
            for match in matches {
                let source = sources[match.payload]
                found.append(Candidate(
                    tokens: match.tokens, sentence: s, type: source.type, confidence: source.confidence * 0.9,
                    source: .propagated, canonical: source.canonical))
            }
        }
        return found
    }
}
