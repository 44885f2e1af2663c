import Testing
@testable import EntityExtraction

/// `DocumentContext` and `FirstPassEvidence` count per document word number
/// (`TokenInfo.documentWord`, from one reused stamped table) instead of per lowercase hash:
/// the numbers must name exactly the lowercase forms, and the counts must be the per-hash ones.
@Suite struct RecognizerDocumentWordTests {
    /// One analysis reused for every document, a long one between short ones: stale slots of
    /// earlier documents must never number a word of a later one.
    static func documents() throws -> [TokenizedText] {
        let texts = try RecognizerByteInputTests.texts(documents: 60)
        let longest = texts.max { $0.byteRanges.count < $1.byteRanges.count }!
        return texts + [longest] + texts.prefix(5) + texts.prefix(5)
    }

    @Test func documentWordsNumberExactlyTheLowercaseFormsWithLetters() throws {
        let words = try EntityRecognizer.bundled().model.wordCache.cache
        var analyzed = AnalyzedDocument()
        var documents = 0, repeatedWords = 0
        for text in try Self.documents() {
            analyzed.analyze(RecognizerInput(text, sentences: text.sentences.indices), cache: documents % 2 == 0 ? words : nil)
            var numberOf: [UInt64: Int32] = [:], lowerOf: [Int32: UInt64] = [:]
            for info in analyzed.infos {
                guard info.has(.hasLetter) else {
                    #expect(info.documentWord == -1)
                    continue
                }
                // The first occurrences are numbered 0, 1, 2, … in order.
                let expected = numberOf[info.lower] ?? Int32(numberOf.count)
                #expect(info.documentWord == expected)
                if numberOf[info.lower] != nil { repeatedWords += 1 }
                numberOf[info.lower] = expected
                #expect(lowerOf[expected, default: info.lower] == info.lower)
                lowerOf[expected] = info.lower
            }
            #expect(analyzed.wordCount == numberOf.count)
            documents += 1
        }
        #expect(documents > 70 && repeatedWords > 5_000)
    }

    static func lanes(_ vector: SIMD8<Int32>?) -> [Int32]? { vector.map { v in (0..<8).map { v[$0] } } }

    @Test func documentCountsEqualCountsPerLowercaseHash() throws {
        let model = try EntityRecognizer.bundled().model
        let labelSet = model.labels
        var analyzed = AnalyzedDocument()
        var random = SplitMix64(seed: 11)
        var checked = 0, votes = 0, seenBits = 0
        for text in try Self.documents() {
            analyzed.analyze(RecognizerInput(text, sentences: text.sentences.indices), cache: model.wordCache.cache)
            let infos = analyzed.infos
            let labels = infos.indices.map { _ in Int(random.next() % UInt64(labelSet.count)) }
            let evidence = FirstPassEvidence(analyzed: analyzed, labels: labels, labelSet: labelSet)
            var sentenceLabels: [[Int]] = []
            for s in 0..<analyzed.sentenceCount { sentenceLabels.append(Array(labels[analyzed.range(of: s)])) }
            let bySentence = FirstPassEvidence(analyzed: analyzed, labels: sentenceLabels, labelSet: labelSet)
            let context = DocumentContext(analyzed: analyzed)
            // The reference: counts and case bits kept per lowercase hash in dictionaries.
            var counts: [UInt64: [Int32]] = [:], seen: [UInt64: UInt8] = [:]
            for (t, info) in infos.enumerated() where info.has(.hasLetter) {
                var entry = counts[info.lower, default: [Int32](repeating: 0, count: 8)]
                entry[0] += 1
                if let type = labelSet.type(of: labels[t]), type < evidence.typeCount { entry[1 + type] += 1 }
                counts[info.lower] = entry
            }
            for s in 0..<analyzed.sentenceCount where !analyzed.headlines[s] {
                let range = analyzed.range(of: s)
                for t in range where infos[t].has(.hasLetter) {
                    let info = infos[t]
                    var bit: UInt8 = 0
                    if info.has(.allCapitals) && info.length > 1 { bit = 4 }
                    else if !info.has(.initialCapital) && !info.has(.innerCapital) { bit = 1 }
                    else if t > range.lowerBound && info.has(.initialCapital) { bit = 2 }
                    seen[info.lower, default: 0] |= bit
                }
            }
            for (t, info) in infos.enumerated() where info.has(.hasLetter) {
                let ownType = labelSet.type(of: labels[t])
                var expected = counts[info.lower]!
                let others: [Int32]?
                if expected[0] > 1 {
                    expected[0] -= 1
                    if let ownType, ownType < evidence.typeCount { expected[1 + ownType] -= 1 }
                    others = expected
                    votes += 1
                } else {
                    others = nil
                }
                #expect(Self.lanes(evidence.others(word: info.documentWord, ownType: ownType)) == others)
                #expect(Self.lanes(bySentence.others(word: info.documentWord, ownType: ownType)) == others)
                #expect(context.flags(word: info.documentWord) == seen[info.lower, default: 0])
                if seen[info.lower, default: 0] != 0 { seenBits += 1 }
                checked += 1
            }
        }
        #expect(checked > 10_000 && votes > 5_000 && seenBits > 10_000, "\(checked) \(votes) \(seenBits)")
    }
}
