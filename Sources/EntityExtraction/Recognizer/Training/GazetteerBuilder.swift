/// Compiles gazetteer TSV texts into the hashed `Gazetteer` stored in the model.
struct GazetteerBuilder {
    /// Cities at least this populous also get the `largeCity` category.
    static let largeCityPopulation = 200_000

    private var entries: [UInt64: UInt32] = [:]

    init() {}

    /// All sources compiled together.
    static func build(_ sources: GazetteerSources, nameListSource: ConllCorpus? = nil) -> Gazetteer {
        var builder = GazetteerBuilder()
        if let corpus = nameListSource { builder.addNameLists(corpus) }
        builder.addCities(sources.cities)
        builder.addColumns(sources.regions, columns: [3, 4], category: .region)
        builder.addColumns(sources.countryNames, columns: [0], category: .country)
        builder.addColumns(sources.demonyms, columns: [0], category: .demonym)
        return builder.gazetteer
    }

    var gazetteer: Gazetteer {
        let keys = entries.keys.sorted()
        return Gazetteer(keys: keys, masks: keys.map { entries[$0]! })
    }

    mutating func add(_ name: Substring, _ category: Gazetteer.Category) {
        let tokens = Self.tokens(of: name)
        guard !tokens.isEmpty, tokens.count <= Gazetteer.maxTokens else { return }
        var hash = FeatureHash.seed
        for (i, token) in tokens.enumerated() {
            hash = FeatureHash.sequence(hash, FeatureHash.lowercased(token))
            // Proper prefixes are marked so that matching stops as soon as no name can continue.
            if i + 1 < tokens.count { entries[hash, default: 0] |= Gazetteer.prefixBit }
        }
        entries[hash, default: 0] |= 1 << UInt32(category.rawValue)
    }

    /// Given names and surnames (first and last words of PER spans of two or more words) and
    /// organization words (capitalized words seen five times or more inside ORG spans).
    private mutating func addNameLists(_ corpus: ConllCorpus) {
        var given: [String: Int] = [:]
        var surnames: [String: Int] = [:]
        var organization: [String: Int] = [:]
        for sentence in corpus.sentences {
            for span in ConllSpans.spans(of: sentence.tags) {
                if span.type == "PER" && span.range.count >= 2 {
                    given[sentence.tokens[span.range.lowerBound], default: 0] += 1
                    surnames[sentence.tokens[span.range.upperBound - 1], default: 0] += 1
                }
                if span.type == "ORG" {
                    for token in sentence.tokens[span.range] where token.first?.isUppercase == true && token.count > 2 {
                        organization[token, default: 0] += 1
                    }
                }
            }
        }
        for (name, _) in given where name.count > 1 { add(Substring(name), .givenName) }
        for (name, count) in surnames where count >= 2 && name.count > 1 { add(Substring(name), .surname) }
        for (word, count) in organization where count >= 5 { add(Substring(word), .organizationWord) }
    }

    private mutating func addCities(_ text: String) {
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 10 else { continue }
            let large = (Int(columns[9]) ?? 0) >= Self.largeCityPopulation
            for name in [columns[1], columns[2]] {
                add(name, .city)
                if large { add(name, .largeCity) }
            }
            for alternate in columns[3].split(separator: ",") where Self.isEnglishStyleName(alternate) {
                add(alternate, .city)
            }
        }
    }

    private mutating func addColumns(_ text: String, columns wanted: [Int], category: Gazetteer.Category) {
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            for c in wanted where c < columns.count && !columns[c].isEmpty { add(columns[c], category) }
        }
    }

    /// Latin-letter names written like English text ("Kiev", "New York"), not codes or
    /// other scripts, which would never match English news tokens anyway.
    static func isEnglishStyleName(_ name: Substring) -> Bool {
        guard name.count >= 3, let first = name.unicodeScalars.first, first.value >= 0x41 && first.value <= 0x5A else { return false }
        var hasLower = false
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v >= 0x61 && v <= 0x7A { hasLower = true; continue }
            if (v >= 0x41 && v <= 0x5A) || v == 0x20 || v == 0x2D || v == 0x27 || v == 0x2E { continue }
            return false
        }
        return hasLower
    }

    /// Splits a name the way CoNLL tokenizes: on spaces, with commas as their own tokens.
    static func tokens(of name: Substring) -> [Substring] {
        var result: [Substring] = []
        for part in name.split(separator: " ") {
            if part.hasSuffix(",") && part.count > 1 {
                result.append(part.dropLast())
                result.append(part.suffix(1))
            } else {
                result.append(part)
            }
        }
        return result
    }
}
