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
        let tables = PatternTables.shared
        self.traits = [TokenTraits](unsafeUninitializedCapacity: covered.count) { traits, count in
            for i in covered {
                (traits.baseAddress! + (i - covered.lowerBound)).initialize(
                    to: TokenTraits(UnsafeBufferPointer(rebasing: bytes[byteRanges[i]]), kind: tokens[i].kind, tables: tables))
            }
            count = covered.count
        }
    }

    /// Points the rules at sentence `range` (within the covered tokens).
    mutating func look(at range: Range<Int>) {
        self.range = range
        numberMemo = (-1, nil)  // a number's end depends on where the sentence ends
    }

    /// The traits of token `i`; `TokenTraits.outside` (nothing) outside the sentence.
    @inline(__always) func trait(_ i: Int) -> TokenTraits {
        guard range.contains(i) else { return .outside }
        return traits[i &- covered.lowerBound]
    }

    /// The word classes of token `i`; empty outside the sentence.
    @inline(__always) func cls(_ i: Int) -> WordClass { trait(i).classes }

    /// The rule word token `i` spells; `.none` outside the sentence.
    @inline(__always) func word(_ i: Int) -> PatternWord { trait(i).word }

    @inline(__always) func flags(_ i: Int) -> TokenTraits.Flags { trait(i).flags }

    @inline(__always) func text(_ i: Int) -> PatternText {
        guard range.contains(i) else { return PatternText(bytes: UnsafeBufferPointer(start: nil, count: 0), isASCII: true) }
        return PatternText(bytes: UnsafeBufferPointer(rebasing: bytes[byteRanges[i]]), isASCII: traits[i - covered.lowerBound].flags.contains(.ascii))
    }

    /// A cheap test that rules out most tokens: patterns start at numbers, listed words and a few
    /// starters; a starter only when the token after it is one some rule needs there.
    func mayStartPattern(at i: Int, prefilter: Bool = true) -> Bool {
        let t = traits[i - covered.lowerBound]
        if t.flags.contains(.number) || !t.classes.isEmpty { return true }
        if t.flags.contains(.starter) { return !prefilter || starterMayMatch(at: i) }
        return t.flags.contains(.numberWord)
    }

    /// Whether a rule can match at starter `i`, judged by the next token (the rules' own
    /// conditions, necessary ones only): "US $", "half a(n)", "a dozen/hundred/thousand",
    /// "a(n) <date unit>", "more/less/at than/least/to".
    private func starterMayMatch(at i: Int) -> Bool {
        let next = word(i + 1)
        switch word(i) {
        case .US: return next == .dollar
        case .half, .Half: return next == .a || next == .an
        case .a, .A, .an, .An: return cls(i + 1).contains(.dateUnit) || next == .dozen || next == .hundred || next == .thousand
        default: return next == .than || next == .least || next == .to  // more, less, at in either case
        }
    }

    /// The first rule that matches at `i`. `gated`: rules whose first token cannot start them
    /// (`numeric`, currency, ordinal) are not tried; `false` tries them all (the reference).
    mutating func match(at i: Int, gated: Bool = true) -> PatternSpan? {
        func span(_ end: Int?, _ type: EntityType, _ confidence: Double) -> PatternSpan? {
            end.map { PatternSpan(tokens: i..<$0, type: type, confidence: confidence) }
        }
        let numeric = !gated || mayStartNumber(at: i)
        if numeric || cls(i).contains(.currencySymbol) || word(i) == .US, let s = span(money(at: i), .money, 0.95) { return s }
        if numeric, let s = span(percent(at: i), .percent, 0.95) { return s }
        if numeric, let s = span(quantity(at: i), .quantity, 0.85) { return s }
        if let s = span(time(at: i), .time, 0.85) { return s }
        if let (end, confidence) = date(at: i) { return span(end, .date, confidence) }
        if !gated || flags(i).contains(.number) || cls(i).contains(.ordinal), let s = span(ordinal(at: i), .ordinal, 0.9) { return s }
        if numeric, let s = span(cardinal(at: i), .cardinal, 0.85) { return s }
        return nil
    }

    /// Whether `number(at: i)` can be non-`nil`, by its own first conditions: digits, a number
    /// word, a plural number or "a" ("a dozen").
    private func mayStartNumber(at i: Int) -> Bool {
        let t = trait(i)
        let isA = t.word == PatternWord.a || t.word == PatternWord.A
        return isA || !t.flags.isDisjoint(with: [.number, .numberWord]) || t.classes.contains(.pluralNumber)
    }

    // MARK: Numbers

    /// A token of digits with separators: "1,200.50", "40", "3.5".
    @inline(__always) func isDigits(_ i: Int) -> Bool { flags(i).contains(.digits) }

    /// A 4-digit year from 1800 to 2199.
    @inline(__always) func isYear(_ i: Int) -> Bool { flags(i).contains(.year) }

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
            while isNumberWord(j) || (word(j) == .and && isNumberWord(j + 1) && j + 1 > i + 1) { j += 1 }
        } else if cls(i).contains(.pluralNumber) {
            // "tens of thousands", "hundreds of millions"
            j = i + 1
            while word(j) == .of && cls(j + 1).contains(.pluralNumber) { j += 2 }
            return j
        } else if (word(i) == .a || word(i) == .A) && (word(i + 1) == .dozen || word(i + 1) == .hundred || word(i + 1) == .thousand) {
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
        flags(i).contains(.numberWord)
    }

    // MARK: Amounts

    mutating func money(at i: Int) -> Int? {
        var j = i
        if word(j) == .US && word(j + 1) == .dollar { j += 1 }
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
        if word(end) == .per && word(end + 1) == .cent { return end + 2 }
        if word(end) == .percentage && (word(end + 1) == .points || word(end + 1) == .point) { return end + 2 }
        return nil
    }

    mutating func quantity(at i: Int) -> Int? {
        guard let end = number(at: i) else { return nil }
        if word(end) == .square && cls(end + 1).contains(.unit) { return end + 2 }
        return cls(end).contains(.unit) ? end + 1 : nil
    }

    /// An ordinal word ("first") or number ("21st").
    func ordinal(at i: Int) -> Int? {
        let t = trait(i)
        return t.classes.contains(.ordinal) || t.flags.contains(.numberOrdinal) ? i + 1 : nil
    }

    mutating func cardinal(at i: Int) -> Int? {
        if isYear(i) { return nil }
        if word(i) == .a || word(i) == .A { return nil }  // "a dozen" only inside amounts
        return number(at: i)
    }
}
