/// The rules, over one sentence's tokens and their word classes.
struct PatternScan {
    let tokens: [Token]
    let byteRanges: [Range<Int>]
    /// The UTF-8 text of the tokens, valid while the scan runs.
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    private var classCache: [WordClass?]
    /// The last `number(at:)` asked and its answer: the rules tried at one token all ask it.
    private var numberMemo: (at: Int, end: Int?) = (-1, nil)

    init(tokens: [Token], byteRanges: [Range<Int>], bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.tokens = tokens
        self.byteRanges = byteRanges
        self.bytes = bytes
        self.range = range
        classCache = Array(repeating: nil, count: range.count)
    }

    /// The word classes of token `i`; empty outside the sentence.
    mutating func cls(_ i: Int) -> WordClass {
        guard range.contains(i) else { return [] }
        if let cached = classCache[i - range.lowerBound] { return cached }
        let value = PatternLexicon.classes(of: text(i).bytes)
        classCache[i - range.lowerBound] = value
        return value
    }

    func text(_ i: Int) -> PatternText {
        PatternText(bytes: range.contains(i) ? UnsafeBufferPointer(rebasing: bytes[byteRanges[i]]) : UnsafeBufferPointer(start: nil, count: 0))
    }

    func isCapitalized(_ i: Int) -> Bool { text(i).startsUppercase }

    /// Words that start a pattern without being in a word class themselves ("more than two days").
    private static let starters: [StaticString] = ["US", "more", "More", "less", "Less", "at", "At", "half", "Half", "a", "A", "an", "An"]
    /// The starters' bytes packed into integers, for ASCII tokens of up to four bytes.
    private static let packedStarters: [UInt32] = starters.map { s in
        (0..<s.utf8CodeUnitCount).reduce(UInt32(0)) { $0 << 8 | UInt32(s.utf8Start[$1]) }
    }

    /// One of `starters`; ASCII tokens compared as packed integers.
    private func isStarter(_ i: Int) -> Bool {
        let t = text(i)
        guard t.bytes.count <= 4 else { return false }
        var packed: UInt32 = 0
        for b in t.bytes {
            guard b < 0x80 else { return t.isOne(of: Self.starters) }
            packed = packed << 8 | UInt32(b)
        }
        return Self.packedStarters.contains(packed)
    }

    /// A cheap test that rules out most tokens: patterns start at numbers, listed words and a few
    /// starters; a starter only when the token after it is one some rule needs there.
    mutating func mayStartPattern(at i: Int, prefilter: Bool = true) -> Bool {
        if tokens[i].kind == .number || !cls(i).isEmpty { return true }
        if isStarter(i) { return !prefilter || starterMayMatch(at: i) }
        return isNumberWord(i)
    }

    /// Whether a rule can match at starter `i`, judged by the next token (the rules' own
    /// conditions, necessary ones only): "US $", "half a(n)", "a dozen/hundred/thousand",
    /// "a(n) <date unit>", "more/less/at than/least/to".
    private mutating func starterMayMatch(at i: Int) -> Bool {
        let word = text(i)
        let next = text(i + 1)
        if word == "US" { return next == "$" }
        if word == "half" || word == "Half" { return next == "a" || next == "an" }
        if word == "a" || word == "A" || word == "an" || word == "An" {
            return cls(i + 1).contains(.dateUnit) || next == "dozen" || next == "hundred" || next == "thousand"
        }
        return next == "than" || next == "least" || next == "to"  // more, less, at in either case
    }

    mutating func match(at i: Int) -> PatternSpan? {
        func span(_ end: Int?, _ type: EntityType, _ confidence: Double) -> PatternSpan? {
            end.map { PatternSpan(tokens: i..<$0, type: type, confidence: confidence) }
        }
        if let s = span(money(at: i), .money, 0.95) { return s }
        if let s = span(percent(at: i), .percent, 0.95) { return s }
        if let s = span(quantity(at: i), .quantity, 0.85) { return s }
        if let s = span(time(at: i), .time, 0.85) { return s }
        if let (end, confidence) = date(at: i) { return span(end, .date, confidence) }
        if let s = span(ordinal(at: i), .ordinal, 0.9) { return s }
        if let s = span(cardinal(at: i), .cardinal, 0.85) { return s }
        return nil
    }

    // MARK: Numbers

    /// A token of digits with separators: "1,200.50", "40", "3.5".
    func isDigits(_ i: Int) -> Bool {
        guard range.contains(i), tokens[i].kind == .number else { return false }
        return text(i).bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
    }

    /// A 4-digit year from 1800 to 2199.
    func isYear(_ i: Int) -> Bool {
        guard isDigits(i) else { return false }
        let t = text(i).bytes
        guard t.count == 4, text(i).isASCIIDigits else { return false }
        let value = t.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (1800...2199).contains(value)
    }

    /// The end of a number: digits or number words, with a multiplier ("1.2 billion", "two hundred").
    mutating func number(at i: Int) -> Int? {
        if numberMemo.at == i { return numberMemo.end }
        let end = computeNumber(at: i)
        numberMemo = (i, end)
        return end
    }

    private mutating func computeNumber(at i: Int) -> Int? {
        var j = i
        if isDigits(i) {
            j = i + 1
        } else if isNumberWord(i) {
            j = i + 1
            while isNumberWord(j) || (text(j) == "and" && isNumberWord(j + 1) && j + 1 > i + 1) { j += 1 }
        } else if cls(i).contains(.pluralNumber) {
            // "tens of thousands", "hundreds of millions"
            j = i + 1
            while text(j) == "of" && cls(j + 1).contains(.pluralNumber) { j += 2 }
            return j
        } else if (text(i) == "a" || text(i) == "A") && (text(i + 1) == "dozen" || text(i + 1) == "hundred" || text(i + 1) == "thousand") {
            j = i + 2
        } else {
            return nil
        }
        if cls(j).contains(.multiplier) && !tokens[j].spaceBefore || text(j).lowercasedIsOne(of: Self.scaleWords) {
            j += 1
        }
        return j
    }

    /// Multipliers that join a number even after a space ("1.2 billion"), in any case.
    private static let scaleWords: [StaticString] = ["million", "billion", "trillion", "bn", "mn", "mln", "tn"]

    /// "one" … "ninety", "twenty-five", "hundred".
    mutating func isNumberWord(_ i: Int) -> Bool {
        if cls(i).contains(.numberWord) { return true }
        let t = text(i)
        guard t.bytes.count <= 14, t.bytes.contains(UInt8(ascii: "-")) else { return false }
        if PatternText.isASCII(t.bytes) {
            // Lower-casing is left to the lexicon lookup, which folds ASCII capitals itself.
            let parts = t.bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            return parts.count >= 2
                && parts.allSatisfy { !$0.isEmpty && PatternLexicon.classes(of: UnsafeBufferPointer(rebasing: $0)).contains(.numberWord) }
        }
        let parts = t.string.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && PatternLexicon.classes(of: $0).contains(.numberWord) }
    }

    // MARK: Amounts

    mutating func money(at i: Int) -> Int? {
        var j = i
        if text(j) == "US" && text(j + 1) == "$" { j += 1 }
        if cls(j).contains(.currencySymbol) {
            guard let end = number(at: j + 1) else { return nil }
            return end
        }
        guard let end = number(at: i), cls(end).contains(.currencyWord) else { return nil }
        return end + 1
    }

    mutating func percent(at i: Int) -> Int? {
        guard let end = number(at: i) else { return nil }
        if cls(end).contains(.percent) { return end + 1 }
        if text(end) == "per" && text(end + 1) == "cent" { return end + 2 }
        if text(end) == "percentage" && (text(end + 1) == "points" || text(end + 1) == "point") { return end + 2 }
        return nil
    }

    mutating func quantity(at i: Int) -> Int? {
        guard let end = number(at: i) else { return nil }
        if text(end) == "square" && cls(end + 1).contains(.unit) { return end + 2 }
        return cls(end).contains(.unit) ? end + 1 : nil
    }

    mutating func ordinal(at i: Int) -> Int? {
        if cls(i).contains(.ordinal) { return i + 1 }
        let bytes = text(i).bytes
        guard range.contains(i), tokens[i].kind == .number, bytes.count >= 3 else { return nil }
        let isOrdinal: Bool
        if !PatternText.isASCII(bytes) {
            let t = text(i).string
            isOrdinal = ["st", "nd", "rd", "th"].contains(t.suffix(2).lowercased()) && t.dropLast(2).allSatisfy(\.isNumber)
        } else {
            let n = bytes.count
            // Setting bit 5 lower-cases ASCII letters; only "S"/"s" (and so on) reach the listed suffixes.
            let suffix = UInt16(bytes[n - 2] | 0x20) << 8 | UInt16(bytes[n - 1] | 0x20)
            isOrdinal = Self.ordinalSuffixes.contains(suffix) && bytes[0..<(n - 2)].allSatisfy { $0 &- 0x30 < 10 }
        }
        return isOrdinal ? i + 1 : nil
    }

    /// "st", "nd", "rd", "th" as two lower-case ASCII bytes.
    private static let ordinalSuffixes: [UInt16] = ["st", "nd", "rd", "th"].map { (s: StaticString) in
        UInt16(s.utf8Start[0]) << 8 | UInt16(s.utf8Start[1])
    }

    mutating func cardinal(at i: Int) -> Int? {
        if isYear(i) { return nil }
        if text(i) == "a" || text(i) == "A" { return nil }  // "a dozen" only inside amounts
        return number(at: i)
    }
}
