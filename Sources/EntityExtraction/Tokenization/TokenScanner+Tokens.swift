extension TokenScanner {
    /// Decides where the token starting at byte `i` ends, and its kind.
    mutating func scanToken(at i: Int, class cls: CharacterClass, length: Int) -> (Int, TokenKind) {
        switch cls {
        case .letter, .digit:
            if i >= emailFailedBefore, mayStartEmail(at: i), let end = scanEmail(at: i) { return (end, .email) }
            if cls == .letter, mayStartURL(at: i), let end = scanURL(at: i) { return (end, .url) }
            return scanWord(at: i, startsWithDigit: cls == .digit)
        case .at, .hash:
            if let end = scanHandle(at: i + length) { return (end, .handle) }
            return (i + length, .symbol)
        case .period:
            return (endOfRun(from: i, of: .period), .punctuation)  // "." or "..."
        case .hyphen:
            return (endOfRun(from: i, of: .hyphen), .punctuation)  // "-" or "--"
        case .sentenceEnd:
            return (endOfRun(from: i, of: .sentenceEnd), .punctuation)  // "?!" stays one token
        case .apostrophe:
            if let end = scanClitic(at: i, length: length) { return (end, .word) }
            return (i + length, .punctuation)
        case .regionalIndicator:
            let (next, nextLength) = classAndLength(at: i + length)
            return (next == .regionalIndicator ? i + length + nextLength : i + length, .symbol)  // a flag is a pair
        case .currency, .symbol, .ampersand:
            return (i + length, .symbol)
        default:
            return (i + length, .punctuation)
        }
    }

    /// A word or number: letters and digits with inner hyphens, apostrophes, decimal points,
    /// thousands separators and abbreviation periods.
    /// `startsWithDigit`: the class the caller already found for the first character.
    func scanWord(at start: Int, startsWithDigit: Bool) -> (Int, TokenKind) {
        var j = start
        var segmentStart = start
        scanning: while true {
            while j < count {
                let b = bytes[j]
                if b < 0x80 {
                    // ASCII is never a combining mark: letters and digits only.
                    guard Self.isASCIIAlphanumeric(b) else { break }
                    j &+= 1
                    continue
                }
                let (c, length) = classAndLength(at: j)
                guard c == .letter || c == .digit || c == .extend else { break }
                j += length
            }
            guard j < count, bytes[j] != UInt8(ascii: " ") else { break }  // most words end at a space
            let (c, length) = classAndLength(at: j)
            let (next, nextLength) = classAndLength(at: j + length)
            switch c {
            case .hyphen where next.isAlphanumeric:
                j += length
                segmentStart = j
                continue scanning
            case .apostrophe where next == .letter:
                let lettersEnd = endOfRun(from: j + length, of: .letter)
                switch cliticKind(apostropheAt: j, from: j + length, to: lettersEnd) {
                case .possessiveOrContraction:
                    break scanning
                case .negation:
                    // "don't" → "do" + "n't"; when the token already starts at the "n", take the clitic whole.
                    if j - 1 > start { return (j - 1, kind(startsWithDigit)) }
                    j = lettersEnd
                    break scanning
                case nil:
                    j += length  // O'Brien, D’Alema
                    segmentStart = j
                    continue scanning
                }
            case .period where next == .digit && Self.isASCIIDigit(byte(at: j - 1)):
                j += length  // 1,200.50
                continue scanning
            case .period where next == .letter && isSingleLetter(segmentStart..<j)
                && [.period, .space, .newline].contains(classAndLength(at: j + length + nextLength).0)
                && (classAndLength(at: j + length + nextLength).0 == .period || segmentStart > start || j == start + 1):
                j += length  // U.S., e.g., a.m., and "U.S" where a sentence's period swallowed the last one
                segmentStart = j
                continue scanning
            case .punctuation where (bytes[j] == UInt8(ascii: ":") || bytes[j] == UInt8(ascii: "/")) && next == .digit
                && Self.isASCIIDigit(byte(at: j - 1)) && startsWithDigit:
                j += length  // 10:30, 24/7, 5/12/2023
                continue scanning
            case .comma where Self.isASCIIDigit(byte(at: j - 1)) && isThousandsGroup(at: j + 1):
                j += length
                continue scanning
            case .ampersand where next == .letter && Self.isASCIIUpper(byte(at: j + 1)) && isUppercaseASCII(segmentStart..<j):
                j += length  // AT&T, S&P
                continue scanning
            default:
                break scanning
            }
        }
        if startsWithDigit {
            return (splitNumberSuffix(start..<j), .number)
        }
        if byte(at: j) == UInt8(ascii: ".") && takesAbbreviationPeriod(start..<j) { j += 1 }
        return (j, .word)
    }

    private func kind(_ startsWithDigit: Bool) -> TokenKind { startsWithDigit ? .number : .word }

    private func isSingleLetter(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let (c, length) = classAndLength(at: range.lowerBound)
        return c == .letter && length == range.count
    }

    private func isUppercaseASCII(_ range: Range<Int>) -> Bool {
        !range.isEmpty && range.count <= 4 && range.allSatisfy { Self.isASCIIUpper(bytes[$0]) }
    }

    /// Three digits after a comma, then no further digit: "1,200" but not "1,2345" or "3,4".
    private func isThousandsGroup(at i: Int) -> Bool {
        Self.isASCIIDigit(byte(at: i)) && Self.isASCIIDigit(byte(at: i + 1)) && Self.isASCIIDigit(byte(at: i + 2))
            && !Self.isASCIIDigit(byte(at: i + 3))
    }

    /// A word ending before "." keeps the period when it is an abbreviation.
    private func takesAbbreviationPeriod(_ range: Range<Int>) -> Bool {
        if range.contains(where: { bytes[$0] == UInt8(ascii: ".") }) { return true }  // U.S, e.g, a.m
        if range.count == 1 && Self.isASCIIUpper(bytes[range.lowerBound]) { return true }  // initials: "J. K."
        guard let key = Abbreviations.key(bytes, range) else { return false }
        return Abbreviations.withPeriod.contains(key)
    }

    /// "1.2bn" → "1.2" + "bn", "40km" → "40" + "km"; "3rd", "1990s", "4G" stay whole.
    private func splitNumberSuffix(_ range: Range<Int>) -> Int {
        var p = range.lowerBound
        while p < range.upperBound, !(bytes[p] | 0x20 >= 0x61 && bytes[p] | 0x20 <= 0x7A) {
            guard bytes[p] < 0x80 else { return range.upperBound }
            p += 1
        }
        guard p < range.upperBound, let key = Abbreviations.key(bytes, p..<range.upperBound, lowercased: true),
            Abbreviations.numberSuffixes.contains(key)
        else { return range.upperBound }
        // Capitals make a name ("4G", "3D") unless they are a multiplier ("$5M", "2BN").
        let hasCapital = (p..<range.upperBound).contains { Self.isASCIIUpper(bytes[$0]) }
        if hasCapital, let exact = Abbreviations.key(bytes, p..<range.upperBound), !Abbreviations.capitalNumberSuffixes.contains(exact) {
            return range.upperBound
        }
        return p
    }

    /// The clitic a word-internal apostrophe starts, judged by the letters after it.
    private func cliticKind(apostropheAt apostrophe: Int, from start: Int, to end: Int) -> CliticKind? {
        guard let key = Abbreviations.key(bytes, start..<end, lowercased: true) else { return nil }
        if key == Abbreviations.negationClitic { return Self.isN(byte(at: apostrophe - 1)) ? .negation : nil }
        return Abbreviations.clitics.contains(key) ? .possessiveOrContraction : nil
    }

    private static func isN(_ b: UInt8) -> Bool { b == UInt8(ascii: "n") || b == UInt8(ascii: "N") }

    /// At an apostrophe right after a word: the clitic token `’s`, `'re`, `n't` …, if it is one.
    func scanClitic(at i: Int, length: Int) -> Int? {
        guard let last = tokens.last, last.byteEnd == i, last.kind == .word || last.kind == .number else { return nil }
        let lettersEnd = endOfRun(from: i + length, of: .letter)
        guard lettersEnd > i + length, !classAndLength(at: lettersEnd).0.isAlphanumeric,
            let key = Abbreviations.key(bytes, (i + length)..<lettersEnd, lowercased: true),
            Abbreviations.clitics.contains(key) || key == Abbreviations.negationClitic && Self.isN(byte(at: i - 1))
        else { return nil }
        return lettersEnd
    }
}

/// What an apostrophe inside a word starts.
enum CliticKind { case possessiveOrContraction, negation }
