import Foundation
@testable import EntityExtraction

/// `EntityGrouper` as it was before its fast paths (session 5): the reference the grouping tests
/// compare the pipeline's grouper with, entity for entity.
struct ReferenceGrouper {
    let gazetteer: PlaceGazetteer

    /// Entities of the article: named ones by salience (summing to 1), then numeric and temporal ones in text order.
    func group(_ candidates: [Candidate], in text: TokenizedText, title: String?) -> [Entity] {
        let persons = ReferencePersonNames(candidates: candidates, text: text)
        // Groups as indices: keys in order of first mention, each mention's group and type.
        var keys: [GroupKey] = []
        var groupByKey = StringTable(capacity: candidates.count)
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
            let g = groupByKey.value(name, tag: key.typeClass, orInsert: keys.count)
            if g == keys.count { keys.append(key) }
            groupOf.append(g)
        }
        var members = ReferenceGroupMembers(groupOf: groupOf, groupCount: keys.count)
        let order = Self.mergeShoutedGroups(keys, &members, mentions)
        var entities: [Entity] = order.map { g in
            let type = Self.majorityType(members[g], types)
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
        ReferenceSalience.assign(to: &entities, title: title)
        // Sorting indices by small keys moves no entity (each holds strings and an array); first
        // mentions never share a start, so the order is total and any sort gives it.
        let sortKeys = entities.map { (named: $0.type.isNamed, salience: $0.salience, start: $0.mentions[0].start) }
        let sorted = sortKeys.indices.sorted { i, j in
            let a = sortKeys[i]
            let b = sortKeys[j]
            if a.named != b.named { return a.named }
            if a.salience != b.salience { return a.salience > b.salience }
            return a.start < b.start
        }
        // Entity `sorted[k]` goes to place `k`: the permutation applied by swaps along its cycles (moves, no copies).
        var placed = [Bool](repeating: false, count: entities.count)
        for start in entities.indices where !placed[start] {
            var k = start
            while sorted[k] != start {
                entities.swapAt(k, sorted[k])
                placed[k] = true
                k = sorted[k]
            }
            placed[k] = true
        }
        for i in entities.indices { entities[i].id = i }
        return entities
    }

    /// A name in capitals ("AUSTIN" in a headline) joins the same name written normally: the
    /// shouted group's members move to that group. The groups that remain, in order.
    private static func mergeShoutedGroups(_ keys: [GroupKey], _ members: inout ReferenceGroupMembers, _ mentions: [Mention]) -> [Int] {
        let shouted = keys.map(\.name.isShouted)
        // Without a name in capitals nothing merges, and every group is already in text order.
        guard shouted.contains(true) else { return Array(keys.indices) }
        // Upper-casing keeps the length of ASCII names: only those as long as a shouted name can match one.
        // Lengths as flags indexed by length: no hashing per group.
        var isShoutedLength = [Bool](repeating: false, count: keys.indices.lazy.filter { shouted[$0] }.map { keys[$0].name.utf8.count }.max()! + 1)
        for g in keys.indices where shouted[g] { isShoutedLength[keys[g].name.utf8.count] = true }
        var normal = StringTable()
        for g in keys.indices where !shouted[g] {
            let length = keys[g].name.utf8.count
            if !(length < isShoutedLength.count && isShoutedLength[length]), Self.isASCII(keys[g].name) { continue }
            normal.set(keys[g].name.fastUppercased, tag: keys[g].typeClass, to: g)
        }
        guard normal.count > 0 else { return Array(keys.indices) }
        var order: [Int] = []
        var merged: [Int] = []
        for g in keys.indices {
            guard shouted[g], let target = normal.value(keys[g].name, tag: keys[g].typeClass) else {
                order.append(g)
                continue
            }
            members.move(g, into: target)
            merged.append(target)
        }
        // Mentions never overlap, so their starts are distinct: the sort order is unique.
        for g in merged { members.sort(g) { mentions[$0].start < mentions[$1].start } }
        return order
    }

    private static func isASCII(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable(PatternText.isASCII) ?? name.utf8.allSatisfy { $0 < 0x80 }
    }

    private struct GroupKey {
        var name: String
        /// `EntityType.groupClass`: types of one CoNLL class group together.
        var typeClass: Int
    }

    /// The most frequent type of the members; ties go to the type seen first.
    private static func majorityType(_ members: ArraySlice<Int>, _ types: [EntityType]) -> EntityType {
        let first = types[members[members.startIndex]]
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

    /// Whitespace runs (line breaks inside a name) become one space.
    static func normalizedName(_ name: String) -> String {
        // Bytes first: only control characters, non-ASCII text or double spaces can need work.
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            var previous: UInt8 = 0
            for b in bytes {
                if b < 0x20 || b >= 0x80 || (b == 0x20 && previous == 0x20) { return true }
                previous = b
            }
            return false
        }
        // Native and small strings lend their bytes in place.
        let suspicious = name.utf8.withContiguousStorageIfAvailable(scan) ?? {
            var copy = name
            return copy.withUTF8(scan)
        }()
        guard suspicious, name.contains(where: { $0.isWhitespace && $0 != " " }) || name.contains("  ") else { return name }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The mentions of each group in text order, in one flat array (most groups have one mention);
/// a group that takes over another's mentions keeps its own list.
private struct ReferenceGroupMembers {
    private var flat: [Int]
    private var starts: [Int]
    private var moved: [Int: [Int]] = [:]

    /// Mentions `0..<groupOf.count` into their groups, keeping their order.
    init(groupOf: [Int], groupCount: Int) {
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for g in groupOf { starts[g + 1] += 1 }
        for g in 0..<groupCount { starts[g + 1] += starts[g] }
        var next = starts
        var flat = [Int](repeating: 0, count: groupOf.count)
        for (m, g) in groupOf.enumerated() {
            flat[next[g]] = m
            next[g] += 1
        }
        self.flat = flat
        self.starts = starts
    }

    subscript(g: Int) -> ArraySlice<Int> {
        if let list = moved[g] { return list[...] }
        return flat[starts[g]..<starts[g + 1]]
    }

    /// Appends group `g`'s mentions to `target`'s and empties `g`.
    mutating func move(_ g: Int, into target: Int) {
        moved[target] = Array(self[target]) + self[g]
        moved[g] = []
    }

    mutating func sort(_ g: Int, by less: (Int, Int) -> Bool) {
        moved[g] = self[g].sorted(by: less)
    }
}

/// `PersonNames` as it was before its fast paths: part of `ReferenceGrouper`.
struct ReferencePersonNames {
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
            let fullName = candidate.canonical ?? ReferenceGrouper.normalizedName(text.slice(candidate.tokens))
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

/// `Salience` as it was before its fast paths: part of `ReferenceGrouper`.
enum ReferenceSalience {
    static func assign(to entities: inout [Entity], title: String?) {
        var scores = [Double](repeating: 0, count: entities.count)
        for (i, entity) in entities.enumerated() where entity.type.isNamed {
            var score = 0.0
            for mention in entity.mentions { score += 1 / (1 + 0.15 * Double(mention.sentence)) }
            if entity.mentions.contains(where: { $0.sentence == 0 }) { score += 0.5 }
            if let title, Set(entity.mentions.map(\.text) + [entity.name]).contains(where: { title.contains($0) }) { score += 1 }
            scores[i] = score
        }
        let total = scores.reduce(0, +)
        for i in entities.indices { entities[i].salience = total > 0 ? scores[i] / total : 0 }
    }
}

/// `Extractor.harmonizeLabels` as it was before its names were found through `NameIndex`.
func referenceHarmonizeLabels(_ mentions: inout [RecognizedMention]) {
    guard mentions.contains(where: { $0.confidence < 0.75 }) else { return }
    var labels: [String] = []
    var labelIndex = [Int](repeating: 0, count: mentions.count)
    var nameIndex = StringTable(capacity: mentions.count)
    var nameOf = [Int](repeating: 0, count: mentions.count)
    for i in mentions.indices {
        if let k = labels.firstIndex(of: mentions[i].label) { labelIndex[i] = k } else {
            labels.append(mentions[i].label)
            labelIndex[i] = labels.count - 1
        }
        nameOf[i] = nameIndex.value(mentions[i].name, orInsert: nameIndex.count)
    }
    let width = labels.count
    var votes = [Double](repeating: -1, count: nameIndex.count * width)
    for i in mentions.indices {
        let v = votes[nameOf[i] * width + labelIndex[i]]
        votes[nameOf[i] * width + labelIndex[i]] = v < 0 ? 0 + mentions[i].confidence : v + mentions[i].confidence
    }
    for i in mentions.indices where mentions[i].confidence < 0.75 {
        let named = votes[(nameOf[i] * width)..<((nameOf[i] + 1) * width)]
        guard named.lazy.filter({ $0 >= 0 }).count > 1 else { continue }
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
