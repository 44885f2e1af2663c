/// Groups resolved mentions into entities: canonical names, later partial person names
/// joining the full name, salience, and GeoNames references for places.
struct EntityGrouper {
    let gazetteer: PlaceGazetteer

    /// Entities of the article: named ones by salience (summing to 1), then numeric and temporal ones in text order.
    func group(_ candidates: [Candidate], in text: TokenizedText, title: String?) -> [Entity] {
        let n = candidates.count
        guard n > 0 else { return [] }
        // Each mention is made once, in a buffer it is later moved out of into its entity: no
        // mention is copied (each holds a string) and none is left behind (every mention is in
        // exactly one group of the final order, so every one is moved exactly once).
        let mentions = UnsafeMutablePointer<Mention>.allocate(capacity: n)
        defer { mentions.deallocate() }
        let written = Self.makeMentions(candidates, in: text, into: mentions)
        let persons = PersonNames(candidates: candidates, surfaces: written.surfaces, text: text)
        let groups = Self.groupKeys(candidates, written, persons, in: text)
        let (order, members) = Self.mergeShoutedGroups(groups, mentions)
        return members.withLists { members in entities(order, members, groups, mentions, title: title) }
    }

    /// The entities of the groups `order` (group `order[k]`'s mentions are `members.list(k)`), moving each mention into its entity.
    private func entities(
        _ order: [Int], _ members: GroupMembers.Lists, _ groups: Groups, _ mentions: UnsafeMutablePointer<Mention>, title: String?
    ) -> [Entity] {
        // Per group in `order`: type, place reference and salience score; then the output order.
        var types: [EntityType] = []
        var geos: [GeoReference?] = []
        var scores: [Double] = []
        types.reserveCapacity(order.count)
        geos.reserveCapacity(order.count)
        scores.reserveCapacity(order.count)
        for k in order.indices {
            let list = members.list(k)
            let type = Self.majorityType(list, groups.types)
            types.append(type)
            let name = groups.names[order[k]]
            geos.append(type == .gpe || type == .loc || type == .fac ? geoReference(name, list, mentions) : nil)
            scores.append(type.isNamed ? Salience.score(list, mentions, name: name, title: title) : 0)
        }
        let total = scores.reduce(0, +)
        // Sorting small keys, then making each entity in its place: no entity is moved or copied.
        var sortKeys: [EntityOrderKey] = []
        sortKeys.reserveCapacity(order.count)
        for k in order.indices {
            let salience = total > 0 ? scores[k] / total : 0
            sortKeys.append(EntityOrderKey(named: types[k].isNamed, salience: salience, start: mentions[members.list(k).first!].start, k: k))
        }
        EntityOrderKey.sort(&sortKeys)
        return [Entity](unsafeUninitializedCapacity: sortKeys.count) { entities, count in
            for id in sortKeys.indices {
                let k = sortKeys[id].k
                let list = members.list(k)
                let moved: [Mention]
                if list.count == 1 {
                    moved = [(mentions + list[0]).move()]  // most entities: an array literal allocates least
                } else {
                    var array: [Mention] = []
                    array.reserveCapacity(list.count)
                    for m in list { array.append((mentions + m).move()) }
                    moved = array
                }
                let entity = Entity(
                    id: id, name: groups.names[order[k]], type: types[k], salience: sortKeys[id].salience, mentions: moved, geo: geos[k])
                (entities.baseAddress! + id).initialize(to: consume entity)
            }
            count = sortKeys.count
        }
    }

    /// The name, then each mention text (the same bytes looked up once): the first the gazetteer knows.
    private func geoReference(_ name: String, _ list: UnsafeBufferPointer<Int>, _ mentions: UnsafeMutablePointer<Mention>) -> GeoReference? {
        if let geo = gazetteer.geoReference(for: name) { return geo }
        var tried: [String] = [name]
        for m in list where !tried.contains(where: { $0.utf8.elementsEqual(mentions[m].text.utf8) }) {
            tried.append(mentions[m].text)
            if let geo = gazetteer.geoReference(for: mentions[m].text) { return geo }
        }
        return nil
    }

    /// Each mention's name as written (whitespace runs made one space; nearly always its text) and
    /// what the grouping asks of it.
    private struct WrittenNames {
        var surfaces: [String] = []
        /// Whether the surface is its text's bytes unchanged (no whitespace normalized away).
        var isText: [Bool] = []
        /// `StringTable.baseHash` of the surface.
        var baseHashes: [UInt64] = []
    }

    /// Initializes `mentions[0..<candidates.count]`, one mention per candidate, and returns their names.
    private static func makeMentions(_ candidates: [Candidate], in text: TokenizedText, into mentions: UnsafeMutablePointer<Mention>) -> WrittenNames {
        var names = WrittenNames()
        names.surfaces.reserveCapacity(candidates.count)
        names.isText.reserveCapacity(candidates.count)
        names.baseHashes.reserveCapacity(candidates.count)
        // Fields read in place: a copied candidate would retain its canonical name.
        candidates.withUnsafeBufferPointer { candidates in
            text.utf8.withUnsafeBufferPointer { bytes in
                text.tokens.withUnsafeBufferPointer { tokens in
                    for i in candidates.indices {
                        let range = candidates[i].tokens
                        let slice = UnsafeBufferPointer(rebasing: bytes[text.byteRange(range)])
                        let string = String(decoding: slice, as: UTF8.self)
                        if let hash = plainNameHash(slice) {
                            // The usual case: nothing to normalize, the name is the text.
                            names.surfaces.append(string)
                            names.isText.append(true)
                            names.baseHashes.append(hash)
                        } else {
                            let surface = normalizedName(string)
                            let isText = surface.utf8.elementsEqual(slice)
                            names.surfaces.append(surface)
                            names.isText.append(isText)
                            names.baseHashes.append(isText ? StringTable.baseHash(slice) : StringTable.baseHash(of: surface))
                        }
                        (mentions + i).initialize(to: Mention(
                            text: string, start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end,
                            sentence: candidates[i].sentence, confidence: candidates[i].confidence))
                    }
                }
            }
        }
        return names
    }

    /// Groups as indices: names (with their type class and hash) in order of first mention, each mention's group and type.
    private struct Groups {
        var names: [String] = []
        /// `EntityType.groupClass` of each group: types of one CoNLL class group together.
        var typeClasses: [Int] = []
        /// `StringTable.hash(name, tag: typeClass)` of each group.
        var hashes: [UInt64] = []
        /// Whether each group's name is in capitals (`isShouted`), and whether it is ASCII.
        var shouted: [Bool] = []
        var isASCII: [Bool] = []
        var groupOf: [Int] = []
        var types: [EntityType] = []
    }

    /// Each mention's group by its name (canonical, the full name of a person it names, or as written) and type class.
    private static func groupKeys(_ candidates: [Candidate], _ written: WrittenNames, _ persons: PersonNames, in text: TokenizedText) -> Groups {
        var groups = Groups()
        groups.names.reserveCapacity(candidates.count)
        groups.typeClasses.reserveCapacity(candidates.count)
        groups.hashes.reserveCapacity(candidates.count)
        groups.shouted.reserveCapacity(candidates.count)
        groups.isASCII.reserveCapacity(candidates.count)
        groups.groupOf.reserveCapacity(candidates.count)
        groups.types.reserveCapacity(candidates.count)
        var index = NameIndex(capacity: candidates.count)
        candidates.withUnsafeBufferPointer { candidates in
            text.utf8.withUnsafeBufferPointer { bytes in
                for i in candidates.indices {
                    var type = candidates[i].type
                    var name: String
                    var baseHash: UInt64
                    // The name's bytes when it is the mention's text unchanged.
                    var utf8: UnsafeBufferPointer<UInt8>?
                    if let canonical = candidates[i].canonical {
                        name = canonical
                        baseHash = StringTable.baseHash(of: canonical)
                    } else {
                        name = written.surfaces[i]
                        baseHash = written.baseHashes[i]
                        utf8 = written.isText[i] ? UnsafeBufferPointer(rebasing: bytes[text.byteRange(candidates[i].tokens)]) : nil
                        if candidates[i].tokens.count == 1, type == .person || candidates[i].source == .recognizer,
                            let fullName = persons.fullName(ofSurname: name, utf8: utf8)
                        {
                            type = .person
                            name = fullName
                            baseHash = StringTable.baseHash(of: fullName)
                            utf8 = nil
                        }
                    }
                    let typeClass = type.groupClass
                    let hash = StringTable.mix(baseHash, tag: typeClass)
                    groups.types.append(type)
                    let g = index.index(hash: hash, orInsert: groups.names.count) { groups.typeClasses[$0] == typeClass && groups.names[$0] == name }
                    if g == groups.names.count {
                        groups.names.append(name)
                        groups.typeClasses.append(typeClass)
                        groups.hashes.append(hash)
                        if let utf8 {
                            groups.shouted.append(UTF8Bytes.isShouted(utf8))
                            groups.isASCII.append(PatternText.isASCII(utf8))
                        } else {
                            groups.shouted.append(name.isShouted)
                            groups.isASCII.append(Self.isASCII(name))
                        }
                    }
                    groups.groupOf.append(g)
                }
            }
        }
        return groups
    }

    /// A name in capitals ("AUSTIN" in a headline) joins the same name written normally: the
    /// shouted group's members move to that group. The groups that remain, in order, and their members.
    private static func mergeShoutedGroups(_ groups: Groups, _ mentions: UnsafeMutablePointer<Mention>) -> ([Int], GroupMembers) {
        let members = GroupMembers(groupOf: groups.groupOf, groupCount: groups.names.count)
        let keys = groups.names
        let shouted = groups.shouted
        // Without a name in capitals nothing merges, and every group is already in text order.
        guard shouted.contains(true) else { return (Array(keys.indices), members) }
        // Upper-casing keeps the length of ASCII names: only those as long as a shouted name can match one.
        // Lengths as flags indexed by length: no hashing per group.
        var isShoutedLength = [Bool](repeating: false, count: keys.indices.lazy.filter { shouted[$0] }.map { keys[$0].utf8.count }.max()! + 1)
        for g in keys.indices where shouted[g] { isShoutedLength[keys[g].utf8.count] = true }
        // Normal names in capitals, with their groups: looked up by the shouted groups' own hashes.
        var uppercased: [String] = []
        var uppercasedGroup: [Int] = []
        var normal = NameIndex(capacity: keys.count)
        for g in keys.indices where !shouted[g] {
            let length = keys[g].utf8.count
            if !(length < isShoutedLength.count && isShoutedLength[length]), groups.isASCII[g] { continue }
            let upper = keys[g].fastUppercased
            let typeClass = groups.typeClasses[g]
            // A later group with the same name in capitals replaces an earlier one (`StringTable.set`).
            let u = normal.index(hash: StringTable.hash(upper, tag: typeClass), orInsert: uppercased.count) {
                groups.typeClasses[uppercasedGroup[$0]] == typeClass && uppercased[$0] == upper
            }
            if u == uppercased.count {
                uppercased.append(upper)
                uppercasedGroup.append(g)
            } else {
                uppercasedGroup[u] = g
            }
        }
        guard !uppercased.isEmpty else { return (Array(keys.indices), members) }
        var order: [Int] = []
        order.reserveCapacity(keys.count)
        var movedTo: [Int: [Int]] = [:]  // merged lists by target group (few)
        for g in keys.indices {
            let typeClass = groups.typeClasses[g]
            guard shouted[g],
                let u = normal.index(hash: groups.hashes[g], where: { groups.typeClasses[uppercasedGroup[$0]] == typeClass && uppercased[$0] == keys[g] })
            else {
                order.append(g)
                continue
            }
            let target = uppercasedGroup[u]
            movedTo[target] = (movedTo[target] ?? Array(members[target])) + members[g]
        }
        // Mentions never overlap, so their starts are distinct: the sort order is unique.
        for (target, list) in movedTo { movedTo[target] = list.sorted { mentions[$0].start < mentions[$1].start } }
        return (order, members.regrouped(order, replacing: movedTo))
    }

    private static func isASCII(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable(PatternText.isASCII) ?? name.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The most frequent type of the members; ties go to the type seen first.
    private static func majorityType(_ members: UnsafeBufferPointer<Int>, _ types: [EntityType]) -> EntityType {
        let first = types[members[0]]
        guard members.contains(where: { types[$0] != first }) else { return first }
        var counts = [Int](repeating: 0, count: EntityType.allCases.count)
        var firstSeen: [EntityType] = []
        for m in members {
            let t = types[m].index
            if counts[t] == 0 { firstSeen.append(types[m]) }
            counts[t] += 1
        }
        var best = firstSeen[0]
        for t in firstSeen.dropFirst() where counts[t.index] > counts[best.index] { best = t }
        return best
    }

    /// `StringTable.baseHash(bytes)` (FNV-1a of ASCII text) when `needsNormalizing(bytes)` is
    /// false, found in the same pass; `nil` when it is true.
    @inline(__always) static func plainNameHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var previous: UInt8 = 0
        for b in bytes {
            if b < 0x20 || b >= 0x80 || (b == 0x20 && previous == 0x20) { return nil }
            h = (h ^ UInt64(b)) &* 0x100_0000_01B3
            previous = b
        }
        return h
    }

    /// Whether `normalizedName` may change the text spelled by `bytes`: only control characters,
    /// non-ASCII text or double spaces can need work.
    @inline(__always) static func needsNormalizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b < 0x20 || b >= 0x80 || (b == 0x20 && previous == 0x20) { return true }
            previous = b
        }
        return false
    }

    /// Whitespace runs (line breaks inside a name) become one space.
    static func normalizedName(_ name: String) -> String {
        // Native and small strings lend their bytes in place.
        let suspicious = name.utf8.withContiguousStorageIfAvailable(needsNormalizing) ?? {
            var copy = name
            return copy.withUTF8(needsNormalizing)
        }()
        guard suspicious, name.contains(where: { $0.isWhitespace && $0 != " " }) || name.contains("  ") else { return name }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
