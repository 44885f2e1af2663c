import Foundation
import Testing
@testable import EntityExtraction

/// The grouper and propagation give what their plain versions (`ReferenceGrouper`, the scanner-built
/// matchers) give, on real articles and on random spans.
@Suite struct GroupingFastPathTests {
    /// Articles with titles: CoNLL dev documents, BBC articles (title line first), and the same BBC
    /// articles with their headline in capitals (names in capitals join the same names written normally).
    static func articles() throws -> [(text: String, title: String?)] {
        var articles: [(text: String, title: String?)] = try JSONWriterTests.conllDevDocuments().map { ($0, nil) }
        let lines = try String(contentsOf: dataDirectory().appendingPathComponent("unlabeled/bbc_news_2004_2005.txt"), encoding: .utf8)
            .split(separator: "\n").prefix(1_500).map(String.init)
        for start in stride(from: 0, to: lines.count - 8, by: 8) {
            let title = lines[start]
            let body = lines[(start + 1)..<(start + 8)].joined(separator: "\n")
            articles.append((title + "\n\n" + body, title))
            articles.append((title.uppercased() + "\n\n" + body.replacingOccurrences(of: "  ", with: " \n "), nil))
        }
        articles.append(("ZELENSKY MEETS BIDEN\n\nVolodymyr  Zelensky met Joe\nBiden in Kyiv. Zelensky said Biden\u{A0}Jr left.", "Zelensky in Kyiv"))
        return articles
    }

    static func dataDirectory() -> URL {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ProcessInfo.processInfo.environment["ENTITYD_DATA_DIR"].map { URL(fileURLWithPath: $0) }
            ?? repo.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// The resolved mentions `Extractor.extract` hands to the grouper.
    static func mentions(_ extractor: Extractor, _ text: TokenizedText) throws -> [Candidate] {
        let shouting = extractor.shoutingSentences(text)
        let resolved = extractor.resolve(try extractor.findCandidates(in: text, shouting: shouting, checkDeadline: {}), in: text)
        return extractor.resolve(resolved + extractor.propagatedCandidates(from: resolved, in: text, shouting: shouting), in: text)
    }

    @Test func groupingArticlesGivesTheReferenceEntities() throws {
        let extractor = try SharedExtractor.get()
        var entities = 0
        var merged = 0
        for (text, title) in try Self.articles() {
            let tokenized = Tokenizer().tokenize(text)
            let mentions = try Self.mentions(extractor, tokenized)
            let fast = EntityGrouper(gazetteer: extractor.gazetteer).group(mentions, in: tokenized, title: title)
            let reference = ReferenceGrouper(gazetteer: extractor.gazetteer).group(mentions, in: tokenized, title: title)
            #expect(fast == reference, "\(text.prefix(120))")
            entities += reference.count
            merged += mentions.count - reference.count
        }
        #expect(entities > 10_000 && merged > 2_000)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func harmonizedLabelsAreTheReferenceLabels(seed: UInt64) throws {
        let extractor = try SharedExtractor.get()
        var generator = SeededGenerator(seed: seed)
        let names = ["Kyiv", "Austin", "Acme", "K", "\u{212A}", "Caf\u{E9}", "Cafe\u{301}", "NATO", "Nato"]
        let labels = ["PER", "ORG", "LOC", "MISC"]
        var changed = 0
        for _ in 0..<500 {
            var mentions = (0..<Int.random(in: 1...40, using: &generator)).map { i in
                RecognizedMention(
                    tokens: i..<(i + 1), sentence: 0, label: labels.randomElement(using: &generator)!,
                    confidence: Double.random(in: 0.3...1, using: &generator), name: names.randomElement(using: &generator)!)
            }
            var reference = mentions
            referenceHarmonizeLabels(&reference)
            let before = mentions.map(\.label)
            extractor.harmonizeLabels(&mentions)
            #expect(mentions.map(\.label) == reference.map(\.label))
            changed += zip(before, mentions).filter { $0 != $1.label }.count
        }
        #expect(changed > 100)
    }

    @Test func nameIndexFindsWhatADictionaryFinds() {
        var generator = SeededGenerator(seed: 5)
        var index = NameIndex(capacity: 0)
        for round in 0..<50 {
            let words = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
                String(Int.random(in: 0...300, using: &generator)) + (Bool.random(using: &generator) ? "K" : "\u{212A}")  // KELVIN SIGN == K
            }
            index.reset(capacity: words.count)
            var keys: [String] = []
            var reference: [String: Int] = [:]
            for word in words {
                let k = index.index(hash: StringTable.hash(word), orInsert: keys.count) { keys[$0] == word }
                if k == keys.count { keys.append(word) }
                #expect(k == reference[word, default: reference.count], "round \(round)")
                if reference[word] == nil { reference[word] = k }
                #expect(index.index(hash: StringTable.hash(word)) { keys[$0] == word } == k)
            }
            #expect(index.count == reference.count)
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func groupingRandomSpansGivesTheReferenceEntities(seed: UInt64) throws {
        let extractor = try SharedExtractor.get()
        var generator = SeededGenerator(seed: seed)
        let text = Tokenizer().tokenize(
            "LLOYD AUSTIN IN KYIV\n\nLloyd Austin met Steve  Austin in Kyiv and Paris.\nAUSTIN said Kyiv won. Gen. J. Austin left Moscow, "
                + "the Kremlin said. Kyiv’s mayor Vitali Klitschko and KLITSCHKO met Zelenskyy on Monday at 10 a.m. for 5 percent.")
        let types = EntityType.allCases
        let sources: [SpanSource] = [.userDictionary, .recognizer, .builtInName, .place, .propagated, .pattern]
        let canonicals = [nil, nil, nil, "Kyiv", "KYIV", "Lloyd Austin", "Ukraine", "Ελλάδα"]
        for _ in 0..<200 {
            var candidates: [Candidate] = []
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                let start = Int.random(in: 0..<text.tokens.count, using: &generator)
                let end = min(text.tokens.count, start + Int.random(in: 1...3, using: &generator))
                candidates.append(Candidate(
                    tokens: start..<end, sentence: text.sentences.firstIndex { $0.contains(start) }!,
                    type: types.randomElement(using: &generator)!, confidence: Double.random(in: 0.5...1, using: &generator),
                    source: sources.randomElement(using: &generator)!, canonical: canonicals.randomElement(using: &generator)!))
            }
            // Mentions in text order without overlaps, as `resolve` gives them, and also as drawn.
            let resolved = extractor.resolve(candidates, in: text)
            for input in [resolved, candidates] {
                let title = Bool.random(using: &generator) ? "Austin in Kyiv" : nil
                let fast = EntityGrouper(gazetteer: extractor.gazetteer).group(input, in: text, title: title)
                #expect(fast == ReferenceGrouper(gazetteer: extractor.gazetteer).group(input, in: text, title: title))
            }
        }
    }
}
