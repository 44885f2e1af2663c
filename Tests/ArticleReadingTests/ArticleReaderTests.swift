import Testing
@testable import ArticleReading

@Suite struct ArticleReaderTests {
    @Test func formatComesFromTheExtension() {
        #expect(ArticleFormat(fileName: "a.TXT") == .text)
        #expect(ArticleFormat(fileName: "a.md") == .markdown)
        #expect(ArticleFormat(fileName: "a.htm") == .html)
        #expect(ArticleFormat(fileName: "x.tar.json") == .json)
        #expect(ArticleFormat(fileName: "noextension") == nil)
        #expect(ArticleFormat(fileName: ".txt") == nil)
        #expect(ArticleFormat(fileName: "a.pdf") == nil)
    }

    @Test func textIsReadAsIs() throws {
        let read = try ArticleReader.read(Array("  Berlin, Monday.\n".utf8), fileName: "a.txt")
        #expect(read.text == "  Berlin, Monday.\n")
        #expect(read.title == nil)
        #expect(read.format == .text)
    }

    @Test func markdownTitleIsTheFirstLevelOneHeading() throws {
        #expect(try ArticleReader.read(Array("# Floods in Spain\n\nValencia was hit.".utf8), fileName: "a.md").title == "Floods in Spain")
        #expect(try ArticleReader.read(Array("Floods in Spain\n===\n\nText".utf8), fileName: "a.md").title == "Floods in Spain")
        #expect(try ArticleReader.read(Array("## Not a title\nText".utf8), fileName: "a.md").title == nil)
    }

    @Test func jsonArticleFieldsAreRead() throws {
        let json = #"{"title":"Vote","body":"Parliament voted.","url":"https://example.org/a","published":"2026-11-24","extra":[1]}"#
        let read = try ArticleReader.read(Array(json.utf8), fileName: "a.json")
        #expect(read.title == "Vote")
        #expect(read.text == "Parliament voted.")
        #expect(read.url == "https://example.org/a")
        #expect(read.published == "2026-11-24")
    }

    @Test func jsonTextWinsOverBody() throws {
        let read = try ArticleReader.read(Array(#"{"text":"T","body":"B"}"#.utf8), fileName: "a.json")
        #expect(read.text == "T")
    }

    @Test(arguments: [#"{"title":"x"}"#, #"{"text":42}"#, #"{"text":"a","title":["x"]}"#, #"[1,2]"#, #"{"text":"#, "not json"])
    func malformedOrMistypedJSONIsRejected(json: String) {
        #expect(throws: ArticleReadingError.self) { try ArticleReader.read(Array(json.utf8), fileName: "a.json") }
    }

    @Test func emptyAndWhitespaceOnlyArticlesAreRejected() {
        #expect(throws: ArticleReadingError(.empty, "the article has no text")) { try ArticleReader.read([], fileName: "a.txt") }
        #expect(throws: ArticleReadingError.self) { try ArticleReader.read(Array(" \n\t ".utf8), fileName: "a.txt") }
        #expect(throws: ArticleReadingError.self) { try ArticleReader.read(Array("<script>x</script>".utf8), fileName: "a.html") }
    }

    @Test func unsupportedExtensionIsRejected() {
        #expect(throws: ArticleReadingError.self) { try ArticleReader.read(Array("text".utf8), fileName: "a.pdf") }
    }

    @Test func encodingIsReportedForEveryFormat() throws {
        let latin1: [UInt8] = Array("<p>Caf".utf8) + [0xE9] + Array("</p>".utf8)
        let read = try ArticleReader.read(latin1, fileName: "a.html")
        #expect(read.text == "Café")
        #expect(read.encoding == .windows1252)
    }
}
