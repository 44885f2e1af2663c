/// The full person names of an article, so that a later "Austin" joins "Lloyd Austin".
struct PersonNames {
    /// Each word of a full name that could stand alone (first and last name), in capitals so that
    /// "AUSTIN" in a headline finds "Lloyd Austin"; whether it is ASCII; its full name, `nil` when
    /// two full names share it.
    private var parts: [String] = []
    private var partIsASCII: [Bool] = []
    private var fullNames: [String?] = []
    private var index: NameIndex

    /// The full names of `candidates`, whose names as written are `surfaces` (one per candidate).
    init(candidates: [Candidate], surfaces: [String], text: TokenizedText) {
        // Fields read in place: a copied candidate would retain its canonical name.
        let fullNameCount = candidates.withUnsafeBufferPointer { candidates in
            candidates.indices.reduce(0) { $0 + (candidates[$1].type == .person && candidates[$1].tokens.count > 1 ? 1 : 0) }
        }
        index = NameIndex(capacity: 2 * fullNameCount)
        guard fullNameCount > 0 else { return }
        parts.reserveCapacity(2 * fullNameCount)
        partIsASCII.reserveCapacity(2 * fullNameCount)
        fullNames.reserveCapacity(2 * fullNameCount)
        candidates.withUnsafeBufferPointer { candidates in
            for c in candidates.indices where candidates[c].type == .person && candidates[c].tokens.count > 1 {
                let tokens = candidates[c].tokens
                // Words without a final period ("Gen." is a title, "J." an initial).
                guard let first = tokens.first(where: { Self.isWord($0, in: text) }),
                    let last = tokens.last(where: { Self.isWord($0, in: text) })
                else { continue }
                let fullName = candidates[c].canonical ?? surfaces[c]
                add(part: first, of: fullName, in: text)
                if last != first { add(part: last, of: fullName, in: text) }
            }
        }
    }

    private mutating func add(part: Int, of fullName: String, in text: TokenizedText) {
        let key = text.uppercasedString(ofToken: part)
        let k = index.index(hash: StringTable.hash(key), orInsert: parts.count) { parts[$0] == key }
        if k == parts.count {
            parts.append(key)
            partIsASCII.append(key.utf8.withContiguousStorageIfAvailable(PatternText.isASCII) ?? key.utf8.allSatisfy { $0 < 0x80 })
            fullNames.append(fullName)
        } else if fullNames[k] != fullName {
            fullNames[k] = nil  // ambiguous: two people share it
        }
    }

    private static func isWord(_ i: Int, in text: TokenizedText) -> Bool {
        text.tokens[i].kind == .word && !text.endsWithPeriod(token: i)
    }

    /// The full name that a one-word mention written `surface` stands for, if exactly one person
    /// in the article has it. `utf8`, when given, is `surface` as UTF-8 (then ASCII text is
    /// upper-cased and looked up as bytes, no string made).
    ///
    /// The caller asks only for person mentions and recognizer mentions without a canonical name:
    /// a single-word recognizer mention of another type that is a known person's name (the model
    /// reading "Austin" as the city) joins the person too; dictionary entries keep their type.
    func fullName(ofSurname surface: String, utf8: UnsafeBufferPointer<UInt8>?) -> String? {
        guard !parts.isEmpty else { return nil }
        let k: Int?
        if let utf8, utf8.count <= 64, PatternText.isASCII(utf8) {
            k = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { upper in
                for j in 0..<utf8.count { upper[j] = utf8[j] &- 0x61 < 26 ? utf8[j] &- 0x20 : utf8[j] }
                let key = UnsafeBufferPointer(upper)
                return index.index(hash: StringTable.hash(utf8: key)) { self.part($0, equals: key) }
            }
        } else {
            let key = surface.fastUppercased
            k = index.index(hash: StringTable.hash(key)) { parts[$0] == key }
        }
        guard let k, let fullName = fullNames[k], fullName != surface else { return nil }
        return fullName
    }

    /// Whether part `k` is the string spelled by the ASCII bytes `key` (`==`: an ASCII part is
    /// equal only byte for byte; another part may still be canonically equivalent).
    private func part(_ k: Int, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        if partIsASCII[k] {
            return parts[k].utf8.count == key.count
                && (parts[k].utf8.withContiguousStorageIfAvailable { $0.sameBytes(as: key) } ?? parts[k].utf8.elementsEqual(key))
        }
        return parts[k] == String(decoding: key, as: UTF8.self)
    }
}
