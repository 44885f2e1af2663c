extension FeatureExtractor {
    /// The context keys and codes of every token of the document: exactly what
    /// `extract(_:sentence:document:contextOnly: true, dense: true, words:)` gives sentence by
    /// sentence, in the same order, written for the whole document at once. Token t's are
    /// `keys[keyStarts[t]..<keyStarts[t + 1]]` and `codes[codeStarts[t]..<codeStarts[t + 1]]`
    /// (the arrays only grow; entries past the last token's are stale). `analyzed` must have
    /// been analysed with `words`. Neighbour hashes are read from per-document buffers and each
    /// adjacent pair's bigram hash is made once for both tokens.
    func extractContext(_ analyzed: AnalyzedDocument, document: DocumentContext, words: WordScoreCache, scratch: ContextScratch,
                        keys: inout [UInt64], keyStarts: inout [Int], codes: inout [Int32], codeStarts: inout [Int]) {
        let tokenCount = analyzed.infos.count
        scratch.reserve(tokenCount, sentences: analyzed.sentenceCount)
        precondition(keyStarts.count > tokenCount && codeStarts.count > tokenCount, "starts need one entry per token and one more")
        let lowers = scratch.lowers, shapes = scratch.shapes, singles = scratch.singles, priors = scratch.priors, marks = scratch.marks
        var markBits = 0
        analyzed.infos.withUnsafeBufferPointer { infos in
        analyzed.cachedWords.withUnsafeBufferPointer { cachedWords in
        words.gazetteerEntries.withUnsafeBufferPointer { entries in
        words.casePriors.withUnsafeBufferPointer { casePriors in
            for s in 0..<analyzed.sentenceCount {
                // Sentence s's lowercase and shape hashes sit at `t + 1 + 2s`, between the values
                // of the positions before its start and after its end.
                let range = analyzed.range(of: s), pad = 1 &+ 2 &* s
                lowers[range.lowerBound &+ pad &- 1] = Self.before
                shapes[range.lowerBound &+ pad &- 1] = Self.before
                lowers[range.upperBound &+ pad] = Self.after
                shapes[range.upperBound &+ pad] = Self.after
                for t in range {
                    let lower = infos[t].lower
                    lowers[t &+ pad] = lower
                    shapes[t &+ pad] = infos[t].shortShape
                    let word = Int(cachedWords[t])
                    if word >= 0 {
                        singles[t] = entries[word]
                        priors[t] = casePriors[word]
                    } else {
                        singles[t] = gazetteer.single(lower: lower)
                        priors[t] = lexicon.casePrior(lower: lower)
                    }
                }
            }
        }
        }
        }
        }
        for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s)
            guard !range.isEmpty else { continue }
            gazetteer.annotate(lowerHashes: UnsafeBufferPointer(start: lowers + range.lowerBound + 1 + 2 * s, count: range.count),
                               singles: UnsafeBufferPointer(start: singles + range.lowerBound, count: range.count),
                               into: UnsafeMutableBufferPointer(start: marks + range.lowerBound, count: range.count))
            // Most tokens have no marks: counting bits only where there are some is cheaper.
            for t in range where marks[t] != 0 { markBits &+= marks[t].nonzeroBitCount }
        }
        // Per token at most 15 keys besides one per gazetteer bit (topic), at most 5 codes
        // besides the bits of the token and its two neighbours.
        let keyBound = 16 * tokenCount + markBits, codeBound = 8 * tokenCount + 3 * markBits
        if keys.count < keyBound { keys.append(contentsOf: repeatElement(0, count: max(keyBound, 2 * keys.count) - keys.count)) }
        if codes.count < codeBound { codes.append(contentsOf: repeatElement(0, count: max(codeBound, 2 * codes.count) - codes.count)) }
        keys.withUnsafeMutableBufferPointer { keys in
        codes.withUnsafeMutableBufferPointer { codes in
        keyStarts.withUnsafeMutableBufferPointer { keyStarts in
        codeStarts.withUnsafeMutableBufferPointer { codeStarts in
        analyzed.infos.withUnsafeBufferPointer { infos in
            var writer = ContextWriter(keys: keys.baseAddress!, codes: codes.baseAddress!)
            for s in 0..<analyzed.sentenceCount {
                let range = analyzed.range(of: s)
                guard !range.isEmpty else { continue }
                sentenceContext(range, sentence: s, headline: analyzed.headlines[s], infos: infos.baseAddress!, scratch: scratch, document: document,
                                writer: &writer, keyStarts: keyStarts.baseAddress!, codeStarts: codeStarts.baseAddress!)
            }
            keyStarts[tokenCount] = writer.keyCount
            codeStarts[tokenCount] = writer.codeCount
            precondition(writer.keyCount <= keyBound && writer.codeCount <= codeBound, "context features exceed their bound")
        }
        }
        }
        }
        }
    }

    /// `tokenFeatures(contextOnly: true, dense: true)` of every token of one sentence.
    @inline(__always)
    private func sentenceContext(_ range: Range<Int>, sentence s: Int, headline: Bool, infos: UnsafePointer<TokenInfo>, scratch: ContextScratch,
                                 document: DocumentContext, writer: inout ContextWriter,
                                 keyStarts: UnsafeMutablePointer<Int>, codeStarts: UnsafeMutablePointer<Int>) {
        let first = range.lowerBound, n = range.count
        // Token i's hashes at `lowers[i]`, `shapes[i]`, and the values outside the sentence at -1 and n.
        let lowers = scratch.lowers + first + 1 + 2 * s, shapes = scratch.shapes + first + 1 + 2 * s, marks = scratch.marks + first
        let priors = scratch.priors + first, pairs = scratch.pairs
        @inline(__always) func lowerAt(_ j: Int) -> UInt64 { lowers[j] }
        @inline(__always) func shapeAt(_ j: Int) -> UInt64 { shapes[j] }
        for i in 0...n { pairs[i] = FeatureHash.mix(lowerAt(i &- 1), lowerAt(i)) }
        let topic = document.topic
        for i in 0..<n {
            keyStarts[first + i] = writer.keyCount
            codeStarts[first + i] = writer.codeCount
            let info = infos + first + i
            let lower = lowers[i], shape = shapes[i], flags = info.pointee.flags
            let previousLower = lowerAt(i - 1), nextLower = lowerAt(i + 1)
            let context: UInt64 = headline ? 2 : (i == 0 ? 1 : 0)
            let capital: UInt64 = flags & TokenInfo.Flag.initialCapital.rawValue != 0 ? 1 : 0
            writer.small(.bias, 0)
            writer.key(.bigramLeft, pairs[i])
            writer.key(.bigramRight, pairs[i + 1])
            writer.key(.shapeTrigram, FeatureHash.mix(FeatureHash.mix(shapeAt(i - 1), shape), shapeAt(i + 1)))
            writer.key(.previousWordShape, FeatureHash.mix(previousLower, shape))
            writer.key(.nextWordShape, FeatureHash.mix(shape, nextLower))
            if i == 0 { writer.key(.initialShape, shape) }
            if headline {
                writer.key(.headlineLower, lower)
                writer.key(.headlineTitle, shape)
            }
            writer.small(.flagsInContext, context << 16 | UInt64(flags))
            writer.small(.lengthBucket, UInt64(min(info.pointee.length, 12)) << 1 | capital)
            writer.gazetteer(marks[i], .gazetteerHere)
            if i > 0 { writer.gazetteer(marks[i - 1], .gazetteerMinus1) }
            if i + 1 < n { writer.gazetteer(marks[i + 1], .gazetteerPlus1) }
            if topic != 0 && capital != 0 {
                writer.key(.topicShape, FeatureHash.mix(topic, shape))
                let cluster = lexicon.cluster(exact: info.pointee.exact, title: info.pointee.title, lower: lower)
                writer.key(.topicCluster, FeatureHash.mix(topic, UInt64(cluster & 0x3FFFF)))
                var bits = marks[i]
                while bits != 0 {
                    writer.key(.topicGazetteer, FeatureHash.mix(topic, UInt64(bits.trailingZeroBitCount)))
                    bits &= bits - 1
                }
            }
            if flags & TokenInfo.Flag.hasLetter.rawValue != 0 {
                writer.small(.casePrior, context << 8 | UInt64(priors[i]) << 1 | capital)
                let seen = UInt64(document.flags(word: info.pointee.documentWord))
                let allCapitals: UInt64 = flags & TokenInfo.Flag.allCapitals.rawValue != 0 ? 1 : 0
                writer.small(.documentCase, context << 8 | seen << 2 | capital << 1 | allCapitals)
            }
        }
    }
}

/// Where `extractContext` writes: raw pointers into storage sized beforehand for the document.
private struct ContextWriter {
    let keys: UnsafeMutablePointer<UInt64>
    let codes: UnsafeMutablePointer<Int32>
    var keyCount = 0, codeCount = 0

    @inline(__always)
    mutating func key(_ template: FeatureTemplate, _ value: UInt64) {
        keys[keyCount] = FeatureHash.mix(template.rawValue, value)
        keyCount &+= 1
    }

    /// A small-domain feature: its `DenseContextTable` code, or its key outside the table.
    @inline(__always)
    mutating func small(_ template: FeatureTemplate, _ value: UInt64) {
        if let code = DenseContextTable.code(template, value) {
            codes[codeCount] = code
            codeCount &+= 1
        } else {
            key(template, value)
        }
    }

    @inline(__always)
    mutating func gazetteer(_ marks: UInt32, _ template: FeatureTemplate) {
        var bits = marks
        while bits != 0 {
            small(template, UInt64(bits.trailingZeroBitCount))
            bits &= bits - 1
        }
    }
}
