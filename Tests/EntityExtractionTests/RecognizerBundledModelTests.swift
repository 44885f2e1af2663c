import Foundation
import Testing
@testable import EntityExtraction

/// Needs the model committed in Sources/EntityExtraction/Resources.
private let bundledModelExists = FileManager.default.fileExists(
    atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/EntityExtraction/Resources/\(EntityRecognizer.bundledModelFileName)").path)

@Suite(.enabled(if: bundledModelExists, "the trained model is not committed"))
struct RecognizerBundledModelTests {
    @Test func bundledModelTagsPeopleAndPlaces() throws {
        let recognizer = try EntityRecognizer.bundled()
        #expect(recognizer.entityTypes == ["PER", "ORG", "LOC", "MISC"])
        let spans = recognizer.recognize(document: [["Lloyd", "Austin", "visited", "Kyiv", "."]])[0]
        #expect(spans.map { TypedSpan($0.tokens, $0.label) } == [TypedSpan(0..<2, "PER"), TypedSpan(3..<4, "LOC")])
        #expect(spans.allSatisfy { $0.confidence > 0.5 && $0.confidence <= 1 })
    }

    @Test func titlesStayOutsidePersonSpans() throws {
        let recognizer = try EntityRecognizer.bundled()
        let spans = recognizer.recognize(document: [["President", "Volodymyr", "Zelensky", "spoke", "in", "Washington", "."]])[0]
        #expect(spans.contains { $0.tokens == 1..<3 && $0.label == "PER" })
    }
}
