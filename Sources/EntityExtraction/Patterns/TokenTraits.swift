/// What the pattern rules need to know of one token, found once from its bytes: its word
/// classes, the rule word it spells and facts about its digits, so that the rules tried at
/// each token read bits instead of scanning bytes again.
struct TokenTraits {
    /// Facts of one token; the rules' own tests of a token, answered once.
    struct Flags: OptionSet {
        let rawValue: UInt16

        static let ascii = Flags(rawValue: 1 << 0)
        /// "one" … "ninety", "hundred", or number words joined by hyphens ("twenty-five").
        static let numberWord = Flags(rawValue: 1 << 1)
        /// `PatternWord.isStarter`: a word that starts a pattern without a word class.
        static let starter = Flags(rawValue: 1 << 2)
        /// The tokenizer's `.number` kind.
        static let number = Flags(rawValue: 1 << 3)
        /// A number token of digits, "," and "." only (`PatternScan.isDigits`).
        static let digits = Flags(rawValue: 1 << 4)
        /// `digits`, four ASCII digits from 1800 to 2199 (`PatternScan.isYear`).
        static let year = Flags(rawValue: 1 << 5)
        /// `digits`, all ASCII digits, 1 to 31: a day of the month in digits.
        static let dayNumber = Flags(rawValue: 1 << 6)
        /// A number token with an ordinal suffix ("21st", "3rd").
        static let numberOrdinal = Flags(rawValue: 1 << 7)
        /// A number token of four digits and "s" ("1990s").
        static let decade = Flags(rawValue: 1 << 8)
        /// A number token with exactly two "/" ("5/12/2023").
        static let twoSlashes = Flags(rawValue: 1 << 9)
        /// A number token with ":" and no "/" ("10:30").
        static let clock = Flags(rawValue: 1 << 10)
        /// A weekday or month name that starts in upper case (set for those tokens only).
        static let capitalizedDateWord = Flags(rawValue: 1 << 11)
    }

    /// `PatternLexicon.classes(of:)` of the token.
    let classes: WordClass
    let flags: Flags
    /// The rule word the token spells, if any.
    let word: PatternWord

    /// What a token outside the sentence reads as: nothing.
    static let outside = TokenTraits(classes: [], flags: [], word: .none)

    private init(classes: WordClass, flags: Flags, word: PatternWord) {
        self.classes = classes
        self.flags = flags
        self.word = word
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind, tables: PatternTables) {
        var high: UInt8 = 0
        var hyphens = 0
        for b in bytes {
            high |= b
            hyphens &+= b == UInt8(ascii: "-") ? 1 : 0
        }
        let text = PatternText(bytes: bytes, isASCII: high < 0x80)
        let classes = text.isASCII ? tables.classes(ascii: bytes) : PatternLexicon.classes(of: bytes)
        var flags: Flags = text.isASCII ? .ascii : []
        let word = text.isASCII ? tables.word(ascii: bytes) : .none
        if word.isStarter { flags.insert(.starter) }
        if classes.contains(.numberWord) || (hyphens > 0 && bytes.count <= 14 && Self.isHyphenatedNumberWord(text)) {
            flags.insert(.numberWord)
        }
        if kind == .number { flags.formUnion(Self.numberFlags(text)) }
        if !classes.isDisjoint(with: [.weekday, .month]) && text.startsUppercase { flags.insert(.capitalizedDateWord) }
        self.classes = classes
        self.flags = flags
        self.word = word
    }

    /// The facts of a number token's text.
    private static func numberFlags(_ t: PatternText) -> Flags {
        let bytes = t.bytes
        var flags: Flags = .number
        var digits = true
        var slashes = 0
        var colon = false
        for b in bytes {
            if !((b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ",") || b == UInt8(ascii: ".")) { digits = false }
            if b == UInt8(ascii: "/") { slashes &+= 1 }
            if b == UInt8(ascii: ":") { colon = true }
        }
        if colon && slashes == 0 { flags.insert(.clock) }
        if digits {
            flags.insert(.digits)
            if let value = dayNumber(t) {
                if (1...31).contains(value) { flags.insert(.dayNumber) }
                if bytes.count == 4 && (1800...2199).contains(value) { flags.insert(.year) }
            }
        }
        if isNumberOrdinal(t) { flags.insert(.numberOrdinal) }
        if isDecade(t) { flags.insert(.decade) }
        if (t.isASCII ? slashes : t.string.filter { $0 == "/" }.count) == 2 { flags.insert(.twoSlashes) }
        return flags
    }

    /// `Int(text)` of a token of ASCII digits: `nil` unless all digits (or past 1,000, a value
    /// that is no day and, from a token of 4 digits, no year either).
    private static func dayNumber(_ t: PatternText) -> Int? {
        guard t.isASCIIDigits else { return nil }
        var value = 0
        for b in t.bytes {
            value = value * 10 + Int(b - 0x30)
            if value > 1_000 && t.bytes.count != 4 { return value }  // no overflow on long digit runs
        }
        return value
    }

    /// Digits and an ordinal suffix, at least three bytes ("1st", "21st", "3rd").
    private static func isNumberOrdinal(_ t: PatternText) -> Bool {
        let bytes = t.bytes
        guard bytes.count >= 3 else { return false }
        if !t.isASCII {
            let s = t.string
            return ["st", "nd", "rd", "th"].contains(s.suffix(2).lowercased()) && s.dropLast(2).allSatisfy(\.isNumber)
        }
        let n = bytes.count
        // Setting bit 5 lower-cases ASCII letters; only "S"/"s" (and so on) reach the listed suffixes.
        let suffix = UInt16(bytes[n - 2] | 0x20) << 8 | UInt16(bytes[n - 1] | 0x20)
        return Self.ordinalSuffixes.contains(suffix) && bytes[0..<(n - 2)].allSatisfy { $0 &- 0x30 < 10 }
    }

    /// "st", "nd", "rd", "th" as two lower-case ASCII bytes.
    private static let ordinalSuffixes: [UInt16] = ["st", "nd", "rd", "th"].map { (s: StaticString) in
        UInt16(s.utf8Start[0]) << 8 | UInt16(s.utf8Start[1])
    }

    /// A decade: four digits and "s" ("1990s").
    private static func isDecade(_ t: PatternText) -> Bool {
        let bytes = t.bytes
        guard t.isASCII else {
            let s = t.string
            return s.count == 5 && s.hasSuffix("s") && s.dropLast().allSatisfy(\.isNumber)
        }
        return bytes.count == 5 && bytes[4] == UInt8(ascii: "s") && bytes[0..<4].allSatisfy { $0 &- 0x30 < 10 }
    }

    /// Number words joined by hyphens, every part one ("twenty-five", "Forty-Two").
    private static func isHyphenatedNumberWord(_ t: PatternText) -> Bool {
        if t.isASCII {
            // Parts between hyphens, without an array of them; lower-casing is left to the
            // lexicon lookup, which folds ASCII capitals itself.
            let bytes = t.bytes
            var start = 0
            var parts = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "-") {
                let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard !part.isEmpty, PatternLexicon.classes(of: part).contains(.numberWord) else { return false }
                parts += 1
                start = end + 1
            }
            return parts >= 2
        }
        let parts = t.string.lowercased().split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && PatternLexicon.classes(of: $0).contains(.numberWord) }
    }
}
