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
        guard !sourceIndices.isEmpty else { return [] }
        var scratch = propagationScratch.take()
        defer { propagationScratch.put(scratch) }
        // About two tokens per name; the matchers' tables then rarely grow.
        let expectedEdges = sourceIndices.count * 2
        scratch.matcher.reset(expectedEdges: expectedEdges)
        if anyShouting { scratch.shoutedMatcher.reset(expectedEdges: expectedEdges * 2) }
        // A name seen before adds nothing (the matchers keep a phrase's first payload, and equal
        // names add equal phrases): byte-equal repeats are skipped, found by a hash of their bytes.
        scratch.seen.removeAll(keepingCapacity: true)
        scratch.seen.reserveCapacity(sourceIndices.count)
        // Payload `2 * i` is candidate `i` as written, `2 * i + 1` the same in capitals, which
        // takes the name as its canonical name ("BAKHMUT" joins "Bakhmut").
        var anySource = false
        text.utf8.withUnsafeBufferPointer { bytes in
            for i in sourceIndices {
                let tokens = resolved[i].tokens
                let byteRange = text.byteRange(tokens)
                let name = UnsafeBufferPointer(rebasing: bytes[byteRange])
                guard UTF8Bytes.scalarCount(name) >= 3, UTF8Bytes.startsUppercase(name) else { continue }
                let hash = UTF8Bytes.fnv1a(name)
                if let first = scratch.seen[hash] {
                    if bytes[first].elementsEqual(name) { continue }
                } else {
                    scratch.seen[hash] = byteRange
                }
                anySource = true
                scratch.matcher.add(bytes: name, payload: 2 * i)
                guard anyShouting, !UTF8Bytes.isShouted(name) else { continue }  // the matcher in capitals is looked up only then
                scratch.shoutedMatcher.addUppercased(name, payload: 2 * i + 1, scratch: &scratch.upper)
                // Headlines name people by surname: "PRIGOZHIN GLOATS".
                if resolved[i].type == .person, tokens.count > 1 {
                    let surname = UnsafeBufferPointer(rebasing: bytes[text.byteRanges[tokens.upperBound - 1]])
                    if UTF8Bytes.scalarCount(surname) >= 3 { scratch.shoutedMatcher.addUppercased(surname, payload: 2 * i + 1, scratch: &scratch.upper) }
                }
            }
        }
        guard anySource else { return [] }
        var found: [Candidate] = []
        for (s, range) in text.sentences.enumerated() {
            let matches = shouting[s] ? scratch.shoutedMatcher.matches(in: text, within: range) : scratch.matcher.matches(in: text, within: range)
            for match in matches {
                let source = match.payload / 2
                var canonical = resolved[source].canonical
                if match.payload % 2 == 1, canonical == nil { canonical = text.slice(resolved[source].tokens) }
                found.append(Candidate(
                    tokens: match.tokens, sentence: s, type: resolved[source].type, confidence: resolved[source].confidence * 0.9,
                    source: .propagated, canonical: canonical))
            }
        }
        return found
    }
}
