/// One dictionary line: a canonical name, its type, and the aliases that also mean it.
public struct DictionaryEntry: Sendable, Hashable {
    /// The canonical name entities are reported under.
    public var name: String
    public var type: EntityType
    /// Other spellings that join the same entity ("Kiev" for "Kyiv").
    public var aliases: [String]

    public init(name: String, type: EntityType, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
    }

    /// Parses dictionary text: `name<TAB>TYPE[<TAB>alias|alias…]` per line, `#` starts a comment line.
    ///
    /// Throws `ExtractionError.badDictionaryLine` naming `source` and the line number of the first bad line.
    public static func parse(_ text: String, source: String) throws -> [DictionaryEntry] {
        var entries: [DictionaryEntry] = []
        var lineNumber = 0
        // "\r\n" is one Character, so both line ends are named.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) || line.drop(while: \.isWhitespace).hasPrefix("#") { continue }
            func bad(_ why: String) -> ExtractionError {
                ExtractionError(.badDictionaryLine, "\(source):\(lineNumber): \(why)", source: source, line: lineNumber)
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 || fields.count == 3 else {
                throw bad("expected name<TAB>TYPE[<TAB>alias|alias…], found \(fields.count) tab-separated field(s)")
            }
            let name = fields[0].trimmingSpaces()
            guard !name.isEmpty else { throw bad("empty name") }
            guard let type = EntityType(dictionaryName: fields[1].trimmingSpaces()) else {
                throw bad("unknown type \"\(fields[1])\"; expected one of " + EntityType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var aliases: [String] = []
            if fields.count == 3 {
                aliases = fields[2].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
                guard !aliases.contains(where: \.isEmpty) else { throw bad("empty alias") }
            }
            entries.append(DictionaryEntry(name: name, type: type, aliases: aliases))
        }
        return entries
    }
}

extension EntityType {
    /// A type as written in a dictionary: the OntoNotes name in any case, or a CoNLL name (PER, LOC).
    init?(dictionaryName name: String) {
        let upper = name.uppercased()
        if let type = EntityType(rawValue: upper) {
            self = type
        } else if upper == "PER" {
            self = .person
        } else {
            return nil
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
