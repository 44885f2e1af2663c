/// The formats entityd reads, chosen by file extension.
public enum ArticleFormat: String, Sendable, Codable, CaseIterable {
    case text
    case markdown
    case html
    case json

    /// The format for a lower- or mixed-case file extension (without the dot), or `nil`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "json": self = .json
        default: return nil
        }
    }

    /// The format of a file name by its last extension, or `nil` when it has none we read.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        self.init(fileExtension: String(fileName[fileName.index(after: dot)...]))
    }
}
