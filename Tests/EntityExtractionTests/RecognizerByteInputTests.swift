import Testing
@testable import EntityExtraction

/// The recognizer reads a tokenized text's bytes directly (`recognize(_:sentences:)`, the
/// extractor's path); it must tag, key and score exactly as from the tokens' strings.
@Suite struct RecognizerByteInputTests {
    static let nonASCII = """
        ÉCOLE naïve Київ у КИЄВІ: Zelensky’s “Ǆemal” — 1,200.50 €, 😀x ΑΘΗΝΑ Straße İstanbul Łódź ĳssel ŉ x\u{301}
        """

    /// Real texts, tokenized as the extractor tokenizes them: CoNLL dev documents, Bakhmut, and
    /// a line of non-ASCII words.
    static func texts(documents: Int) throws -> [TokenizedText] {
        let raw = try JSONWriterTests.conllDevDocuments().prefix(documents) + [try ExampleFiles.text("bakhmut.txt"), nonASCII]
        return raw.map { Tokenizer().tokenize($0) }
    }

    @Test func utf8AnalysisOfEveryRealTokenEqualsTheScalarReference() throws {
        var tokens = 0
        for text in try Self.texts(documents: .max) {
            text.utf8.withUnsafeBufferPointer { utf8 in
                for (i, range) in text.byteRanges.enumerated() {
                    let token = text.text(ofToken: i)
                    let fast = TokenInfo(utf8: UnsafeBufferPointer(rebasing: utf8[range]))
                    #expect(fast == TokenInfo(scalarsOf: token), "\(token)")
                    #expect(fast == TokenInfo(token), "\(token)")
                    tokens += 1
                }
            }
        }
        #expect(tokens > 50_000)
    }

    @Test func sentencesOfATextAreTaggedExactlyAsTheirTokenStrings() throws {
        let recognizer = try EntityRecognizer.bundled()
        var spans = 0
        for text in try Self.texts(documents: 60) {
            var start = 0
            while start < text.sentences.count {
                let chunk = start..<min(start + 7, text.sentences.count)
                let strings = text.sentences[chunk].map { $0.map { text.text(ofToken: $0) } }
                let fromBytes = recognizer.recognize(text, sentences: chunk)
                #expect(fromBytes == recognizer.recognize(document: strings))
                spans += fromBytes.joined().count
                start = chunk.upperBound
            }
        }
        #expect(spans > 500)
    }

    @Test func byteInputScoresEqualTheKeyByKeyReferenceOnRealText() throws {
        let model = try EntityRecognizer.bundled().model
        var tagger = DocumentTagger(model: model)
        for text in try Self.texts(documents: 12) {
            let input = RecognizerInput(text, sentences: text.sentences.indices)
            let (fast, firstLabels) = tagger.stageEmissions(input)
            #expect(fast == RecognizerFastPathTests.referenceScores(model, text.sentenceTokenTexts, firstLabels: firstLabels))
        }
    }

    @Test func aReusedAnalysisEqualsAFreshOne() throws {
        let texts = try Self.texts(documents: 3)
        var reused = AnalyzedDocument()
        for text in texts + texts.reversed() {
            reused.analyze(RecognizerInput(text, sentences: text.sentences.indices))
            let fresh = AnalyzedDocument(text.sentenceTokenTexts)
            #expect(reused.infos == fresh.infos)
            #expect(reused.starts == fresh.starts)
            #expect(reused.headlines == fresh.headlines)
            #expect(reused.sectionWord == fresh.sectionWord)
        }
    }

    @Test func analysesTakenFromTheWordCacheEqualScanningEveryToken() throws {
        let cache = try EntityRecognizer.bundled().model.wordCache.cache
        var fromCache = AnalyzedDocument(), scanned = AnalyzedDocument()
        var cachedTokens = 0
        for text in try Self.texts(documents: 40) {
            let input = RecognizerInput(text, sentences: text.sentences.indices)
            fromCache.analyze(input, cache: cache)
            scanned.analyze(input)
            #expect(fromCache.infos == scanned.infos)
            #expect(scanned.cachedWords.allSatisfy { $0 == -1 })
            for (t, word) in fromCache.cachedWords.enumerated() {
                #expect((word >= 0 ? cache.offset(word: Int(word)) : nil) == cache.offset(exact: scanned.infos[t].exact))
                if word >= 0 { cachedTokens += 1 }
            }
        }
        #expect(cachedTokens > 5_000)
    }

    @Test func aWireStorySectionWordBecomesTheDocumentTopic() {
        let analyzed = AnalyzedDocument([[], ["SOCCER", "-", "JAPAN", "WIN"], ["Japan", "won", "."]])
        #expect(analyzed.sectionWord == 0)
        #expect(DocumentContext(analyzed: analyzed).topic == FeatureHash.lowercased("soccer"))
        #expect(AnalyzedDocument([["SOCCER", "–", "JAPAN"]]).sectionWord == nil)
        #expect(DocumentContext(analyzed: AnalyzedDocument([["UN", "-", "TALKS"]])).topic == 0)
    }
}
