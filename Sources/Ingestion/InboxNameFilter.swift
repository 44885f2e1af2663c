/// Which inbox names are articles to claim, and which are work in progress to leave alone.
///
/// Producers write under a hidden or temporary name and rename when done; such names
/// (`.name`, `*.tmp`, `*.part`, `*~`) are ignored until renamed. Every other name is
/// claimed; an unsupported extension is then quarantined with that reason.
public enum InboxNameFilter {
    /// Whether a file of this name is left in the inbox untouched.
    public static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix("~")
    }

    /// The name for raw name bytes: UTF-8 names as they are; other bytes (legal on Linux)
    /// get a UTF-8 name with each invalid byte written as `%XX`, which the daemon renames
    /// the file to before claiming it, so that it appears under a name JSON can carry.
    /// Escaping triples a byte, so an escaped name over 255 bytes is cut to a prefix plus
    /// `~<hash>` (`BoundedFileName`), keeping its extension and so its format.
    public static func decodedName(_ raw: [UInt8]) -> (name: String, needsRename: Bool) {
        if let name = String(validating: raw, as: UTF8.self) { return (name, false) }
        var result = ""
        var index = 0
        while index < raw.count {
            var length = 1
            var decoded: String?
            for candidate in (1...4).reversed() where index + candidate <= raw.count {
                if let text = String(validating: raw[index..<(index + candidate)], as: UTF8.self), text.unicodeScalars.count == 1 {
                    decoded = text
                    length = candidate
                    break
                }
            }
            if let decoded {
                result += decoded
            } else {
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(raw[index] >> 4)]) + String(hex[Int(raw[index] & 0xF)])
            }
            index += length
        }
        return (bounded(result), true)
    }

    /// The escaped name within the file name limit, extension kept when it is a short one.
    private static func bounded(_ name: String) -> String {
        guard name.utf8.count > BoundedFileName.maximumBytes else { return name }
        guard let dot = name.lastIndex(of: "."), name.utf8[dot...].count <= 16 else {
            return BoundedFileName.make(name, suffix: "", attempt: 0)
        }
        return BoundedFileName.make(String(name[..<dot]), suffix: String(name[dot...]), attempt: 0)
    }
}
