import Foundation
import Testing
@testable import EntityExtraction

/// The hand-made gold annotation of `bakhmut.txt`.
struct GoldFile: Decodable {
    struct GoldMention: Decodable {
        var start: Int
        var end: Int
        var text: String
        var type: String
        var canonical: String
        var required: Bool
    }
    var mentions: [GoldMention]
}

@Suite struct BakhmutGoldTests {
    let text: String
    let gold: GoldFile
    let result: ExtractionResult

    init() throws {
        text = try ExampleFiles.text("bakhmut.txt")
        gold = try JSONDecoder().decode(GoldFile.self, from: Data(try ExampleFiles.text("bakhmut.gold.json").utf8))
        result = try Extractor().extract(Article(text: text))
    }

    /// Every mention with the type and canonical name of its entity.
    var found: [(mention: Mention, type: EntityType, name: String)] {
        result.entities.flatMap { entity in entity.mentions.map { ($0, entity.type, entity.name) } }
    }

    @Test func findsEveryRequiredMentionWithTypeAndCanonicalName() {
        var missing: [String] = []
        for g in gold.mentions where g.required {
            let hit = found.first { $0.mention.start == g.start && $0.mention.end == g.end }
            if hit?.type.rawValue != g.type || hit?.name != g.canonical {
                missing.append("\(g.text)@\(g.start) \(g.type)/\(g.canonical) got \(hit.map { "\($0.type.rawValue)/\($0.name)" } ?? "nothing")")
            }
        }
        let report = "\(missing.count) of \(gold.mentions.filter(\.required).count) required mentions wrong:\n" + missing.joined(separator: "\n")
        #expect(missing.isEmpty, Comment(rawValue: report))
    }

    @Test func reportsNoNameSpanTheGoldLacks() {
        let checked: Set<EntityType> = [.person, .org, .gpe, .loc, .norp]
        let goldSpans = Set(gold.mentions.map { [$0.start, $0.end] })
        let spurious = found.filter { checked.contains($0.type) && !goldSpans.contains([$0.mention.start, $0.mention.end]) }
        let report = "spurious: " + spurious.map { "\($0.mention.text)@\($0.mention.start) \($0.type.rawValue)" }.joined(separator: ", ")
        #expect(spurious.isEmpty, Comment(rawValue: report))
    }

    @Test func mentionOffsetsSliceTheText() {
        let scalars = Array(text.unicodeScalars)
        for (mention, _, _) in found {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
    }

    @Test func namedSalienceSumsToOne() {
        let named = result.entities.filter(\.type.isNamed)
        #expect(abs(named.map(\.salience).reduce(0, +) - 1) < 1e-9)
        #expect(named.allSatisfy { (0...1).contains($0.salience) })
        #expect(result.entities.enumerated().allSatisfy { $0.offset == $0.element.id })
    }
}
