/// How each word is written across one document, so that a word in an all-caps headline or
/// at the start of a sentence can borrow the evidence of its other occurrences.
struct DocumentContext: Sendable {
    /// Bits per document word (`TokenInfo.documentWord`): 1 = seen all-lowercase, 2 = seen
    /// capitalized mid-sentence in running text, 4 = seen all-caps in running text.
    private var seen: [UInt8]

    /// Lowercase hash of the section word that opens a wire story's headline ("SOCCER" in
    /// "SOCCER - JAPAN GET LUCKY WIN"), 0 when there is none: in a sports story a city is
    /// usually a team.
    private(set) var topic: UInt64 = 0

    init(analyzed: AnalyzedDocument) {
        var seen = [UInt8](repeating: 0, count: analyzed.wordCount)
        if let t = analyzed.sectionWord {
            let info = analyzed.infos[t]
            if info.has(.allCapitals) && info.length > 2 { topic = info.lower }
        }
        let hasLetter = TokenInfo.Flag.hasLetter.rawValue, allCapitals = TokenInfo.Flag.allCapitals.rawValue
        let initialCapital = TokenInfo.Flag.initialCapital.rawValue, innerCapital = TokenInfo.Flag.innerCapital.rawValue
        // Flags and fields read through a pointer: copying each 100-byte analysis cost more than the test.
        // A token with letters has a number below `wordCount`: every write is in range.
        seen.withUnsafeMutableBufferPointer { seen in
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
                    if bit != 0 { seen[Int(infos[t].documentWord)] |= bit }
                }
            }
        }
        }
        self.seen = seen
    }

    /// The bits recorded for a document word (`TokenInfo.documentWord` of a token with letters).
    @inline(__always)
    func flags(word: Int32) -> UInt8 { seen[Int(word)] }
}
