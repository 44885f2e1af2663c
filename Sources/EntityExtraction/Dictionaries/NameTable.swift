/// Dictionary entries ready for matching in text and for looking up canonical names.
struct NameTable: Sendable {
    let entries: [DictionaryEntry]
    /// Entry index by name or alias; the first entry naming a string wins.
    private let indexByName: [String: Int]
    /// Finds every name and alias in token sequences; payload is the entry index.
    let matcher: PhraseMatcher

    init(entries: [DictionaryEntry], tokenizer: Tokenizer) {
        self.entries = entries
        var index: [String: Int] = [:]
        var matcher = PhraseMatcher()
        for (i, entry) in entries.enumerated() {
            for name in [entry.name] + entry.aliases {
                if index[name] == nil { index[name] = i }
                matcher.add(name, payload: i, tokenizer: tokenizer)
            }
        }
        self.indexByName = index
        self.matcher = matcher
    }

    /// The entry a name or alias belongs to.
    func entry(named name: String) -> DictionaryEntry? {
        if let i = indexByName[name] { return entries[i] }
        if name.contains("’") { return indexByName[name.replacingCurlyApostrophes()].map { entries[$0] } }
        return nil
    }

    /// The built-in table: the shipped alias table first, then the gazetteer's countries and demonyms.
    static func builtIn(aliasTable: [DictionaryEntry], gazetteer: PlaceGazetteer, tokenizer: Tokenizer) -> NameTable {
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
        return NameTable(entries: entries, tokenizer: tokenizer)
    }
}

extension String {
    func replacingCurlyApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "’" ? "'" : $0 }))
    }
}
