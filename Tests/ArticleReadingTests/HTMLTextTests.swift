import Testing
@testable import ArticleReading

@Suite struct HTMLTextTests {
    @Test func titleComesFromTheTitleElement() {
        let html = HTMLText(html: "<html><head><title> Talks  in\nGeneva </title></head><body><h1>Other</h1><p>Text.</p></body></html>")
        #expect(html.title == "Talks in Geneva")
        #expect(html.text == "Other\n\nText.")
    }

    @Test func titleFallsBackToTheFirstHeading() {
        let html = HTMLText(html: "<body><h1>Storm <em>hits</em> Florida</h1><h1>Second</h1><p>Body</p></body>")
        #expect(html.title == "Storm hits Florida")
    }

    @Test func scriptStyleAndCommentsAreDropped() {
        let html = HTMLText(html: "<p>Before</p><script type='text/javascript'>if (a < b) { alert('</p>'); }</script><style>p { color: red }</style><!-- hidden <p>x</p> --><p>After</p>")
        #expect(html.text == "Before\n\nAfter")
    }

    @Test func characterReferencesAreDecoded() {
        let html = HTMLText(html: "<p>AT&amp;T &lt;b&gt; caf&eacute; &#8364;5 &#x1F600; &mdash; &unknown; &nbsp;x</p>")
        #expect(html.text == "AT&T <b> café €5 😀 — &unknown; \u{A0}x")
    }

    @Test func inlineWhitespaceCollapsesAndBlocksBreakLines() {
        let html = HTMLText(html: "<div>One\n   two</div><div>three<br>four</div><ul><li>a</li><li>b</li></ul>")
        #expect(html.text == "One two\n\nthree\nfour\n\na\nb")
    }

    @Test func attributesWithQuotedAngleBracketsDoNotEndTheTag() {
        let html = HTMLText(html: "<p title=\"a > b\" data-x='<'>Visible</p>")
        #expect(html.text == "Visible")
    }

    @Test func deeplyNestedMarkupIsReadWithoutRecursion() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "Deep" + String(repeating: "</div>", count: depth)
        #expect(HTMLText(html: html).text == "Deep")
    }

    @Test func aLoneLessThanSignIsText() {
        #expect(HTMLText(html: "<p>3 < 4 and 5 <= 6</p>").text == "3 < 4 and 5 <= 6")
    }

    @Test func unterminatedScriptDropsTheRest() {
        #expect(HTMLText(html: "<p>Kept</p><script>never closed").text == "Kept")
    }

    @Test func preformattedTextKeepsItsWhitespace() {
        #expect(HTMLText(html: "<pre>a  b\n c</pre>").text == "a  b\n c")
    }
}
