/// The tokenizer's single pass over UTF-8 bytes.
///
/// Every lookahead is bounded by the current run of non-space characters, and the one
/// longer lookahead (e-mail) remembers where it failed, so the scan stays linear.
struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    /// Byte position of the next unread character.
    var position = 0
    /// Code point offset of `position`.
    var scalarPosition = 0
    var tokens: [RawToken] = []
    private var pendingNewlines = 0
    private var pendingSpace = false
    /// E-mail lookahead already failed for every start before this byte.
    var emailFailedBefore = 0
    /// Byte position of the next "@" at or after the last e-mail check (`count`: none); -1 before the first check.
    var nextAtSign = -1
    /// Byte position of the first non-ASCII byte at or after the last token's end (`count`: none):
    /// a token ending before it has as many code points as bytes.
    private var nextNonASCII = -1
    /// `CharacterClass.ascii`, read once per scan instead of through the global's lazy initializer per character.
    let asciiClasses = CharacterClass.ascii

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.count
        tokens.reserveCapacity(bytes.count / 5 + 1)
    }

    /// A scanner that appends to `storage` emptied (its capacity kept): no allocation for short texts.
    init(bytes: UnsafeBufferPointer<UInt8>, reusing storage: consuming [RawToken]) {
        self.bytes = bytes
        self.count = bytes.count
        storage.removeAll(keepingCapacity: true)
        tokens = storage
    }

    /// Scans the whole text. `plainWords: false` sends every token through `scanToken`, without
    /// the ASCII word shortcut (the reference for tests).
    mutating func run(plainWords: Bool = true) {
        while position < count {
            if bytes[position] == UInt8(ascii: " ") {  // most separators: no class lookup
                position &+= 1
                scalarPosition &+= 1
                pendingSpace = true
                continue
            }
            if plainWords, let end = plainASCIIWordEnd(at: position) {
                emit(end: end, kind: .word)
                continue
            }
            let (cls, length) = classAndLength(at: position)
            switch cls {
            case .space, .extend:
                // A mark after whitespace has nothing to attach to; it separates like a space.
                skip(length)
                pendingSpace = true
            case .newline:
                let isCRLF = bytes[position] == UInt8(ascii: "\r") && position + 1 < count && bytes[position + 1] == UInt8(ascii: "\n")
                skip(isCRLF ? 2 : length, scalars: isCRLF ? 2 : 1)
                pendingNewlines += 1
                pendingSpace = true
            default:
                let (end, kind) = scanToken(at: position, class: cls, length: length)
                emit(end: end, kind: kind)
            }
        }
    }

    /// The end of the most common token, an ASCII word whose letters and digits end at a byte
    /// that `scanWord` stops at without looking further (space, line break, ",", ";", ":",
    /// ")", quote, "?", "!"), when no e-mail address or URL can start here; `nil` sends the
    /// token through `scanToken` (which decides everything else the same way).
    @inline(__always) private mutating func plainASCIIWordEnd(at i: Int) -> Int? {
        let first = bytes[i]
        guard first | 0x20 &- 0x61 < 26 else { return nil }  // an ASCII letter
        if i >= emailFailedBefore && mayStartEmail(at: i) { return nil }
        if mayStartURL(at: i) { return nil }
        var j = i &+ 1
        if let base = bytes.baseAddress {
            // Eight bytes at a time while they lie within the text.
            while j &+ 8 <= count {
                let n = Self.alphanumericPrefixLength(UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)))
                j &+= n
                if n < 8 { break }
            }
        }
        while j < count && Self.isASCIIAlphanumeric(bytes[j]) { j &+= 1 }
        guard j < count else { return j }
        switch bytes[j] {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"),
            UInt8(ascii: "\""), UInt8(ascii: "?"), UInt8(ascii: "!"):
            return j
        case UInt8(ascii: ","):
            return Self.isASCIIDigit(bytes[j &- 1]) ? nil : j  // "A4,000" may go on as a thousands group
        default:
            return nil
        }
    }

    // MARK: Reading characters

    /// The scalar value and UTF-8 length at byte `i` (a scalar boundary).
    @inline(__always) func decode(at i: Int) -> (UInt32, Int) { UTF8Bytes.decode(bytes, at: i) }

    /// The class and UTF-8 length of the character at byte `i`; past the end it reads as a space.
    @inline(__always) func classAndLength(at i: Int) -> (CharacterClass, Int) {
        guard i < count else { return (.space, 0) }
        let b = bytes[i]
        if b < 0x80 { return (asciiClasses[Int(b)], 1) }
        let (value, length) = decode(at: i)
        return (CharacterClass(value), length)
    }

    @inline(__always) func byte(at i: Int) -> UInt8 { i >= 0 && i < count ? bytes[i] : 0 }

    @inline(__always) static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    @inline(__always) static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// How many of the eight bytes of `word` (first byte lowest) are, from the first on, ASCII
    /// letters or digits: `isASCIIAlphanumeric` of eight bytes at once. With the high bits
    /// cleared, each byte's sums below stay under 0x100, so no carry crosses into the next byte.
    @inline(__always) static func alphanumericPrefixLength(_ word: UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        let x = word & ~high
        let digit = (x &+ ones &* (0x80 - 0x30)) & ~(x &+ ones &* (0x80 - 0x3A))  // 0x30 ≤ b < 0x3A
        let folded = x | ones &* 0x20
        let letter = (folded &+ ones &* (0x80 - 0x61)) & ~(folded &+ ones &* (0x80 - 0x7B))  // a ≤ b | 0x20 ≤ z
        let alphanumeric = (digit | letter) & ~word & high  // and ASCII
        return (~alphanumeric & high).trailingZeroBitCount &>> 3
    }

    @inline(__always) static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// Byte position after the run of characters of class `cls` starting at `i`.
    func endOfRun(from i: Int, of cls: CharacterClass) -> Int {
        var j = i
        while j < count {
            let (c, length) = classAndLength(at: j)
            guard c == cls else { break }
            j += length
        }
        return j
    }

    // MARK: Emitting

    /// The first byte at or after `i` that is not ASCII, eight bytes at a time; `count` if none.
    private func firstNonASCII(from i: Int) -> Int {
        guard let base = bytes.baseAddress else { return count }
        var k = i
        while k &+ 8 <= count {
            let word = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            k &+= 8
        }
        while k < count && base[k] < 0x80 { k &+= 1 }
        return k
    }

    private mutating func skip(_ length: Int, scalars: Int = 1) {
        position += length
        scalarPosition += scalars
    }

    @inline(__always) private mutating func emit(end tokenEnd: Int, kind: TokenKind) {
        var end = tokenEnd
        // Combining marks, joiners and modifiers stay with the character they follow (never ASCII).
        while end < count && bytes[end] >= 0x80 {
            let (c, length) = classAndLength(at: end)
            guard c == .extend else { break }
            end += length
        }
        var scalars = end &- position
        if nextNonASCII < position { nextNonASCII = firstNonASCII(from: position) }
        if end > nextNonASCII {
            for i in nextNonASCII..<end where bytes[i] & 0xC0 == 0x80 { scalars &-= 1 }
        }
        tokens.append(RawToken(
            byteStart: position, byteEnd: end, scalarStart: scalarPosition, scalarEnd: scalarPosition + scalars,
            kind: kind, newlinesBefore: pendingNewlines, spaceBefore: pendingSpace || tokens.isEmpty))
        position = end
        scalarPosition += scalars
        pendingNewlines = 0
        pendingSpace = false
    }
}
