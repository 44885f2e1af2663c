/// How each word is written across one document, so that a word in an all-caps headline or
/// at the start of a sentence can borrow the evidence of its other occurrences.
struct DocumentContext: Sendable {
    /// Bits per lowercase word hash: 1 = seen all-lowercase, 2 = seen capitalized mid-sentence
    /// in running text, 4 = seen all-caps in running text.
    private var seen = WordHashTable<UInt8>(capacity: 0, empty: 0)

    /// Lowercase hash of the section word that opens a wire story's headline ("SOCCER" in
    /// "SOCCER - JAPAN GET LUCKY WIN"), 0 when there is none: in a sports story a city is
    /// usually a team.
    private(set) var topic: UInt64 = 0

    static let empty = DocumentContext()

    init() {}

    init(analyzed: AnalyzedDocument) {
        seen = WordHashTable(capacity: analyzed.infos.count, empty: 0)
        if let t = analyzed.sectionWord {
            let info = analyzed.infos[t]
            if info.has(.allCapitals) && info.length > 2 { topic = info.lower }
        }
        let hasLetter = TokenInfo.Flag.hasLetter.rawValue, allCapitals = TokenInfo.Flag.allCapitals.rawValue
        let initialCapital = TokenInfo.Flag.initialCapital.rawValue, innerCapital = TokenInfo.Flag.innerCapital.rawValue
        // Flags and fields read through a pointer: copying each 100-byte analysis cost more than the test.
        analyzed.infos.withUnsafeBufferPointer { infos in
            for s in 0..<analyzed.sentenceCount where !analyzed.headlines[s] {
                let range = analyzed.range(of: s)
                for t in range {
                    let flags = infos[t].flags
                    guard flags & hasLetter != 0 else { continue }
                    var bit: UInt8 = 0
                    if flags & allCapitals != 0 && infos[t].length > 1 { bit = 4 }
                    else if flags & (initialCapital | innerCapital) == 0 { bit = 1 }
                    else if t > range.lowerBound && flags & initialCapital != 0 { bit = 2 }
                    if bit != 0 { seen.update(infos[t].lower) { $0 |= bit } }
                }
            }
        }
    }

    /// The bits recorded for a lowercase word hash.
    @inline(__always)
    func flags(lower: UInt64) -> UInt8 { seen.value(for: lower) ?? 0 }
}
