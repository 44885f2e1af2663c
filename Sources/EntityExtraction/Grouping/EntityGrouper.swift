/// Groups resolved mentions into entities: canonical names, later partial person names
/// joining the full name, salience, and GeoNames references for places.
struct EntityGrouper {
    let gazetteer: PlaceGazetteer

    /// Entities of the article: named ones by salience (summing to 1), then numeric and temporal ones in text order.
    func group(_ candidates: [Candidate], in text: TokenizedText, title: String?) -> [Entity] {
        let persons = PersonNames(candidates: candidates, text: text)
        // Groups as indices: keys in order of first mention, each mention's group and type.
        var keys: [GroupKey] = []
        var groupByKey: [GroupKey: Int] = [:]
        groupByKey.reserveCapacity(candidates.count)
        var mentions: [Mention] = []
        var types: [EntityType] = []
        var groupOf: [Int] = []
        mentions.reserveCapacity(candidates.count)
        types.reserveCapacity(candidates.count)
        groupOf.reserveCapacity(candidates.count)
        for candidate in candidates {
            let sliced = text.slice(candidate.tokens)
            let surface = Self.normalizedName(sliced)
            var type = candidate.type
            var name = candidate.canonical ?? surface
            if let fullName = persons.fullName(for: candidate, surface: surface) {
                type = .person
                name = fullName
            }
            mentions.append(Mention(
                text: sliced, start: text.tokens[candidate.tokens.lowerBound].start,
                end: text.tokens[candidate.tokens.upperBound - 1].end, sentence: candidate.sentence, confidence: candidate.confidence))
            types.append(type)
            let key = GroupKey(name: name, typeClass: type.groupClass)
            if let g = groupByKey[key] {
                groupOf.append(g)
            } else {
                groupByKey[key] = keys.count
                groupOf.append(keys.count)
                keys.append(key)
            }
        }
        // Members of each group in text order (candidates come in text order).
        var members = [[Int]](repeating: [], count: keys.count)
        for (m, g) in groupOf.enumerated() { members[g].append(m) }
        let order = Self.mergeShoutedGroups(keys, &members, mentions)
        var entities: [Entity] = order.map { g in
            let type = Self.majorityType(members[g].map { types[$0] })
            let name = keys[g].name
            var geo: GeoReference?
            if type == .gpe || type == .loc || type == .fac {
                // The name, then each mention text (the same bytes looked up once): the first the gazetteer knows.
                geo = gazetteer.geoReference(for: name)
                var tried: [String] = [name]
                for m in members[g] where geo == nil && !tried.contains(where: { $0.utf8.elementsEqual(mentions[m].text.utf8) }) {
                    tried.append(mentions[m].text)
                    geo = gazetteer.geoReference(for: mentions[m].text)
                }
            }
            return Entity(id: 0, name: name, type: type, salience: 0, mentions: members[g].map { mentions[$0] }, geo: geo)
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

    /// A name in capitals ("AUSTIN" in a headline) joins the same name written normally: the
    /// shouted group's members move to that group. The groups that remain, in order.
    private static func mergeShoutedGroups(_ keys: [GroupKey], _ members: inout [[Int]], _ mentions: [Mention]) -> [Int] {
        let shouted = keys.map(\.name.isShouted)
        // Without a name in capitals nothing merges, and every group is already in text order.
        guard shouted.contains(true) else { return Array(keys.indices) }
        // Upper-casing keeps the length of ASCII names: only those as long as a shouted name can match one.
        let shoutedLengths = Set(keys.indices.filter { shouted[$0] }.map { keys[$0].name.utf8.count })
        var normal: [GroupKey: Int] = [:]
        for g in keys.indices where !shouted[g] {
            let key = keys[g]
            if !shoutedLengths.contains(key.name.utf8.count), key.name.utf8.allSatisfy({ $0 < 0x80 }) { continue }
            normal[GroupKey(name: key.name.fastUppercased, typeClass: key.typeClass)] = g
        }
        guard !normal.isEmpty else { return Array(keys.indices) }
        var order: [Int] = []
        var merged: [Int] = []
        for g in keys.indices {
            guard shouted[g], let target = normal[keys[g]] else {
                order.append(g)
                continue
            }
            members[target] += members[g]
            members[g] = []
            merged.append(target)
        }
        // Mentions never overlap, so their starts are distinct: the sort order is unique.
        for g in merged { members[g].sort { mentions[$0].start < mentions[$1].start } }
        return order
    }

    private struct GroupKey: Hashable {
        var name: String
        /// `EntityType.groupClass`: types of one CoNLL class group together.
        var typeClass: Int
    }

    /// The most frequent type; ties go to the type seen first.
    private static func majorityType(_ types: [EntityType]) -> EntityType {
        if types.count == 1 { return types[0] }
        var counts = [Int](repeating: 0, count: EntityType.allCases.count)
        var firstSeen: [EntityType] = []
        for type in types {
            let t = type.index
            if counts[t] == 0 { firstSeen.append(type) }
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
