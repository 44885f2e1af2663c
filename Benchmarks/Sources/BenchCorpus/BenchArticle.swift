/// One article for the daemon runs: plain text of consecutive corpus sentences.
public struct BenchArticle: Sendable {
    public var text: String
    /// Gold tokens in the text: the "words" of words per second.
    public var words: Int

    /// Mean words per article, rounded down.
    public static func meanWords(_ articles: [BenchArticle]) -> Int {
        articles.isEmpty ? 0 : articles.reduce(0) { $0 + $1.words } / articles.count
    }
}
