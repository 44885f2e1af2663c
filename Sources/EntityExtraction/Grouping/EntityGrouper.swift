/// Groups resolved mentions into entities: canonical names, later partial person names
/// joining the full name, salience, and GeoNames references for places.
struct EntityGrouper {
    let gazetteer: PlaceGazetteer

    /// Entities of the article: named ones by salience (summing to 1), then numeric and temporal ones in text order.
    func group(_ candidates: [Candidate], in text: TokenizedText, title: String?) -> [Entity] {
        let persons = PersonNames(candidates: candidates, text: text)
        var order: [GroupKey] = []
        var groups: [GroupKey: [(Candidate, Mention)]] = [:]
        for candidate in candidates {
            var candidate = candidate
            let sliced = text.slice(candidate.tokens)
            let surface = Self.normalizedName(sliced)
            var name = candidate.canonical ?? surface
            if let fullName = persons.fullName(for: candidate, surface: surface) {
                candidate.type = .person
                name = fullName
            }
            let mention = Mention(
                text: sliced, start: text.tokens[candidate.tokens.lowerBound].start,
                end: text.tokens[candidate.tokens.upperBound - 1].end, sentence: candidate.sentence, confidence: candidate.confidence)
            let key = GroupKey(name: name, typeClass: candidate.type.groupClass)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((candidate, mention))
        }
        Self.mergeShoutedGroups(&order, &groups)
        var entities: [Entity] = order.map { key in
            let members = groups[key]!
            let type = Self.majorityType(members)
            let geo = [.gpe, .loc, .fac].contains(type)
                ? ([key.name] + members.map(\.1.text)).lazy.compactMap { gazetteer.geoReference(for: $0) }.first : nil
            return Entity(id: 0, name: key.name, type: type, salience: 0, mentions: members.map(\.1), geo: geo)
        }
        Salience.assign(to: &entities, title: title)
        entities.sort { a, b in
            if a.type.isNamed != b.type.isNamed { return a.type.isNamed }
            if a.salience != b.salience { return a.salience > b.salience }
            return a.mentions[0].start < b.mentions[0].start
        }
        for i in entities.indices { entities[i].id = i }
        return entities
    }

    /// A name in capitals ("AUSTIN" in a headline) joins the same name written normally.
    private static func mergeShoutedGroups(_ order: inout [GroupKey], _ groups: inout [GroupKey: [(Candidate, Mention)]]) {
        let shouted = order.map(\.name.isShouted)
        // Without a name in capitals nothing merges, and every group is already in text order.
        guard shouted.contains(true) else { return }
        // Upper-casing keeps the length of ASCII names: only those as long as a shouted name can match one.
        let shoutedLengths = Set(zip(order, shouted).filter(\.1).map(\.0.name.utf8.count))
        var normal: [GroupKey: GroupKey] = [:]
        for (key, isShouted) in zip(order, shouted) where !isShouted {
            if !shoutedLengths.contains(key.name.utf8.count), key.name.utf8.allSatisfy({ $0 < 0x80 }) { continue }
            normal[GroupKey(name: key.name.uppercased(), typeClass: key.typeClass)] = key
        }
        guard !normal.isEmpty else { return }
        var index = 0
        order.removeAll { key in
            defer { index += 1 }
            guard shouted[index], let target = normal[key], let members = groups[key] else { return false }
            groups[target]! += members
            groups[key] = nil
            return true
        }
        for key in order { groups[key]!.sort { $0.1.start < $1.1.start } }
    }

    private struct GroupKey: Hashable {
        var name: String
        /// `EntityType.groupClass`: types of one CoNLL class group together.
        var typeClass: Int
    }

    /// The most frequent type; ties go to the type seen first.
    private static func majorityType(_ members: [(Candidate, Mention)]) -> EntityType {
        if members.count == 1 { return members[0].0.type }
        var counts = [Int](repeating: 0, count: EntityType.allCases.count)
        var firstSeen: [EntityType] = []
        for (candidate, _) in members {
            let t = candidate.type.index
            if counts[t] == 0 { firstSeen.append(candidate.type) }
            counts[t] += 1
        }
        var best = firstSeen[0]
        for t in firstSeen.dropFirst() where counts[t.index] > counts[best.index] { best = t }
        return best
    }

    /// Whitespace runs (line breaks inside a name) become one space.
    static func normalizedName(_ name: String) -> String {
        // Bytes first: only control characters, non-ASCII text or double spaces can need work.
        var previous: UInt8 = 0
        var suspicious = false
        for b in name.utf8 {
            if b < 0x20 || b >= 0x80 || (b == 0x20 && previous == 0x20) { suspicious = true; break }
            previous = b
        }
        guard suspicious, name.contains(where: { $0.isWhitespace && $0 != " " }) || name.contains("  ") else { return name }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
