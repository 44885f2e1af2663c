/// How the tokenizer treats one Unicode scalar.
enum CharacterClass: UInt8 {
    case space, newline, letter, digit
    /// Combining marks, joiners, variation selectors, emoji modifiers: they stay with the previous character.
    case extend
    case apostrophe, hyphen, period, comma, ellipsis
    case openQuote, closeQuote, straightQuote
    case openBracket, closeBracket
    case sentenceEnd  // ! ?
    case dash  // – —
    case currency, at, hash, ampersand
    case punctuation, symbol
    case regionalIndicator

    init(_ value: UInt32) {
        if value < 0x80 {
            self = CharacterClass.ascii[Int(value)]
            return
        }
        self = CharacterClass.classify(nonASCII: value)
    }

    var isAlphanumeric: Bool { self == .letter || self == .digit }

    /// The class of each ASCII byte; scanners keep a reference so the hot loop reads no global.
    static let ascii: [CharacterClass] = (0..<128).map { classify(ascii: UInt8($0)) }

    private static func classify(ascii c: UInt8) -> CharacterClass {
        switch c {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C: return .newline
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return .space
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "\""): return .straightQuote
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .openBracket
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .closeBracket
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return .sentenceEnd
        case UInt8(ascii: "$"): return .currency
        case UInt8(ascii: "@"): return .at
        case UInt8(ascii: "#"): return .hash
        case UInt8(ascii: "&"): return .ampersand
        case UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "^"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "`"):
            return .symbol
        case 0..<0x20, 0x7F: return .space  // control characters separate tokens like spaces
        default: return .punctuation  // , ; : / \ * _
        }
    }

    private static func classify(nonASCII v: UInt32) -> CharacterClass {
        switch v {
        case 0x85, 0x2028, 0x2029: return .newline
        case 0x2019, 0x02BC: return .apostrophe  // ’ doubles as closing single quote; the scanner decides
        case 0x2018, 0x201A, 0x201B: return .openQuote
        case 0x201C, 0x201E, 0x201F, 0x00AB: return .openQuote
        case 0x201D, 0x00BB: return .closeQuote
        case 0x2010, 0x2011: return .hyphen
        case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return .dash
        case 0x2026: return .ellipsis
        case 0x3002, 0xFF01, 0xFF1F, 0xFF61: return .sentenceEnd  // CJK full stops, ！ ？
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF: return .extend
        case 0x1F1E6...0x1F1FF: return .regionalIndicator
        default: break
        }
        guard let scalar = Unicode.Scalar(v) else { return .symbol }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return .extend
        case .dashPunctuation: return .dash
        case .openPunctuation: return .openBracket
        case .closePunctuation: return .closeBracket
        case .initialPunctuation: return .openQuote
        case .finalPunctuation: return .closeQuote
        case .currencySymbol: return .currency
        case .connectorPunctuation, .otherPunctuation: return .punctuation
        case .control, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: return .space
        default: return .symbol
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isLowercase` without the property lookup for ASCII.
    @inline(__always) var isLowercaseFast: Bool {
        value < 0x80 ? (value >= 0x61 && value <= 0x7A) : properties.isLowercase
    }
}
