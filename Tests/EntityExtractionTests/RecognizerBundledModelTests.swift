import Foundation
import Testing
@testable import EntityExtraction

/// Needs the model committed in Sources/EntityExtraction/Resources.
private let bundledModelExists = FileManager.default.fileExists(
    atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/EntityExtraction/Resources/\(EntityRecognizer.bundledModelFileName)").path)

@Suite(.enabled(if: bundledModelExists, "the trained model is not committed"))
struct RecognizerBundledModelTests {
    @Test func bundledModelFindsTheNameAndThePlace() throws {
        let recognizer = try EntityRecognizer.bundled()
        #expect(recognizer.entityTypes == ["PER", "ORG", "LOC", "MISC"])
        let spans = recognizer.recognize(document: [["Lloyd", "Austin", "visited", "Kyiv", "."]])[0]
        // Alone, "Lloyd" leans ORG: CoNLL-2003 mostly has it as "Lloyd 's" (of London). The
        // span must still be the whole name; its type is asserted in context below.
        #expect(spans.map(\.tokens) == [0..<2, 3..<4])
        #expect(spans.last?.label == "LOC")
        #expect(spans.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test func bundledModelTagsThePersonWithATitleBeforeIt() throws {
        let recognizer = try EntityRecognizer.bundled()
        let spans = recognizer.recognize(document: [["US", "Defense", "Secretary", "Lloyd", "Austin", "visited", "Kyiv", "."]])[0]
        let typed = spans.map { TypedSpan($0.tokens, $0.label) }
        #expect(typed.contains(TypedSpan(3..<5, "PER")))
        #expect(typed.contains(TypedSpan(6..<7, "LOC")))
        #expect(!typed.contains { $0.range.contains(2) })
    }

    @Test func allCapsHeadlinesAreRead() throws {
        let recognizer = try EntityRecognizer.bundled()
        let spans = recognizer.recognize(document: [["SOCCER", "-", "JAPAN", "BEAT", "SYRIA", "IN", "ASIAN", "CUP", "."]])[0]
        #expect(spans.contains { $0.tokens == 2..<3 && $0.label == "LOC" })
        #expect(spans.contains { $0.tokens == 4..<5 && $0.label == "LOC" })
    }

    @Test func titlesStayOutsidePersonSpans() throws {
        let recognizer = try EntityRecognizer.bundled()
        let spans = recognizer.recognize(document: [["President", "Volodymyr", "Zelensky", "spoke", "in", "Washington", "."]])[0]
        #expect(spans.contains { $0.tokens == 1..<3 && $0.label == "PER" })
    }
}
