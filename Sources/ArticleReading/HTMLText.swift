/// The visible text of an HTML document and its title.
///
/// A single forward scan (no tree, no recursion, so nesting depth costs nothing): tags are
/// dropped, `script`, `style`, `noscript`, `template` and `head` content is skipped, block
/// elements break lines, whitespace collapses as a browser renders it, and character
/// references are decoded. The title is `<title>`, else the first `<h1>`.
struct HTMLText {
    /// The visible text, paragraphs separated by blank lines.
    var text: String
    /// The document title, when it has one.
    var title: String?

    /// Elements whose content is never visible text.
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object"]
    /// Elements that start a new line (or paragraph) in rendered text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "caption",
        "title", "body", "html", "head",
    ]

    init(html: String) {
        var scanner = HTMLScanner(scalars: Array(html.unicodeScalars))
        scanner.run()
        let body = HTMLCharacterReferences.decode(scanner.output.finish())
        self.text = body
        let title = scanner.title.map { HTMLText.collapse(HTMLCharacterReferences.decode($0)) }
        let heading = scanner.firstHeading.map { HTMLText.collapse(HTMLCharacterReferences.decode($0)) }
        self.title = [title, heading].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// Whitespace runs become one space; leading and trailing whitespace goes.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
