/// An article read from a file: what the extractor gets, plus how it was read.
public struct ReadArticle: Sendable, Hashable {
    /// The article text, reduced to what a reader sees (markup dropped, references decoded).
    public var text: String
    /// The title, when the format carries one (HTML `<title>`/`<h1>`, Markdown `# `, JSON `title`).
    public var title: String?
    /// The format it was read as (`source.format`).
    public var format: ArticleFormat
    /// The encoding it was decoded from (`source.encoding`).
    public var encoding: TextEncoding
    /// The article's address, when the source format carries one (JSON `url`).
    public var url: String?
    /// Publication time as given by the source (JSON `published`), not reinterpreted.
    public var published: String?

    /// An article as read.
    public init(text: String, title: String?, format: ArticleFormat, encoding: TextEncoding, url: String? = nil, published: String? = nil) {
        self.text = text
        self.title = title
        self.format = format
        self.encoding = encoding
        self.url = url
        self.published = published
    }
}
