/// Turns the tokens of a sentence into feature keys, the same way for training and tagging.
struct FeatureExtractor: Sendable {
    let gazetteer: Gazetteer
    let lexicon: WordLexicon

    private static let outside: UInt64 = 0x0B5E_55ED_0B5E_55ED
    /// What a neighbour's lowercase and shape hashes are before the sentence start and after its end.
    static let before: UInt64 = FeatureHash.finalize(0xB0)
    static let after: UInt64 = FeatureHash.finalize(0xE0)

    /// A line with letters but no lowercase letter, such as "SOCCER - JAPAN GET LUCKY WIN".
    static func isHeadline(_ sentence: [Substring]) -> Bool {
        var capitals = false
        for token in sentence {
            for scalar in token.unicodeScalars {
                let v = scalar.value
                if v >= 0x61 && v <= 0x7A { return false }
                if v >= 0x80 && scalar.properties.isLowercase { return false }
                if v >= 0x41 && v <= 0x5A { capitals = true }
            }
        }
        return capitals
    }

    /// Fills `scratch` with the sentence's keys: token i's are
    /// `scratch.keys[scratch.offsets[i]..<scratch.offsets[i + 1]]`.
    ///
    /// With `contextOnly`, the keys that depend on a single token's string alone (see
    /// `wordKeys`) are left out: a `WordScoreCache` supplies their summed weights instead.
    /// With `dense`, the small-domain context keys go to `scratch.codes` as `DenseContextTable`
    /// codes instead of `scratch.keys`, and `scratch.clusters` is left 0. `words` is the cache
    /// `analyzed` was analysed with, if any: its words' gazetteer entries and priors are looked up there.
    func extract(_ analyzed: AnalyzedDocument, sentence s: Int, document: DocumentContext, evidence: StageEvidence? = nil,
                 contextOnly: Bool = false, dense: Bool = false, words: WordScoreCache? = nil, into scratch: inout FeatureScratch) {
        let range = analyzed.range(of: s)
        let n = range.count
        scratch.reset(count: n)
        analyzed.infos.withUnsafeBufferPointer { all in
            let infos = UnsafeBufferPointer(rebasing: all[range])
            let cachedWords = analyzed.cachedWords, entries = words?.gazetteerEntries ?? [], priors = words?.casePriors ?? []
            // Through pointers: element by element, the arrays' checks cost more than the work.
            scratch.lowers.withUnsafeMutableBufferPointer { lowers in
            scratch.clusters.withUnsafeMutableBufferPointer { clusters in
            scratch.singles.withUnsafeMutableBufferPointer { singles in
            scratch.priors.withUnsafeMutableBufferPointer { tokenPriors in
            cachedWords.withUnsafeBufferPointer { cachedWords in
            entries.withUnsafeBufferPointer { entries in
            priors.withUnsafeBufferPointer { priors in
                for i in 0..<n {
                    let info = infos[i]
                    lowers[i] = info.lower
                    // Context-only keys use clusters only for the topic: they are looked up there.
                    clusters[i] = contextOnly ? 0 : lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
                    // A cached word's gazetteer entry and prior are known (`analyzed.cachedWords` are `words`' numbers).
                    let word = words == nil ? -1 : Int(cachedWords[range.lowerBound + i])
                    if word >= 0 {
                        singles[i] = entries[word]
                        tokenPriors[i] = priors[word]
                    } else {
                        singles[i] = gazetteer.single(lower: info.lower)
                        tokenPriors[i] = lexicon.casePrior(lower: info.lower)
                    }
                }
            }
            }
            }
            }
            }
            }
            }
            scratch.lowers.withUnsafeBufferPointer { lowers in
                scratch.singles.withUnsafeBufferPointer { singles in
                    scratch.marks.withUnsafeMutableBufferPointer { marks in
                        gazetteer.annotate(
                            lowerHashes: UnsafeBufferPointer(rebasing: lowers[0..<n]), singles: UnsafeBufferPointer(rebasing: singles[0..<n]),
                            into: UnsafeMutableBufferPointer(rebasing: marks[0..<n]))
                    }
                }
            }
            let headline = analyzed.headlines[s]
            scratch.offsets[0] = 0
            scratch.codeOffsets[0] = 0
            // A bound on the sentence's keys and codes: at most 64 per token besides gazetteer
            // bits, and each token's bits are read at most 4 times (here, as either neighbour's, topic).
            var bound = 64 * n
            for i in 0..<n { bound += 4 * scratch.marks[i].nonzeroBitCount }
            scratch.write(keys: bound, codes: bound) { writer in
                for i in 0..<n {
                    tokenFeatures(i, infos, headline: headline, document: document, contextOnly: contextOnly, dense: dense, writer: &writer)
                    if let evidence { Self.evidenceKeys(i, count: n, info: infos[i], evidence) { writer.append(key: $0) } }
                    writer.endToken(i)
                }
            }
        }
    }

    @inline(__always)
    private func tokenFeatures(_ i: Int, _ infos: UnsafeBufferPointer<TokenInfo>, headline: Bool, document: DocumentContext,
                               contextOnly: Bool, dense: Bool, writer: inout FeatureWriter) {
        let n = infos.count
        let info = infos[i]
        func emit(_ template: FeatureTemplate, _ value: UInt64) {
            writer.append(key: FeatureHash.mix(template.rawValue, value))
        }
        func emitSmall(_ template: FeatureTemplate, _ value: UInt64) {
            if dense, let code = DenseContextTable.code(template, value) {
                writer.append(code: code)
            } else {
                emit(template, value)
            }
        }
        func lowerAt(_ j: Int) -> UInt64 {
            j < 0 ? Self.before : (j >= n ? Self.after : infos[j].lower)
        }
        func shapeAt(_ j: Int) -> UInt64 {
            j < 0 ? Self.before : (j >= n ? Self.after : infos[j].shortShape)
        }
        let context: UInt64 = headline ? 2 : (i == 0 ? 1 : 0)
        let capital: UInt64 = info.has(.initialCapital) ? 1 : 0

        emitSmall(.bias, 0)
        if !contextOnly {
            Self.spellingKeys(info) { writer.append(key: $0) }
            emit(.lowerMinus2, lowerAt(i - 2))
            emit(.lowerMinus1, lowerAt(i - 1))
            emit(.lowerPlus1, lowerAt(i + 1))
            emit(.lowerPlus2, lowerAt(i + 2))
            emit(.shapeMinus1, shapeAt(i - 1))
            emit(.shapePlus1, shapeAt(i + 1))
        }
        emit(.bigramLeft, FeatureHash.mix(lowerAt(i - 1), info.lower))
        emit(.bigramRight, FeatureHash.mix(info.lower, lowerAt(i + 1)))
        emit(.shapeTrigram, FeatureHash.mix(FeatureHash.mix(shapeAt(i - 1), info.shortShape), shapeAt(i + 1)))
        emit(.previousWordShape, FeatureHash.mix(lowerAt(i - 1), info.shortShape))
        emit(.nextWordShape, FeatureHash.mix(info.shortShape, lowerAt(i + 1)))
        if i == 0 { emit(.initialShape, info.shortShape) }
        if headline {
            emit(.headlineLower, info.lower)
            emit(.headlineTitle, info.shortShape)
        }
        emitSmall(.flagsInContext, context << 16 | UInt64(info.flags))
        emitSmall(.lengthBucket, UInt64(min(info.length, 12)) << 1 | capital)

        gazetteerFeatures(writer.marks[i], .gazetteerHere, dense: dense, &writer)
        if i > 0 { gazetteerFeatures(writer.marks[i - 1], .gazetteerMinus1, dense: dense, &writer) }
        if i + 1 < n { gazetteerFeatures(writer.marks[i + 1], .gazetteerPlus1, dense: dense, &writer) }

        if !contextOnly {
            clusterFeatures(writer.clusters[i], .clusterHere, full: true, &writer)
            if i > 0 { clusterFeatures(writer.clusters[i - 1], .clusterMinus1, full: false, &writer) }
            if i + 1 < n { clusterFeatures(writer.clusters[i + 1], .clusterPlus1, full: false, &writer) }
        }

        if document.topic != 0 && info.has(.initialCapital) {
            emit(.topicShape, FeatureHash.mix(document.topic, info.shortShape))
            let cluster = contextOnly ? lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower) : writer.clusters[i]
            emit(.topicCluster, FeatureHash.mix(document.topic, UInt64(cluster & 0x3FFFF)))
            var bits = writer.marks[i]
            while bits != 0 {
                emit(.topicGazetteer, FeatureHash.mix(document.topic, UInt64(bits.trailingZeroBitCount)))
                bits &= bits - 1
            }
        }
        if info.has(.hasLetter) {
            let prior = UInt64(writer.priors[i])
            emitSmall(.casePrior, context << 8 | prior << 1 | capital)
            let seen = UInt64(document.flags(word: info.documentWord))
            emitSmall(.documentCase, context << 8 | seen << 2 | capital << 1 | (info.has(.allCapitals) ? 1 : 0))
        }
    }

    @inline(__always)
    private func gazetteerFeatures(_ marks: UInt32, _ template: FeatureTemplate, dense: Bool, _ writer: inout FeatureWriter) {
        var bits = marks
        while bits != 0 {
            let bit = UInt64(bits.trailingZeroBitCount)
            if dense, let code = DenseContextTable.code(template, bit) {
                writer.append(code: code)
            } else {
                writer.append(key: FeatureHash.mix(template.rawValue, bit))
            }
            bits &= bits - 1
        }
    }

    @inline(__always)
    private func clusterFeatures(_ packed: UInt32, _ template: FeatureTemplate, full: Bool, _ writer: inout FeatureWriter) {
        Self.clusterKeys(packed, template, full: full) { writer.append(key: $0) }
    }

    @inline(__always)
    private static func clusterKeys(_ packed: UInt32, _ template: FeatureTemplate, full: Bool, _ emit: (UInt64) -> Void) {
        guard packed != 0 else { return }
        let coarse = UInt64(packed & 0xFF), medium = UInt64((packed >> 8) & 0x3FF), fine = UInt64(packed >> 18)
        if coarse != 0 { emit(FeatureHash.mix(template.rawValue, 1 << 20 | coarse)) }
        if medium != 0 { emit(FeatureHash.mix(template.rawValue, 2 << 20 | medium)) }
        if full && fine != 0 { emit(FeatureHash.mix(template.rawValue, 3 << 20 | fine)) }
    }

    /// The keys of the token's own spelling: word, lowercase, shapes, prefixes, suffixes.
    @inline(__always)
    static func spellingKeys(_ info: TokenInfo, _ emit: (UInt64) -> Void) {
        func key(_ template: FeatureTemplate, _ value: UInt64) { emit(FeatureHash.mix(template.rawValue, value)) }
        key(.word, info.exact)
        key(.lower, info.lower)
        key(.shape, info.shape)
        key(.shortShape, info.shortShape)
        key(.prefix1, info.prefixes.0)
        key(.prefix2, info.prefixes.1)
        key(.prefix3, info.prefixes.2)
        key(.prefix4, info.prefixes.3)
        key(.suffix1, info.suffixes.0)
        key(.suffix2, info.suffixes.1)
        key(.suffix3, info.suffixes.2)
        key(.suffix4, info.suffixes.3)
    }

    /// Where a word's string-only keys apply, relative to the word's own position.
    enum WordPart: Int, CaseIterable {
        case itself = 0, nextToken, tokenAfterNext, previousToken, tokenBeforePrevious
    }

    /// The keys that depend on one word's string alone and apply at `part` (the ones
    /// `extract(contextOnly: true)` leaves out). Their weights can be summed once per word.
    static func wordKeys(_ info: TokenInfo, cluster: UInt32, part: WordPart, _ emit: (UInt64) -> Void) {
        func key(_ template: FeatureTemplate, _ value: UInt64) { emit(FeatureHash.mix(template.rawValue, value)) }
        switch part {
        case .itself:
            spellingKeys(info, emit)
            clusterKeys(cluster, .clusterHere, full: true, emit)
        case .nextToken:
            key(.lowerMinus1, info.lower)
            key(.shapeMinus1, info.shortShape)
            clusterKeys(cluster, .clusterMinus1, full: false, emit)
        case .tokenAfterNext:
            key(.lowerMinus2, info.lower)
        case .previousToken:
            key(.lowerPlus1, info.lower)
            key(.shapePlus1, info.shortShape)
            clusterKeys(cluster, .clusterPlus1, full: false, emit)
        case .tokenBeforePrevious:
            key(.lowerPlus2, info.lower)
        }
    }

    /// The keys a token gets when the neighbour that `part` names lies outside the sentence.
    static func boundaryKeys(_ part: WordPart, _ emit: (UInt64) -> Void) {
        func key(_ template: FeatureTemplate, _ value: UInt64) { emit(FeatureHash.mix(template.rawValue, value)) }
        switch part {
        case .itself: break
        case .nextToken:
            key(.lowerMinus1, before)
            key(.shapeMinus1, before)
        case .tokenAfterNext: key(.lowerMinus2, before)
        case .previousToken:
            key(.lowerPlus1, after)
            key(.shapePlus1, after)
        case .tokenBeforePrevious: key(.lowerPlus2, after)
        }
    }
}
