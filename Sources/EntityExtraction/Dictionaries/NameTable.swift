/// Dictionary entries ready for matching in text and for looking up canonical names.
struct NameTable: Sendable {
    let entries: [DictionaryEntry]
    /// The first `curatedCount` entries come from a hand-made table whose types are authoritative.
    let curatedCount: Int
    /// Entry index by name or alias; the first entry naming a string wins.
    private let indexByName: StringTable
    /// Finds every name and alias in token sequences; payload is the entry index.
    let matcher: PhraseMatcher
    /// The same names in capitals, for headlines in capitals ("PRIGOZHIN GLOATS").
    let shoutedMatcher: PhraseMatcher

    init(entries: [DictionaryEntry], curatedCount: Int? = nil) {
        self.entries = entries
        self.curatedCount = curatedCount ?? entries.count
        var index = StringTable(capacity: entries.count * 2)
        var matcher = PhraseMatcher()
        var shoutedMatcher = PhraseMatcher()
        for (i, entry) in entries.enumerated() {
            for name in [entry.name] + entry.aliases {
                _ = index.value(name, orInsert: i)
                matcher.add(name, payload: i)
                shoutedMatcher.add(name.uppercased(), payload: i)
            }
        }
        self.indexByName = index
        self.matcher = matcher
        self.shoutedMatcher = shoutedMatcher
    }

    /// The entry a name or alias belongs to.
    func entry(named name: String) -> DictionaryEntry? {
        entryIndex(named: name).map { entries[$0] }
    }

    /// The index of the entry a name or alias belongs to.
    func entryIndex(named name: String) -> Int? {
        if let i = indexByName.value(name) { return i }
        let curly = name.utf8.withContiguousStorageIfAvailable(UTF8Bytes.containsCurlyApostrophe) ?? name[...].containsCurlyApostrophe
        if curly { return indexByName.value(name.replacingCurlyApostrophes()) }
        return nil
    }

    /// The built-in table: the shipped alias table first, then the gazetteer's countries and demonyms.
    static func builtIn(aliasTable: [DictionaryEntry], gazetteer: PlaceGazetteer) -> NameTable {
        var entries = aliasTable
        for country in gazetteer.countries where country.population > 0 {
            entries.append(DictionaryEntry(name: country.name, type: .gpe, aliases: country.aliases))
        }
        var formsByCanonical: [String: [String]] = [:]
        for (form, demonym) in gazetteer.demonyms where form != demonym.canonical {
            formsByCanonical[demonym.canonical, default: []].append(form)
        }
        for canonical in Set(gazetteer.demonyms.values.map(\.canonical)).sorted() {
            entries.append(DictionaryEntry(name: canonical, type: .norp, aliases: (formsByCanonical[canonical] ?? []).sorted()))
        }
        return NameTable(entries: entries, curatedCount: aliasTable.count)
    }
}

extension String {
    func replacingCurlyApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "’" ? "'" : $0 }))
    }
}
