/// File names derived from an input name that stay within the 255-byte limit of Linux
/// file systems and never collide with an earlier result.
///
/// Scheme (documented in the README): attempt 0 is `<name><suffix>`, attempt n is
/// `<name>.<n><suffix>` (`x.txt.json`, `x.txt.1.json`, `x.txt.2.json`, …). When that would
/// exceed the limit, the name is cut at a character boundary and marked with `~` and the
/// first 8 hex digits of the SHA-256 of the full name, so different long names stay apart:
/// `<prefix>~<hash8>[.<n>]<suffix>`. The full input name is always in `source.name`.
public enum BoundedFileName {
    /// The longest file name (in bytes) Linux file systems accept.
    public static let maximumBytes = 255

    /// The name for `attempt` (0, 1, 2, …), keeping `reserve` bytes free for a further
    /// suffix a companion file appends (like `.error.json`).
    public static func make(_ name: String, suffix: String, attempt: Int, reserve: Int = 0) -> String {
        let counter = attempt == 0 ? "" : ".\(attempt)"
        let limit = maximumBytes - reserve
        let plain = name + counter + suffix
        if plain.utf8.count <= limit { return plain }
        let marker = "~" + SHA256.hexDigest(of: Array(name.utf8)).prefix(8)
        let budget = limit - marker.utf8.count - counter.utf8.count - suffix.utf8.count
        return prefix(of: name, bytes: max(0, budget)) + marker + counter + suffix
    }

    /// The longest prefix of `name` of at most `bytes` UTF-8 bytes that ends on a character.
    static func prefix(of name: String, bytes: Int) -> String {
        var result = ""
        var used = 0
        for character in name {
            let size = character.utf8.count
            if used + size > bytes { break }
            result.append(character)
            used += size
        }
        return result
    }
}
