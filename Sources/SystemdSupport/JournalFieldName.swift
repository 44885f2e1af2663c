/// Journal field names as journald accepts them: `[A-Z0-9_]`, not starting with `_` (reserved for
/// trusted fields) or a digit, at most 64 characters.
enum JournalFieldName {
    static let maximumLength = 64

    /// Fields the journal handler writes itself; metadata keys that map onto them get a prefix
    /// so that a metadata value never masquerades as the message or its priority.
    static let reserved: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
        "LOGGER_LABEL", "ERROR",
    ]

    /// A valid field name for any metadata key: letters upper-cased, other characters `_`,
    /// leading `_` and digits dropped, cut to 64 characters, `FIELD` if nothing is left.
    static func sanitize(_ key: String) -> String {
        if isValid(key) { return key }
        var name = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            switch scalar {
            case "A"..."Z", "0"..."9", "_":
                name.append(scalar)
            case "a"..."z":
                name.append(Unicode.Scalar(UInt8(scalar.value) - 32))
            default:
                name.append("_")
            }
        }
        let valid = name.drop { $0 == "_" || ("0"..."9").contains($0) }
        var result = String(String.UnicodeScalarView(valid.prefix(maximumLength)))
        if result.isEmpty { result = "FIELD" }
        if reserved.contains(result) { result = String(("METADATA_" + result).prefix(maximumLength)) }
        return result
    }

    /// Whether `key` is already a valid, unreserved field name (the usual `ENTITYD_*` keys):
    /// then it is used as is, without building a new string.
    static func isValid(_ key: String) -> Bool {
        let utf8 = key.utf8
        guard let first = utf8.first, utf8.count <= maximumLength,
              first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): continue
            default: return false
            }
        }
        return !reserved.contains(key)
    }
}
