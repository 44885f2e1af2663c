extension Extractor {
    /// Repeats of confidently recognized names that the recognizer passed over elsewhere in the
    /// article ("Nazarenko said" after "Volodymyr Nazarenko" was found): same text, same type.
    /// In a headline in capitals the name is looked for in capitals ("BAKHMUT").
    ///
    /// Names are added to the matchers from the text's UTF-8 bytes; the matcher in capitals is
    /// built only when the article has a headline in capitals.
    func propagatedCandidates(from resolved: [Candidate], in text: TokenizedText, shouting: [Bool]? = nil) -> [Candidate] {
        propagatedCandidates(from: resolved, in: text, shouting: shouting, plainWordRuns: true)
    }

    /// `propagatedCandidates(from:in:shouting:)`; `plainWordRuns: false` scans every name's text
    /// anew to add it (the reference for the token fast path). Kept out of line (one call per
    /// article) so that profiles show its cost apart from `extract`'s.
    @inline(never)
    func propagatedCandidates(from resolved: [Candidate], in text: TokenizedText, shouting: [Bool]?, plainWordRuns: Bool) -> [Candidate] {
        // Fields read in place: a copied candidate would retain its canonical name.
        resolved.withUnsafeBufferPointer { resolved in
            guard resolved.contains(where: { $0.source == .recognizer }) else { return [] }
            let shouting = shouting ?? shoutingSentences(text)
            let anyShouting = shouting.contains(true)
            var scratch = propagationScratch.take()
            defer { propagationScratch.put(scratch) }
            let sourceCount = addSources(resolved, text, anyShouting: anyShouting, plainWordRuns: plainWordRuns, &scratch)
            guard sourceCount > 0 else { return [] }
            // Matches first (plain values, into the scratch's buffer), then one candidate each.
            scratch.matches.removeAll(keepingCapacity: true)
            for (s, range) in text.sentences.enumerated() {
                if shouting[s] {
                    scratch.shoutedMatcher.appendMatches(in: text, within: range, sentence: s, to: &scratch.matches)
                } else {
                    scratch.matcher.appendMatches(in: text, within: range, sentence: s, to: &scratch.matches)
                }
            }
            var found: [Candidate] = []
            found.reserveCapacity(scratch.matches.count)
            for match in scratch.matches {
                let source = match.payload / 2
                var canonical = resolved[source].canonical
                if match.payload % 2 == 1, canonical == nil { canonical = text.slice(resolved[source].tokens) }
                found.append(Candidate(
                    tokens: match.tokens, sentence: match.sentence, type: resolved[source].type, confidence: resolved[source].confidence * 0.9,
                    source: .propagated, canonical: canonical))
            }
            return found
        }
    }

    /// Adds the confident named recognizer mentions of `resolved` to the scratch's matchers; the number added.
    ///
    /// Payload `2 * i` is candidate `i` as written, `2 * i + 1` the same in capitals, which takes
    /// the name as its canonical name ("BAKHMUT" joins "Bakhmut").
    private func addSources(
        _ resolved: UnsafeBufferPointer<Candidate>, _ text: TokenizedText, anyShouting: Bool, plainWordRuns: Bool, _ scratch: inout PropagationScratch
    ) -> Int {
        var sourceCount = 0
        for i in resolved.indices where resolved[i].source == .recognizer && resolved[i].type.isNamed && resolved[i].confidence >= 0.8 {
            sourceCount += 1
        }
        guard sourceCount > 0 else { return 0 }
        // About two tokens per name; the matchers' tables then rarely grow.
        let expectedEdges = sourceCount * 2
        scratch.matcher.reset(expectedEdges: expectedEdges)
        if anyShouting { scratch.shoutedMatcher.reset(expectedEdges: expectedEdges * 2) }
        // A name seen before adds nothing (the matchers keep a phrase's first payload, and equal
        // names add equal phrases): byte-equal repeats are skipped, found by a hash of their bytes.
        scratch.seen.reset(capacity: sourceCount)
        scratch.seenNames.removeAll(keepingCapacity: true)
        var added = 0
        text.utf8.withUnsafeBufferPointer { bytes in
            text.byteRanges.withUnsafeBufferPointer { byteRanges in
                for i in resolved.indices where resolved[i].source == .recognizer && resolved[i].type.isNamed && resolved[i].confidence >= 0.8 {
                    let tokens = resolved[i].tokens
                    let byteRange = text.byteRange(tokens)
                    let name = UnsafeBufferPointer(rebasing: bytes[byteRange])
                    guard UTF8Bytes.scalarCount(name) >= 3, UTF8Bytes.startsUppercase(name) else { continue }
                    let seenBefore = scratch.seenNames
                    let s = scratch.seen.index(hash: UTF8Bytes.fnv1a(name), orInsert: scratch.seenNames.count) {
                        UnsafeBufferPointer(rebasing: bytes[seenBefore[$0]]).sameBytes(as: name)
                    }
                    guard s == scratch.seenNames.count else { continue }
                    scratch.seenNames.append(byteRange)
                    added += 1
                    // Names of plain words (nearly all) are added from the text's own tokens, not scanned again.
                    let wordTokens = UnsafeBufferPointer(rebasing: byteRanges[tokens])
                    let plain = plainWordRuns && Self.isPlainWordRun(wordTokens, in: bytes)
                    if plain {
                        scratch.matcher.add(tokens: wordTokens, in: bytes, payload: 2 * i)
                    } else {
                        scratch.matcher.add(bytes: name, payload: 2 * i)
                    }
                    guard anyShouting, !UTF8Bytes.isShouted(name) else { continue }  // the matcher in capitals is looked up only then
                    if plain && PatternText.isASCII(name) {
                        scratch.shoutedMatcher.addUppercased(tokens: wordTokens, in: bytes, payload: 2 * i + 1, scratch: &scratch.upper)
                    } else {
                        scratch.shoutedMatcher.addUppercased(name, payload: 2 * i + 1, scratch: &scratch.upper)
                    }
                    // Headlines name people by surname: "PRIGOZHIN GLOATS".
                    if resolved[i].type == .person, tokens.count > 1 {
                        let surname = UnsafeBufferPointer(rebasing: bytes[byteRanges[tokens.upperBound - 1]])
                        guard UTF8Bytes.scalarCount(surname) >= 3 else { continue }
                        if plain {  // one word of ASCII letters: the token itself
                            let last = UnsafeBufferPointer(rebasing: byteRanges[(tokens.upperBound - 1)..<tokens.upperBound])
                            scratch.shoutedMatcher.addUppercased(tokens: last, in: bytes, payload: 2 * i + 1, scratch: &scratch.upper)
                        } else {
                            scratch.shoutedMatcher.addUppercased(surname, payload: 2 * i + 1, scratch: &scratch.upper)
                        }
                    }
                }
            }
        }
        return added
    }

    /// Whether the tokens (byte ranges in `bytes`) are ASCII letters only, each apart from the
    /// next: then the tokenizer, scanning the text from the first one's start to the last one's
    /// end alone, gives exactly these tokens (a run of letters ends only at a non-letter, the
    /// gaps are what it skips, and nothing in a run of letters looks past it), and that text
    /// holds no curly apostrophe.
    static func isPlainWordRun(_ tokens: UnsafeBufferPointer<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in tokens.indices {
            if k > 0 && tokens[k].lowerBound <= tokens[k - 1].upperBound { return false }
            for j in tokens[k] where (bytes[j] | 0x20) &- 0x61 >= 26 { return false }
        }
        return true
    }
}
