import Testing
@testable import EntityExtraction

@Suite struct ExtractorPropertyTests {
    static let namePieces = [
        " Kyiv", " Kiev’s", " Lloyd Austin", " Austin", " the U.S. ", " Russians", " $1.2 billion", " 3.5%", " on Monday",
        " later this year", " Volodymyr Zelensky’s", " NATO", " Bakhmut.", " “Moscow”", "\n", " two", " first",
    ]

    /// Checks the output contract on one result: slices, ids, order, salience.
    static func checkContract(_ result: ExtractionResult, text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(result.article.characters == scalars.count)
        for (i, entity) in result.entities.enumerated() {
            #expect(entity.id == i)
            #expect((0...1).contains(entity.salience))
            for mention in entity.mentions {
                #expect(mention.start >= 0 && mention.start < mention.end && mention.end <= scalars.count)
                #expect(Array(scalars[mention.start..<min(mention.end, scalars.count)]) == Array(mention.text.unicodeScalars), "in \(text.debugDescription)")
                #expect(mention.sentence >= 0 && mention.sentence < result.article.sentences)
                #expect((0...1).contains(mention.confidence))
            }
        }
        let named = result.entities.filter(\.type.isNamed)
        if !named.isEmpty { #expect(abs(named.map(\.salience).reduce(0, +) - 1) < 1e-9) }
        #expect(zip(named, named.dropFirst()).allSatisfy { $0.salience >= $1.salience })
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func mentionsSliceTheTextOnRandomUnicode(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let extractor = try SharedExtractor.get()
        for _ in 0..<40 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                text += TokenizerOffsetPropertyTests.randomText(&generator)
                text += Self.namePieces.randomElement(using: &generator)!
            }
            Self.checkContract(try extractor.extract(Article(text: text)), text: text)
        }
    }

    @Test(arguments: [
        String(repeating: "a.", count: 50_000),
        String(repeating: "(", count: 50_000) + String(repeating: ")", count: 50_000),
        String(repeating: "x", count: 200_000),
        String(repeating: "1,000", count: 20_000),
        String(repeating: "a@", count: 50_000),
        String(repeating: "'s", count: 50_000),
        String(repeating: "one ", count: 50_000),
        String(repeating: "Kyiv ", count: 50_000),
        String(repeating: "e\u{301}\u{302}\u{303}", count: 30_000),
        String(repeating: "Mr. ", count: 30_000),
        String(repeating: "\n", count: 100_000) + "end",
    ])
    func hostileTextStillKeepsTheContract(text: String) throws {
        Self.checkContract(try SharedExtractor.get().extract(Article(text: text)), text: text)
    }

    @Test func concurrentExtractionsGiveTheSerialResult() async throws {
        let extractor = try SharedExtractor.get()
        let article = Article(text: try ExampleFiles.text("bakhmut.txt"))
        let serial = try extractor.extract(article)
        let results = try await withThrowingTaskGroup(of: ExtractionResult.self) { group in
            for _ in 0..<8 { group.addTask { try extractor.extract(article) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8 && results.allSatisfy { $0 == serial })
    }
}
