/// The rules, over one sentence's tokens at a time and their word classes.
///
/// Made once per article: each token's word classes and traits are found in one pass
/// (`TokenTraits`), and the rules of every sentence read them instead of scanning bytes.
struct PatternScan {
    let tokens: [Token]
    let byteRanges: [Range<Int>]
    /// The UTF-8 text of the tokens, valid while the scan runs.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The sentence the rules look at: tokens outside it read as empty.
    private(set) var range: Range<Int>
    /// `TokenTraits` of each token of `covered`, at `i - covered.lowerBound`.
    private let traits: [TokenTraits]
    private let covered: Range<Int>
    /// The last `number(at:)` asked and its answer: the rules tried at one token all ask it.
    private var numberMemo: (at: Int, end: Int?) = (-1, nil)

    /// A scan of the tokens in `covered` (a sentence or the whole text), looking at its first sentence `range`.
    init(tokens: [Token], byteRanges: [Range<Int>], bytes: UnsafeBufferPointer<UInt8>, covering covered: Range<Int>) {
        self.tokens = tokens
        self.byteRanges = byteRanges
        self.bytes = bytes
        self.covered = covered
        self.range = covered.lowerBound..<covered.lowerBound
        var traits: [TokenTraits] = []
        traits.reserveCapacity(covered.count)
        for i in covered { traits.append(TokenTraits(UnsafeBufferPointer(rebasing: bytes[byteRanges[i]]), kind: tokens[i].kind)) }
        self.traits = traits
    }

    /// Points the rules at sentence `range` (within the covered tokens).
    mutating func look(at range: Range<Int>) {
        self.range = range
        numberMemo = (-1, nil)  // a number's end depends on where the sentence ends
    }

    /// The word classes of token `i`; empty outside the sentence.
    @inline(__always) func cls(_ i: Int) -> WordClass {
        guard range.contains(i) else { return [] }
        return traits[i - covered.lowerBound].classes
    }

    @inline(__always) func text(_ i: Int) -> PatternText {
        guard range.contains(i) else { return PatternText(bytes: UnsafeBufferPointer(start: nil, count: 0), isASCII: true) }
        return PatternText(bytes: UnsafeBufferPointer(rebasing: bytes[byteRanges[i]]), isASCII: traits[i - covered.lowerBound].isASCII)
    }

    func isCapitalized(_ i: Int) -> Bool { text(i).startsUppercase }

    /// A cheap test that rules out most tokens: patterns start at numbers, listed words and a few
    /// starters; a starter only when the token after it is one some rule needs there.
    func mayStartPattern(at i: Int, prefilter: Bool = true) -> Bool {
        let t = traits[i - covered.lowerBound]
        if tokens[i].kind == .number || !t.classes.isEmpty { return true }
        if t.isStarter { return !prefilter || starterMayMatch(at: i) }
        return t.isNumberWord
    }

    /// Whether a rule can match at starter `i`, judged by the next token (the rules' own
    /// conditions, necessary ones only): "US $", "half a(n)", "a dozen/hundred/thousand",
    /// "a(n) <date unit>", "more/less/at than/least/to".
    private func starterMayMatch(at i: Int) -> Bool {
        let word = text(i)
        let next = text(i + 1)
        if word == "US" { return next == "$" }
        if word == "half" || word == "Half" { return next == "a" || next == "an" }
        if word == "a" || word == "A" || word == "an" || word == "An" {
            return cls(i + 1).contains(.dateUnit) || next == "dozen" || next == "hundred" || next == "thousand"
        }
        return next == "than" || next == "least" || next == "to"  // more, less, at in either case
    }

    /// The first rule that matches at `i`. `gated`: rules whose first token cannot start them
    /// (`numeric`, currency, ordinal) are not tried; `false` tries them all (the reference).
    mutating func match(at i: Int, gated: Bool = true) -> PatternSpan? {
        func span(_ end: Int?, _ type: EntityType, _ confidence: Double) -> PatternSpan? {
            end.map { PatternSpan(tokens: i..<$0, type: type, confidence: confidence) }
        }
        let numeric = !gated || mayStartNumber(at: i)
        if numeric || cls(i).contains(.currencySymbol) || text(i) == "US", let s = span(money(at: i), .money, 0.95) { return s }
        if numeric, let s = span(percent(at: i), .percent, 0.95) { return s }
        if numeric, let s = span(quantity(at: i), .quantity, 0.85) { return s }
        if let s = span(time(at: i), .time, 0.85) { return s }
        if let (end, confidence) = date(at: i) { return span(end, .date, confidence) }
        if !gated || tokens[i].kind == .number || cls(i).contains(.ordinal), let s = span(ordinal(at: i), .ordinal, 0.9) { return s }
        if numeric, let s = span(cardinal(at: i), .cardinal, 0.85) { return s }
        return nil
    }

    /// Whether `number(at: i)` can be non-`nil`, by its own first conditions: digits, a number
    /// word, a plural number or "a" ("a dozen").
    private func mayStartNumber(at i: Int) -> Bool {
        tokens[i].kind == .number || isNumberWord(i) || cls(i).contains(.pluralNumber) || text(i) == "a" || text(i) == "A"
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
    func isNumberWord(_ i: Int) -> Bool {
        range.contains(i) && traits[i - covered.lowerBound].isNumberWord
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
        if !text(i).isASCII {
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
