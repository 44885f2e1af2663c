extension Extractor {
    /// Sentences the statistical recognizer reads per call: enough document context for
    /// consistent names, small enough to check the deadline between calls.
    static let recognizerChunkSentences = 100

    /// Spans proposed by every source, overlapping freely.
    func findCandidates(in text: TokenizedText, shouting: [Bool], checkDeadline: () throws -> Void) throws -> [Candidate] {
        var candidates: [Candidate] = []
        for (s, range) in text.sentences.enumerated() {
            // A watch list is matched as written, and in capitals in headlines written in capitals.
            let matches = shouting[s] ? userNames.shoutedMatcher.matches(in: text, within: range) : userNames.matcher.matches(in: text, within: range)
            for match in matches {
                let entry = userNames.entries[match.payload]
                candidates.append(Candidate(tokens: match.tokens, sentence: s, type: entry.type, confidence: 1, source: .userDictionary, canonical: entry.name))
            }
        }
        if let recognizer {
            var recognized: [RecognizedMention] = []
            var chunkStart = 0
            while chunkStart < text.sentences.count {
                let chunk = chunkStart..<min(chunkStart + Self.recognizerChunkSentences, text.sentences.count)
                for (offset, spans) in recognizer.recognize(text, sentences: chunk).enumerated() {
                    let s = chunk.lowerBound + offset
                    let base = text.sentences[s].lowerBound
                    for span in spans {
                        let range = (base + span.tokens.lowerBound)..<(base + span.tokens.upperBound)
                        if let mention = cleaned(range, label: span.label, confidence: span.confidence, sentence: s, in: text) {
                            recognized.append(mention)
                        }
                    }
                }
                try checkDeadline()
                chunkStart = chunk.upperBound
            }
            harmonizeLabels(&recognized)
            candidates.reserveCapacity(candidates.count + recognized.count)
            for i in recognized.indices { candidates.append(typedCandidate(recognized[i], in: text)) }
        }
        for (s, range) in text.sentences.enumerated() {
            if !shouting[s] {
                for match in builtInNames.matcher.matches(in: text, within: range) {
                    let entry = builtInNames.entries[match.payload]
                    candidates.append(Candidate(tokens: match.tokens, sentence: s, type: entry.type, confidence: 1, source: .builtInName, canonical: entry.name))
                }
                if let placeMatcher {
                    for match in placeMatcher.matches(in: text, within: range) where match.tokens.lowerBound > range.lowerBound {
                        let name = text.slice(match.tokens)
                        candidates.append(Candidate(tokens: match.tokens, sentence: s, type: .gpe, confidence: 1, source: .place, canonical: name))
                    }
                }
            }
            if s % 64 == 63 { try checkDeadline() }
        }
        // After the other sources: `resolve` orders candidates by source first, so where they
        // are in the array does not matter.
        try patterns.recognizeSentences(text) { s, spans in
            for span in spans {
                candidates.append(Candidate(tokens: span.tokens, sentence: s, type: span.type, confidence: span.confidence, source: .pattern))
            }
            if s % 64 == 63 { try checkDeadline() }
        }
        return candidates
    }

    /// Keeps the best candidates of `candidates` and `more` (as if one array, `candidates + more`,
    /// without making it) that do not overlap: by source, then longer first, then earlier.
    func resolve(_ candidates: [Candidate], adding more: [Candidate] = [], in text: TokenizedText) -> [Candidate] {
        // Sorting packed integer keys, not the candidates themselves: an article may hold hundreds
        // of thousands of candidates, and moving structs with strings is what costs. Each key holds
        // its candidate's index in the low bits, so a plain integer sort is the stable sort by
        // (source, longer, earlier) that the candidates need.
        guard let order = Self.packedOrder(candidates, more) else { return resolveSlowly(candidates + more, in: text) }
        let split = candidates.count
        var taken = [Bool](repeating: false, count: text.tokens.count)
        var kept: [UInt64] = []
        kept.reserveCapacity(min(order.count, text.tokens.count))
        for key in order {
            let i = Int(key & Self.indexMask)
            let tokens = i < split ? candidates[i].tokens : more[i &- split].tokens
            guard !tokens.isEmpty, !tokens.contains(where: { taken[$0] }) else { continue }
            for t in tokens { taken[t] = true }
            // Kept spans do not overlap: their starts are distinct and order them.
            kept.append(UInt64(tokens.lowerBound) << Self.indexBits | UInt64(i))
        }
        kept.sort()
        var resolved: [Candidate] = []
        resolved.reserveCapacity(kept.count)
        for key in kept {
            let i = Int(key & Self.indexMask)
            resolved.append(i < split ? candidates[i] : more[i &- split])
        }
        return resolved
    }

    private static let indexBits: UInt64 = 23
    private static let indexMask: UInt64 = 1 << indexBits - 1

    /// Keys `source (3 bits) | 4095 - length (12) | start (26) | index (23)` of `candidates + more`,
    /// sorted; `nil` when a value does not fit (then `resolveSlowly` decides).
    private static func packedOrder(_ candidates: [Candidate], _ more: [Candidate]) -> [UInt64]? {
        guard candidates.count + more.count <= Int(indexMask) else { return nil }
        var keys: [UInt64] = []
        keys.reserveCapacity(candidates.count + more.count)
        guard appendKeys(of: candidates, from: 0, to: &keys), appendKeys(of: more, from: candidates.count, to: &keys) else { return nil }
        keys.sort()
        return keys
    }

    /// Appends the keys of `part`, whose first candidate has index `offset`; `false` when one does not fit.
    private static func appendKeys(of part: [Candidate], from offset: Int, to keys: inout [UInt64]) -> Bool {
        // Fields read by index: enumerating would copy each candidate and retain its string.
        for i in part.indices {
            let tokens = part[i].tokens
            let source = part[i].source.rawValue
            let length = tokens.count
            guard length < 4096, tokens.lowerBound < 1 << 26, source < 8 else { return false }
            keys.append(UInt64(source) << 61 | UInt64(4095 - length) << 49 | UInt64(tokens.lowerBound) << indexBits | UInt64(offset + i))
        }
        return true
    }

    /// `resolve` for candidates whose keys do not pack (tokens past 2^26, spans of 4,096 tokens or more).
    func resolveSlowly(_ candidates: [Candidate], in text: TokenizedText) -> [Candidate] {
        let keys = candidates.map { c -> UInt64 in
            let length = UInt64(min(c.tokens.count, 0xFFFF))
            return UInt64(c.source.rawValue) << 56 | (0xFFFF - length) << 40 | UInt64(min(c.tokens.lowerBound, 0xFF_FFFF_FFFF))
        }
        let order = candidates.indices.sorted { keys[$0] < keys[$1] }
        var taken = [Bool](repeating: false, count: text.tokens.count)
        var kept: [Int] = []
        for i in order where !candidates[i].tokens.isEmpty && !candidates[i].tokens.contains(where: { taken[$0] }) {
            for t in candidates[i].tokens { taken[t] = true }
            kept.append(i)
        }
        kept.sort { candidates[$0].tokens.lowerBound < candidates[$1].tokens.lowerBound }
        return kept.map { candidates[$0] }
    }

    /// Whether each sentence is a headline in capitals: case says nothing there, so dictionary
    /// matching would misfire ("US" in "HELP US"). Judged once per article, on UTF-8 bytes.
    func shoutingSentences(_ text: TokenizedText) -> [Bool] {
        text.utf8.withUnsafeBufferPointer { bytes in
            text.tokens.withUnsafeBufferPointer { tokens in
            text.byteRanges.withUnsafeBufferPointer { byteRanges in
            text.sentences.map { range in
                var upper = 0
                var words = 0
                for i in range where tokens[i].kind == .word {
                    let (longerThanOne, hasLowercase) = UTF8Bytes.wordCase(UnsafeBufferPointer(rebasing: bytes[byteRanges[i]]))
                    guard longerThanOne else { continue }
                    words += 1
                    if !hasLowercase { upper += 1 }
                }
                return words >= 2 && upper * 10 >= words * 6
            }
            }
            }
        }
    }
}
