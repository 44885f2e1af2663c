/// A fixed set of words asked about by token bytes: the answer of `Set<String>.contains`
/// without building and hashing a `String` for ASCII tokens.
///
/// ASCII tokens are looked up in a byte table (an ASCII string equals an ASCII member only byte
/// for byte); other tokens, which may be canonically equal to a member, as `String`s.
struct WordSet: Sendable {
    let strings: Set<String>
    private let table: ASCIIWordTable
    private let allMembersASCII: Bool

    init(_ words: Set<String>) {
        strings = words
        allMembersASCII = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        table = ASCIIWordTable(words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { (word: $0, value: 1) }, exact: true)
    }

    /// Whether the word spelled by `bytes` (valid UTF-8) is in the set.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if allMembersASCII, !bytes.isEmpty, PatternText.isASCII(bytes) { return table.value(exact: bytes) != nil }
        return strings.contains(String(decoding: bytes, as: UTF8.self))
    }

    func contains(_ word: String) -> Bool { strings.contains(word) }
}

extension TokenizedText {
    /// Whether token `i` is in `words`.
    func token(_ i: Int, isIn words: WordSet) -> Bool {
        utf8.withUnsafeBufferPointer { words.contains(UnsafeBufferPointer(rebasing: $0[byteRanges[i]])) }
    }
}
