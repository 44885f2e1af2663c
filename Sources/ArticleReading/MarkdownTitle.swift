/// The title of a Markdown article: its first level-1 heading (`# Title` or a line
/// underlined with `===`), looked for among the first lines only.
enum MarkdownTitle {
    static let linesSearched = 20

    static func find(in text: String) -> String? {
        var previous: Substring?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(linesSearched) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("# ") || trimmed == "#" {
                let title = trimmed.dropFirst().trimmingCharacters(in: " #\t")
                return title.isEmpty ? nil : title
            }
            if let previous, !previous.allSatisfy(\.isWhitespace), !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) {
                return String(previous).trimmingCharacters(in: " \t")
            }
            previous = line
        }
        return nil
    }
}
