import Testing
@testable import EntityExtraction

/// Propagation's token fast path adds what scanning each name's text anew adds.
@Suite struct PropagationFastPathTests {
    @Test func propagationFromTokensFindsWhatScanningNamesFinds() throws {
        let extractor = try SharedExtractor.get()
        var found = 0
        for (text, _) in try GroupingFastPathTests.articles() {
            let tokenized = Tokenizer().tokenize(text)
            let shouting = extractor.shoutingSentences(tokenized)
            let resolved = extractor.resolve(try extractor.findCandidates(in: tokenized, shouting: shouting, checkDeadline: {}), in: tokenized)
            let describe = { (c: Candidate) in "\(c.tokens) \(c.sentence) \(c.type) \(c.confidence) \(c.source) \(c.canonical ?? "-")" }
            let fast = extractor.propagatedCandidates(from: resolved, in: tokenized, shouting: shouting, plainWordRuns: true).map(describe)
            let reference = extractor.propagatedCandidates(from: resolved, in: tokenized, shouting: shouting, plainWordRuns: false).map(describe)
            #expect(fast == reference, "\(text.prefix(120))")
            found += reference.count
        }
        #expect(found > 1_000)
    }

    /// The claim `isPlainWordRun` rests on, checked against the tokenizer itself: such a run of
    /// tokens, its text scanned alone, comes out as the same tokens.
    @Test func aPlainWordRunScannedAloneGivesItsOwnTokens() throws {
        var texts = Array(try JSONWriterTests.conllDevDocuments().prefix(80))
        texts.append("Lloyd\nAustin met Steve\u{A0}Austin and  Joe\tBiden, then U.S. Ltd. and Acme Inc. at www site and Wwwx Http in NEW YORK.")
        var plain = 0
        var notPlain = 0
        for text in texts {
            let tokenized = Tokenizer().tokenize(text)
            tokenized.utf8.withUnsafeBufferPointer { bytes in
                tokenized.byteRanges.withUnsafeBufferPointer { byteRanges in
                    for start in byteRanges.indices {
                        for end in (start + 1)...min(start + 4, byteRanges.count) {
                            let tokens = UnsafeBufferPointer(rebasing: byteRanges[start..<end])
                            let base = tokens.first!.lowerBound
                            let span = UnsafeBufferPointer(rebasing: bytes[base..<tokens.last!.upperBound])
                            var scanner = TokenScanner(bytes: span)
                            scanner.run()
                            let alone = scanner.tokens.map { ($0.byteStart + base)..<($0.byteEnd + base) }
                            if Extractor.isPlainWordRun(tokens, in: bytes) {
                                #expect(alone == Array(tokens), "\(String(decoding: span, as: UTF8.self))")
                                plain += 1
                            } else {
                                notPlain += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(plain > 10_000 && notPlain > 10_000)
    }
}
