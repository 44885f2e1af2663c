/// The text of one article, as handed to the extractor.
///
/// Offsets in the result are Unicode code point (scalar) offsets into `text`.
public struct Article: Sendable, Hashable {
    /// The article text, already decoded and reduced to visible text.
    public var text: String
    /// The title, when the source format carries one separately from the text.
    public var title: String?

    public init(text: String, title: String? = nil) {
        self.text = text
        self.title = title
    }
}
