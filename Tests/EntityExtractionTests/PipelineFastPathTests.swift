import Testing
@testable import EntityExtraction

/// Each shortcut of the pipeline gives what the plain code it stands in for gives.
@Suite struct PipelineFastPathTests {
    /// Texts full of the starter words and what follows them in the rules.
    static let patternPieces = [
        "a", "A", "an", "An", "at", "At", "more", "More", "less", "Less", "half", "Half", "US", "$", "5", "1.2",
        "than", "least", "to", "dozen", "hundred", "thousand", "year", "years", "day", "ago", "later", "million",
        "percent", "km", "this", "last", "week", "Monday", "May", "2023", "the", "people", "a.m.", "10:30", "two",
        "twenty-five", "an", "hour", "hours", "per", "cent", ".", ",",
    ]

    @Test func patternPrefilterAndWholeTextScanFindWhatEveryRuleFinds() throws {
        var texts = try JSONWriterTests.conllDevDocuments()
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            texts.append((0..<Int.random(in: 1...20, using: &generator)).map { _ in Self.patternPieces.randomElement(using: &generator)! }
                .joined(separator: " "))
        }
        var spans = 0
        for text in texts {
            let tokenized = Tokenizer().tokenize(text)
            var bySentence: [[PatternSpan]] = []
            for range in tokenized.sentences {
                let reference = PatternRecognizer().recognize(tokenized, in: range, prefilter: false)
                #expect(PatternRecognizer().recognize(tokenized, in: range) == reference, "\(text.prefix(200))")
                bySentence.append(reference)
                spans += reference.count
            }
            // The whole-text scan (token traits found once) finds what each sentence alone gives.
            var whole: [[PatternSpan]] = []
            PatternRecognizer().recognizeSentences(tokenized) { s, found in
                #expect(s == whole.count)
                whole.append(found)
            }
            #expect(whole == bySentence, "\(text.prefix(200))")
        }
        #expect(spans > 3_000)
    }

    @Test func possessiveEndingsOnBytesAreTheStringComparison() throws {
        var texts = try JSONWriterTests.conllDevDocuments()
        texts.append("Putin's Russia's ’s 'S ’S ' ’ ‘ s' s’ Kyiv’s 'ss '\u{301}s \u{2019}\u{301} O'Brien's KIEV'S ''")
        var junk = 0
        for text in texts {
            let tokenized = Tokenizer().tokenize(text)
            for i in tokenized.tokens.indices {
                let fast = Extractor.isTrailingJunk(i, in: tokenized)
                #expect(fast == Extractor.isTrailingJunkAsString(i, in: tokenized), "\(tokenized.text(ofToken: i))")
                if fast && tokenized.tokens[i].kind != .punctuation { junk += 1 }
            }
        }
        #expect(junk > 3)
    }

    @Test func uppercasedTokensAreTheUppercasedStrings() throws {
        var texts = Array(try JSONWriterTests.conllDevDocuments().prefix(40))
        texts.append("Zelenskyy’s Łódź straße ÉCOLE naïve O'Brien mcDonald 3rd x\u{301}y İstanbul ǆemal")
        for text in texts {
            let tokenized = Tokenizer().tokenize(text)
            for i in tokenized.tokens.indices {
                #expect(tokenized.uppercasedString(ofToken: i) == tokenized.string(ofToken: i).fastUppercased)
            }
        }
    }

    @Test func groupClassIsTheCoNLLTypeClass() {
        for type in EntityType.allCases {
            let reference: Int
            switch type.conllType {
            case "PER": reference = 0
            case "ORG": reference = 1
            case "LOC": reference = 2
            case "MISC": reference = 3
            default: reference = 4 + type.index
            }
            #expect(type.groupClass == reference, "\(type)")
        }
    }

    @Test func shoutedOnContiguousBytesIsTheScalarTest() {
        func reference(_ s: String) -> Bool {
            var letters = 0
            for scalar in s.unicodeScalars where scalar.properties.isAlphabetic {
                if scalar.properties.isLowercase { return false }
                letters += 1
            }
            return letters >= 2
        }
        let names = ["WASHINGTON", "U.S.", "A", "Ab", "AB", "A1B", "KYIV'S", "ÉCOLE", "École", "ΑΘΗΝΑ", "Αθήνα", "", "12", "A.", "NEW YORK", "New YORK"]
        for name in names + names.map({ $0 + "\u{301}" }) + names.map({ String(Substring($0)) }) {
            #expect(name.isShouted == reference(name), "\(name.debugDescription)")
        }
    }

    @Test func aResetMatcherMatchesAsANewOne() throws {
        let documents = try JSONWriterTests.conllDevDocuments().prefix(60).map { Tokenizer().tokenize($0) }
        var reused = PhraseMatcher()
        var matched = 0
        for (d, text) in documents.enumerated() {
            // Phrases of this document: every capitalized word pair and single word, and some of the previous document's.
            var phrases: [String] = []
            for k in stride(from: 0, to: text.tokens.count - 1, by: 3) where text.startsUppercase(token: k) {
                phrases.append(text.slice(k..<(k + 2)))
                phrases.append(text.string(ofToken: k))
            }
            if d > 0 { phrases += documents[d - 1].tokens.indices.prefix(20).map { documents[d - 1].string(ofToken: $0) } }
            var fresh = PhraseMatcher(expectedEdges: phrases.count)
            reused.reset(expectedEdges: phrases.count)
            for (p, phrase) in phrases.enumerated() {
                fresh.add(phrase, payload: p)
                reused.add(phrase, payload: p)
            }
            for range in text.sentences {
                let expected = fresh.matches(in: text, within: range)
                let got = reused.matches(in: text, within: range)
                #expect(got.map(\.tokens) == expected.map(\.tokens) && got.map(\.payload) == expected.map(\.payload))
                matched += expected.count
            }
        }
        #expect(matched > 1_000)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func packedResolveKeepsWhatTheReferenceKeeps(seed: UInt64) throws {
        let extractor = try SharedExtractor.get()
        var generator = SeededGenerator(seed: seed)
        let text = Tokenizer().tokenize(String(repeating: "Word and other words here. ", count: 40))
        let sources: [SpanSource] = [.userDictionary, .recognizer, .builtInName, .place, .propagated, .pattern]
        for _ in 0..<50 {
            let candidates = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                let start = Int.random(in: 0..<text.tokens.count, using: &generator)
                let end = min(text.tokens.count, start + Int.random(in: 0...4, using: &generator))
                return Candidate(
                    tokens: start..<end, sentence: 0, type: .org, confidence: 1, source: sources.randomElement(using: &generator)!,
                    canonical: String(Int.random(in: 0...1_000_000, using: &generator)))
            }
            let fast = extractor.resolve(candidates, in: text).map { "\($0.tokens) \($0.source) \($0.canonical!)" }
            let reference = extractor.resolveSlowly(candidates, in: text).map { "\($0.tokens) \($0.source) \($0.canonical!)" }
            #expect(fast == reference)
            // Two arrays resolve as their concatenation.
            let cut = Int.random(in: 0...candidates.count, using: &generator)
            let split = extractor.resolve(Array(candidates[..<cut]), adding: Array(candidates[cut...]), in: text)
            #expect(split.map { "\($0.tokens) \($0.source) \($0.canonical!)" } == reference)
        }
    }

    @Test func asciiTitleCaseIsTheGeneralTitleCase() {
        func general(_ s: String) -> String {
            s.split(separator: " ", omittingEmptySubsequences: false).map { word in
                guard let first = word.first else { return "" }
                return first.uppercased() + word.dropFirst().lowercased()
            }.joined(separator: " ")
        }
        for name in ["NEW YORK", "new york", "  A  b ", "U.S.", "AT&T INC.", "O'BRIEN", "X", "", "ÉCOLE NORMALE", "e\u{301}COLE"] {
            #expect(name.titleCasedWords == general(name), "\(name.debugDescription)")
        }
    }

    @Test func stringTableFindsWhatAStringDictionaryFinds() {
        let keys = ["Kiev", "\u{212A}iev", "café", "cafe\u{301}", "a;b", "a\u{37E}b", "x`", "x\u{1FEF}", "Kyiv", "", "日本", "AUSTIN"]
        var table = StringTable(capacity: 2)
        var dictionary: [String: Int] = [:]
        for (i, key) in keys.enumerated() {
            for tag in 0..<3 {
                #expect(table.value(key, tag: tag, orInsert: i * 3 + tag) == { () -> Int in
                    if let v = dictionary["\(tag)|" + key] { return v }
                    dictionary["\(tag)|" + key] = i * 3 + tag
                    return i * 3 + tag
                }(), "\(key.debugDescription)")
            }
        }
        #expect(table.count == dictionary.count)
        for key in keys + ["kiev", "Kie", "cafe"] { #expect(table.value(key, tag: 1) == dictionary["1|" + key]) }
    }

    @Test func doublesStreamedAsASCIIAreSpelledAsTheirDescription() {
        var generator = SeededGenerator(seed: 5)
        var values: [Double] = [0.1, 0.8006010774873091, 1e-05, Double.leastNonzeroMagnitude, -2.2250738585072014e-308, 1.7976931348623157e308, 1e16, 123456.789, -0.0]
        for _ in 0..<20_000 {
            let value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            if value.isFinite { values.append(value) }
            values.append(Double.random(in: 0..<1, using: &generator))
        }
        for value in values {
            var stream = DigitStream()
            value.write(to: &stream)
            let spelled = withUnsafeBytes(of: &stream.bytes) { String(decoding: $0.prefix(stream.count), as: UTF8.self) }
            #expect(spelled == value.description)
        }
    }

    @Test func bytesAppendedThroughTheArrayJoinTheWriterText() {
        var writer = JSONWriter(capacity: 4)
        writer.raw("{\"a\":")
        writer.bytes += Array("[1,2]".utf8)
        writer.raw(",\"b\":")
        writer.string("x\"y")
        writer.bytes.append(UInt8(ascii: "}"))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\"a\":[1,2],\"b\":\"x\\\"y\"}")
    }
}
