/// The full person names of an article, so that a later "Austin" joins "Lloyd Austin".
struct PersonNames {
    /// Full name by each of its words that could stand alone (first and last name), in capitals so
    /// that "AUSTIN" in a headline finds "Lloyd Austin"; `nil` when two full names share it.
    private var partIndex = StringTable()
    private var fullNames: [String?] = []

    init(candidates: [Candidate], text: TokenizedText) {
        for c in candidates.indices where candidates[c].type == .person && candidates[c].tokens.count > 1 {
            let candidate = candidates[c]
            // Words without a final period ("Gen." is a title, "J." an initial).
            guard let first = candidate.tokens.first(where: { Self.isWord($0, in: text) }),
                let last = candidate.tokens.last(where: { Self.isWord($0, in: text) })
            else { continue }
            let fullName = candidate.canonical ?? EntityGrouper.normalizedName(text.slice(candidate.tokens))
            for part in first == last ? first...first : first...last where part == first || part == last {
                let key = text.uppercasedString(ofToken: part)
                let k = partIndex.value(key, orInsert: fullNames.count)
                if k == fullNames.count {
                    fullNames.append(fullName)
                } else if fullNames[k] != fullName {
                    fullNames[k] = nil  // ambiguous: two people share it
                }
            }
        }
    }

    private static func isWord(_ i: Int, in text: TokenizedText) -> Bool {
        text.tokens[i].kind == .word && !text.endsWithPeriod(token: i)
    }

    /// The full name a short person mention stands for, if exactly one person in the article has it.
    ///
    /// A single-word recognizer mention of another type that is a known person's name (the model
    /// reading "Austin" as the city) joins the person too; dictionary entries keep their type.
    func fullName(for candidate: Candidate, surface: String) -> String? {
        guard candidate.tokens.count == 1, candidate.canonical == nil else { return nil }
        guard candidate.type == .person || candidate.source == .recognizer else { return nil }
        guard !fullNames.isEmpty, let k = partIndex.value(surface.fastUppercased), let fullName = fullNames[k], fullName != surface
        else { return nil }
        return fullName
    }
}
