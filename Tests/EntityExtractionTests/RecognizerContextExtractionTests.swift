import Testing
@testable import EntityExtraction

/// The tagger extracts a whole document's context features at once (`extractContext`); they
/// must be exactly the sentence-by-sentence extraction's, key for key and code for code.
@Suite struct RecognizerContextExtractionTests {
    @Test func documentContextFeaturesEqualTheSentenceExtraction() throws {
        let model = try EntityRecognizer.bundled().model
        let words = model.wordCache.cache
        let scratch = ContextScratch()
        var keys: [UInt64] = [], codes: [Int32] = []
        var analyzed = AnalyzedDocument()
        var sentenceScratch = FeatureScratch()
        var tokens = 0, topics = 0, headlines = 0
        let texts = try RecognizerByteInputTests.texts(documents: 40)
        for text in texts + texts.prefix(3) {
            analyzed.analyze(RecognizerInput(text, sentences: text.sentences.indices), cache: words)
            let document = DocumentContext(analyzed: analyzed)
            var keyStarts = [Int](repeating: -1, count: analyzed.infos.count + 1), codeStarts = keyStarts
            model.extractor.extractContext(analyzed, document: document, words: words, scratch: scratch,
                                           keys: &keys, keyStarts: &keyStarts, codes: &codes, codeStarts: &codeStarts)
            for s in 0..<analyzed.sentenceCount {
                let range = analyzed.range(of: s)
                model.extractor.extract(analyzed, sentence: s, document: document, contextOnly: true, dense: true, words: words,
                                        into: &sentenceScratch)
                for (i, t) in range.enumerated() {
                    let expectedKeys = sentenceScratch.keys[sentenceScratch.offsets[i]..<sentenceScratch.offsets[i + 1]]
                    let expectedCodes = sentenceScratch.codes[sentenceScratch.codeOffsets[i]..<sentenceScratch.codeOffsets[i + 1]]
                    #expect(Array(keys[keyStarts[t]..<keyStarts[t + 1]]) == Array(expectedKeys))
                    #expect(Array(codes[codeStarts[t]..<codeStarts[t + 1]]) == Array(expectedCodes))
                }
                tokens += range.count
                if analyzed.headlines[s] { headlines += 1 }
            }
            if document.topic != 0 { topics += 1 }
        }
        #expect(tokens > 10_000 && headlines > 10 && topics > 5)
    }
}
