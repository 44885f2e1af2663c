extension Extractor {
    /// A recognizer span without possessive endings, punctuation and leading titles; a title-led
    /// span the model took for an organization or place becomes the person it names
    /// ("Defense Lloyd Austin" → "Lloyd Austin"). `nil` when nothing remains.
    func cleaned(_ span: Range<Int>, label: String, confidence: Double, sentence: Int, in text: TokenizedText) -> RecognizedMention? {
        let tokens = text.tokens
        var range = span
        var label = label
        while !range.isEmpty, Self.isTrailingJunk(range.upperBound - 1, in: text) { range = range.lowerBound..<(range.upperBound - 1) }
        while !range.isEmpty, tokens[range.lowerBound].kind == .punctuation { range = (range.lowerBound + 1)..<range.upperBound }
        // A web or mail address is not a name, whatever the model made of it.
        guard !range.isEmpty, !tokens[range].contains(where: { $0.kind == .url || $0.kind == .email }) else { return nil }
        if label == "PER",
            let cut = range.last(where: { i in
                i < range.upperBound - 1 && text.token(i, isIn: Self.roleConnectors)
            })
        {
            range = (cut + 1)..<range.upperBound  // "Secretary of Defense Lloyd Austin": the role ends at "of"
        }
        var rest = range
        while rest.count > 1, Self.isTitle(token: rest.lowerBound, in: text) { rest = (rest.lowerBound + 1)..<rest.upperBound }
        if label == "PER" {
            range = rest
        } else if rest != range, (2...3).contains(rest.count), text.token(rest.lowerBound - 1, isIn: Self.roles),
            looksLikePersonName(rest, in: text)
        {
            range = rest
            label = "PER"
        }
        return RecognizedMention(tokens: range, sentence: sentence, label: label, confidence: confidence, name: text.slice(range))
    }

    /// Capitalized words ending in neither an organization nor a place word, and no known place or name.
    private func looksLikePersonName(_ range: Range<Int>, in text: TokenizedText) -> Bool {
        guard range.allSatisfy({ text.tokens[$0].kind == .word && text.startsUppercase(token: $0) }) else { return false }
        let last = text.string(ofToken: range.upperBound - 1)
        let name = text.slice(range)
        return !Self.organizationHeads.contains(last) && !Self.placeHeads.contains(last) && !gazetteer.isGeopolitical(name)
            && builtInNames.entry(named: name) == nil
    }

    /// One label per name in a document, where the recognizer was unsure: a doubtful mention
    /// (confidence below 0.75) takes the label the same name has with at least twice the total
    /// confidence elsewhere in the document ("one sense per discourse"). Confident mentions keep
    /// their label: on CoNLL dev, forcing every mention to the majority costs more than it gains.
    func harmonizeLabels(_ mentions: inout [RecognizedMention]) {
        // Only doubtful mentions change: without one there is nothing to count.
        guard mentions.contains(where: { $0.confidence < 0.75 }) else { return }
        // Votes as one flat array, `labels.count` per name, indexed by label (few distinct labels); -1: no vote.
        var labels: [String] = []
        var labelIndex = [Int](repeating: 0, count: mentions.count)
        var nameOf = [Int](repeating: 0, count: mentions.count)
        // Names numbered in order of first mention, found by hash; each name's first mention holds its string.
        var nameIndex = NameIndex(capacity: mentions.count)
        var firstMention: [Int] = []
        // In place: enumerating would copy each mention and its two strings.
        mentions.withUnsafeBufferPointer { mentions in
            for i in mentions.indices {
                if let k = labels.firstIndex(of: mentions[i].label) { labelIndex[i] = k } else {
                    labels.append(mentions[i].label)
                    labelIndex[i] = labels.count - 1
                }
                nameOf[i] = nameIndex.index(hash: StringTable.hash(mentions[i].name), orInsert: firstMention.count) {
                    mentions[firstMention[$0]].name == mentions[i].name
                }
                if nameOf[i] == firstMention.count { firstMention.append(i) }
            }
        }
        let width = labels.count
        var votes = [Double](repeating: -1, count: firstMention.count * width)
        for i in mentions.indices { votes[nameOf[i] * width + labelIndex[i]].addVote(mentions[i].confidence) }
        for i in mentions.indices where mentions[i].confidence < 0.75 {
            let named = votes[(nameOf[i] * width)..<((nameOf[i] + 1) * width)]
            guard named.lazy.filter({ $0 >= 0 }).count > 1 else { continue }
            // The most confident label; on a tie the alphabetically first.
            var best = -1
            for k in 0..<width where named[named.startIndex + k] >= 0 {
                let v = named[named.startIndex + k]
                if best < 0 || v > named[named.startIndex + best] || (v == named[named.startIndex + best] && labels[k] < labels[best]) { best = k }
            }
            let own = max(0, named[named.startIndex + labelIndex[i]])
            guard best != labelIndex[i], named[named.startIndex + best] >= 2 * own else { continue }
            mentions[i].label = labels[best]
        }
    }

    /// The candidate of a recognized mention: typed in OntoNotes terms and canonicalized.
    ///
    /// The hand-made alias table decides the type of the names it lists ("Kremlin" is ORG,
    /// "Donbas" LOC); the gazetteer's countries and demonyms only within the recognizer's class.
    func typedCandidate(_ m: RecognizedMention, in text: TokenizedText) -> Candidate {
        let last = m.tokens.upperBound - 1
        var type: EntityType
        var canonical: String?
        // A name in capitals ("WASHINGTON" in a dateline) is looked up as it is, then in title case.
        let titled = m.name.isShouted ? m.name.titleCasedWords : nil
        let names = Spellings(name: m.name, titled: titled)
        // Each spelling looked up once: the first curated entry decides, else the first entry of any kind.
        let found = (builtInNames.entryIndex(named: m.name), titled.flatMap { builtInNames.entryIndex(named: $0) })
        let curatedCount = builtInNames.curatedCount
        let curated = found.0.flatMap { $0 < curatedCount ? $0 : nil } ?? found.1.flatMap { $0 < curatedCount ? $0 : nil }
        if m.label != "PER", let curated {
            type = builtInNames.entries[curated].type
            canonical = builtInNames.entries[curated].name
        } else {
            let entry = (found.0 ?? found.1).map { builtInNames.entries[$0] }
            switch m.label {
            case "PER":
                type = .person
            case "LOC" where text.token(last, isIn: Self.organizationHeads), "MISC" where text.token(last, isIn: Self.organizationHeads):
                type = .org
            case "ORG":
                type = .org
                if let entry, entry.type == .org { canonical = entry.name }
            case "LOC":
                if let entry, entry.type.conllType == "LOC" {
                    type = entry.type
                    canonical = entry.name
                } else {
                    let place = names.first { gazetteer.isGeopolitical($0) ? $0 : nil }
                    if place == nil, let demonym = names.first({ self.gazetteer.demonyms[$0] }) {
                        type = .norp  // "Russians" is never a place
                        canonical = demonym.canonical
                    } else {
                        type = place == nil ? .loc : .gpe
                        if m.name.isShouted, let place { canonical = place }
                    }
                }
            default:
                if let entry, entry.type.conllType == "MISC" {
                    type = entry.type
                    canonical = entry.name
                } else if let demonym = names.first({ self.gazetteer.demonyms[$0] }) {
                    if m.name.isShouted { canonical = demonym.canonical }
                    type = .norp
                } else {
                    type = text.token(last, isIn: Self.eventWords) ? .event : .misc
                }
            }
        }
        return Candidate(tokens: m.tokens, sentence: m.sentence, type: type, confidence: m.confidence, source: .recognizer, canonical: canonical)
    }

    /// A title or role, also hyphenated from titles ("Lieutenant-Colonel", "Vice-President").
    static func isTitle(_ word: String) -> Bool {
        if titles.contains(word) { return true }
        guard word.utf8.contains(UInt8(ascii: "-")) else { return false }
        return word.split(separator: "-").allSatisfy { titles.contains(String($0)) }
    }

    /// `isTitle` of token `i`; ASCII tokens decided on bytes.
    static func isTitle(token i: Int, in text: TokenizedText) -> Bool {
        text.utf8.withUnsafeBufferPointer { utf8 in
            let word = UnsafeBufferPointer(rebasing: utf8[text.byteRanges[i]])
            guard PatternText.isASCII(word) else { return isTitle(String(decoding: word, as: UTF8.self)) }
            if titles.contains(word) { return true }
            guard word.contains(UInt8(ascii: "-")) else { return false }
            // As `String.split(separator:)`: empty parts are left out.
            return word.split(separator: UInt8(ascii: "-")).allSatisfy { titles.contains(UnsafeBufferPointer(rebasing: $0)) }
        }
    }

    /// Possessive endings and punctuation are never part of a name.
    static func isTrailingJunk(_ i: Int, in text: TokenizedText) -> Bool {
        if text.tokens[i].kind == .punctuation { return true }
        // Compared as bytes: no other spelling is canonically equivalent to these (none of
        // ', ’, s, S is the decomposition of another character), so bytes decide as `==` does.
        return text.utf8.withUnsafeBufferPointer { utf8 in
            let t = UnsafeBufferPointer(rebasing: utf8[text.byteRanges[i]])
            return possessiveEndings.contains { $0.count == t.count && $0.elementsEqual(t) }
        }
    }

    /// "'s", "’s", "'S", "’S", "'", "’" as UTF-8.
    private static let possessiveEndings: [[UInt8]] = ["'s", "’s", "'S", "’S", "'", "’"].map { Array($0.utf8) }

    /// `isTrailingJunk` as it was written on `String`s: the reference for tests.
    static func isTrailingJunkAsString(_ i: Int, in text: TokenizedText) -> Bool {
        if text.tokens[i].kind == .punctuation { return true }
        let t = text.string(ofToken: i)
        return t == "'s" || t == "’s" || t == "'S" || t == "’S" || t == "'" || t == "’"
    }
}

extension Double {
    /// Adds a vote's confidence to a tally that is -1 before its first vote.
    fileprivate mutating func addVote(_ confidence: Double) {
        self = self < 0 ? 0 + confidence : self + confidence
    }
}

/// The spellings of a name looked up in the gazetteer: as written, then in title case for a name in capitals.
private struct Spellings {
    let name: String
    let titled: String?

    /// The first spelling (in order) for which `f` gives a value.
    func first<T>(_ f: (String) -> T?) -> T? { f(name) ?? titled.flatMap(f) }
}
