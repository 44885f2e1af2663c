extension Extractor {
    /// A recognizer span cleaned of possessive endings and titles, typed in OntoNotes terms
    /// and canonicalized through the alias table; `nil` when nothing of it remains.
    func recognizedCandidate(_ span: Range<Int>, label: String, confidence: Double, sentence: Int, in text: TokenizedText) -> Candidate? {
        let tokens = text.tokens
        var range = span
        while !range.isEmpty, Self.isTrailingJunk(tokens[range.upperBound - 1]) { range = range.lowerBound..<(range.upperBound - 1) }
        while !range.isEmpty, tokens[range.lowerBound].kind == .punctuation { range = (range.lowerBound + 1)..<range.upperBound }
        if label == "PER" {
            while range.count > 1, Self.titles.contains(String(tokens[range.lowerBound].text)) { range = (range.lowerBound + 1)..<range.upperBound }
        }
        guard !range.isEmpty else { return nil }
        let name = text.slice(range)
        let entry = builtInNames.entry(named: name)
        var type: EntityType
        var canonical: String?
        switch label {
        case "PER":
            type = .person
        case "ORG":
            type = .org
            if let entry, entry.type == .org { canonical = entry.name }
        case "LOC":
            if let entry, entry.type.conllType == "LOC" {
                type = entry.type
                canonical = entry.name
            } else {
                type = gazetteer.isGeopolitical(name) ? .gpe : .loc
            }
        default:
            if let entry, entry.type.conllType == "MISC" {
                type = entry.type
                canonical = entry.name
            } else if gazetteer.demonyms[name] != nil {
                type = .norp
            } else {
                type = Self.eventWords.contains(String(tokens[range.upperBound - 1].text)) ? .event : .misc
            }
        }
        return Candidate(tokens: range, sentence: sentence, type: type, confidence: confidence, source: .recognizer, canonical: canonical)
    }

    /// Possessive endings and punctuation are never part of a name.
    private static func isTrailingJunk(_ token: Token) -> Bool {
        if token.kind == .punctuation { return true }
        let t = token.text
        return t == "'s" || t == "’s" || t == "'S" || t == "’S" || t == "'" || t == "’"
    }

    /// Titles and roles in front of a name: not part of a PERSON span.
    static let titles: Set<String> = [
        "President", "Prime", "Minister", "Secretary", "General", "Gen.", "Commander", "Chancellor", "King", "Queen",
        "Prince", "Princess", "Pope", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.",
        "Mayor", "Judge", "Chief", "Col.", "Lt.", "Sgt.", "Capt.", "Adm.", "Maj.", "Colonel", "Lieutenant",
        "Sergeant", "Captain", "Admiral", "Major", "Senator", "Governor", "Representative", "Ambassador", "Foreign",
        "Defense", "Defence", "Vice", "Deputy", "Sir", "Lord", "Lady", "Dame", "Professor", "Prof.", "Rev.",
        "Father", "Sheikh", "Emir", "Crown", "Speaker", "Justice", "Commissioner", "Director", "Spokesman",
        "Spokeswoman", "Coach", "Premier", "Presidents", "Leader", "Chairman", "Chairwoman", "Sheik", "Ayatollah",
        "Commander-in-Chief", "Field", "Marshal", "Brig.", "Cpl.", "Pvt.", "Officer", "Agent", "Detective",
    ]

    /// Last words that make a MISC name an EVENT ("World Cup", "Winter Olympics").
    static let eventWords: Set<String> = [
        "War", "Games", "Olympics", "Cup", "Championship", "Championships", "Summit", "Revolution", "Festival",
        "Conference", "Marathon", "Prix", "Open", "Uprising", "Offensive", "Massacre", "Crisis", "Tournament",
    ]
}
