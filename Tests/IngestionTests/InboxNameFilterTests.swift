import Testing
@testable import Ingestion

@Suite struct InboxNameFilterTests {
    @Test(arguments: [".x.txt", "a.tmp", "a.txt.part", "a.txt~", "."])
    func workInProgressNamesAreIgnored(name: String) {
        #expect(InboxNameFilter.isIgnored(name))
    }

    @Test(arguments: ["a.txt", "a b\nc.html", "tmp.txt", "a.pdf", "\u{202E}txt.exe"])
    func otherNamesAreClaimed(name: String) {
        #expect(!InboxNameFilter.isIgnored(name))
    }

    @Test func nonUTF8NamesAreEscaped() {
        let (name, needsRename) = InboxNameFilter.decodedName([0x61, 0xFF, 0xC3, 0xA9, 0x2E, 0x74, 0x78, 0x74])
        #expect(name == "a%FFé.txt")
        #expect(needsRename)
        #expect(InboxNameFilter.decodedName(Array("é.txt".utf8)) == ("é.txt", false))
    }

    @Test func aLongEscapedNameIsCutToTheLimitKeepingItsExtension() {
        let (name, needsRename) = InboxNameFilter.decodedName([UInt8](repeating: 0xFF, count: 200) + Array(".txt".utf8))
        #expect(needsRename)
        #expect(name.utf8.count <= 255)
        #expect(name.hasPrefix("%FF%FF") && name.hasSuffix(".txt") && name.contains("~"))
    }

    @Test func jsonStringsEscapeControlCharacters() {
        #expect(JSONText.string("a\"b\\c\nd\u{01}\u{202E}") == "\"a\\\"b\\\\c\\nd\\u0001\u{202E}\"")
    }

    @Test func timestampsAreRFC3339WithMilliseconds() {
        #expect(Timestamp.format(seconds: 1_795_536_131, milliseconds: 7) == "2026-11-24T16:02:11.007Z")
    }
}
