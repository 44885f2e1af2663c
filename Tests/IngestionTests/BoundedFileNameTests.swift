import Testing
@testable import Ingestion

@Suite struct BoundedFileNameTests {
    @Test func shortNamesGetTheSuffixAndThenACounter() {
        #expect(BoundedFileName.make("x.txt", suffix: ".json", attempt: 0) == "x.txt.json")
        #expect(BoundedFileName.make("x.txt", suffix: ".json", attempt: 1) == "x.txt.1.json")
        #expect(BoundedFileName.make("x.txt", suffix: "", attempt: 2) == "x.txt.2")
    }

    @Test func maximalInputNamesStayWithinTheLimit() {
        let name = String(repeating: "é", count: 126) + "abc"  // 255 bytes
        #expect(name.utf8.count == 255)
        for attempt in [0, 1, 12345] {
            let output = BoundedFileName.make(name, suffix: ".json", attempt: attempt)
            #expect(output.utf8.count <= 255)
            #expect(output.hasSuffix(".json"))
            #expect(output.contains("~"))
        }
    }

    @Test func reserveLeavesRoomForACompanionSuffix() {
        let name = String(repeating: "a", count: 255)
        let failed = BoundedFileName.make(name, suffix: "", attempt: 0, reserve: 11)
        #expect((failed + ".error.json").utf8.count <= 255)
    }

    @Test func differentLongNamesDoNotCollide() {
        let common = String(repeating: "n", count: 250)
        let first = BoundedFileName.make(common + "1.txt", suffix: ".json", attempt: 0)
        let second = BoundedFileName.make(common + "2.txt", suffix: ".json", attempt: 0)
        #expect(first != second)
    }

    @Test func cuttingNeverSplitsACharacter() {
        let name = String(repeating: "😀", count: 64)  // 256 bytes
        let output = BoundedFileName.make(name, suffix: ".json", attempt: 0)
        #expect(output.utf8.count <= 255)
        #expect(output.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
    }
}
