/// The formats entityd reads, chosen by file extension.
public enum ArticleFormat: String, Sendable, Codable, CaseIterable {
    case text
    case markdown
    case html
    case json
}
