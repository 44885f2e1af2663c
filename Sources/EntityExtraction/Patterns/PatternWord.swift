import Foundation

/// The words the pattern rules compare tokens with, found once per token (`TokenTraits.word`)
/// so that a rule's `text(i) == "than"` is one byte compare instead of a byte-range lookup and
/// a `memcmp` at every rule that asks.
///
/// Exact spelling, as `PatternText == StaticString` compares: a token equals at most one of
/// them. Only ASCII tokens can: a non-ASCII token is canonically equal to an ASCII string only
/// through KELVIN SIGN, GREEK VARIA or GREEK QUESTION MARK (`UTF8Bytes.asciiForm`), and no
/// word here holds "K", "`" or ";" (pinned by a test).
enum PatternWord: UInt8, CaseIterable {
    case none
    case US, dollar, comma
    case a, A, an, An, at, At, half, Half, more, More, less, Less
    case than, least, to, up, and, of, per, cent, percentage, points, point, square
    case dozen, hundred, thousand
    case this, This, last, Last, earlier, later
    case May, March, MAY, MARCH

    /// The spelling the rules wrote (`none`: the empty string, which no token is).
    var spelling: StaticString {
        switch self {
        case .none: return ""
        case .US: return "US"
        case .dollar: return "$"
        case .comma: return ","
        case .a: return "a"
        case .A: return "A"
        case .an: return "an"
        case .An: return "An"
        case .at: return "at"
        case .At: return "At"
        case .half: return "half"
        case .Half: return "Half"
        case .more: return "more"
        case .More: return "More"
        case .less: return "less"
        case .Less: return "Less"
        case .than: return "than"
        case .least: return "least"
        case .to: return "to"
        case .up: return "up"
        case .and: return "and"
        case .of: return "of"
        case .per: return "per"
        case .cent: return "cent"
        case .percentage: return "percentage"
        case .points: return "points"
        case .point: return "point"
        case .square: return "square"
        case .dozen: return "dozen"
        case .hundred: return "hundred"
        case .thousand: return "thousand"
        case .this: return "this"
        case .This: return "This"
        case .last: return "last"
        case .Last: return "Last"
        case .earlier: return "earlier"
        case .later: return "later"
        case .May: return "May"
        case .March: return "March"
        case .MAY: return "MAY"
        case .MARCH: return "MARCH"
        }
    }

    /// Words that start a pattern without being in a word class themselves ("more than two days"):
    /// US, more, More, less, Less, at, At, half, Half, a, A, an, An, as bits of their raw values
    /// (a literal, so the test per token reads no global; pinned by a test).
    @inline(__always) var isStarter: Bool { Self.starterMask & (1 << UInt64(rawValue)) != 0 }

    static let starterMask: UInt64 = 0b1111_1111_1111_0010

    /// The longest spelling, in bytes: longer tokens need no lookup.
    static let maximumLength = 10
}

/// The tables a token's `TokenTraits` are looked up in: its `PatternWord` (a slot per length
/// and first byte, words sharing a slot chained, each candidate compared byte for byte) and the
/// word classes of ASCII tokens.
///
/// A class over fixed memory, made once and never changed: the per-token lookups read it
/// through pointers, with no global's lazy-initialization check and no reference counting of
/// arrays per token (`@unchecked Sendable`: immutable after `init`).
final class PatternTables: @unchecked Sendable {
    private static let slotCount = (PatternWord.maximumLength + 1) << 7
    /// `length << 7 | first byte` → first candidate's raw value (0: none).
    private let slots: UnsafeMutablePointer<UInt8>
    /// Raw value → the next candidate with the same slot (0: none).
    private let next: UnsafeMutablePointer<UInt8>
    /// Raw value → its spelling's bytes, `maximumLength` bytes per word.
    private let spellings: UnsafeMutablePointer<UInt8>

    /// `PatternLexicon.signatures`, one byte per signature.
    private let signatures: UnsafeMutablePointer<Bool>
    /// `PatternLexicon.asciiClasses`.
    private let asciiClasses = PatternLexicon.asciiClasses

    static let shared = PatternTables()

    private init() {
        signatures = .allocate(capacity: PatternLexicon.signatures.count)
        signatures.initialize(from: PatternLexicon.signatures, count: PatternLexicon.signatures.count)
        let words = PatternWord.allCases.count
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: 0, count: Self.slotCount)
        next = .allocate(capacity: words)
        next.initialize(repeating: 0, count: words)
        spellings = .allocate(capacity: words * PatternWord.maximumLength)
        spellings.initialize(repeating: 0, count: words * PatternWord.maximumLength)
        for word in PatternWord.allCases where word != .none {
            let spelling = word.spelling
            let count = spelling.utf8CodeUnitCount
            precondition(count <= PatternWord.maximumLength && (0..<count).allSatisfy { spelling.utf8Start[$0] < 0x80 })
            let raw = Int(word.rawValue)
            (spellings + raw * PatternWord.maximumLength).update(from: spelling.utf8Start, count: count)
            let slot = count << 7 | Int(spelling.utf8Start[0])
            next[raw] = slots[slot]
            slots[slot] = word.rawValue
        }
    }

    deinit {
        slots.deallocate()
        next.deallocate()
        spellings.deallocate()
        signatures.deallocate()
    }

    /// `PatternLexicon.classes(of:)` of an ASCII token.
    @inline(__always) func classes(ascii bytes: UnsafeBufferPointer<UInt8>) -> WordClass {
        let count = bytes.count
        guard count > 0, count <= 14, let base = bytes.baseAddress else { return count == 0 ? PatternLexicon.classes(of: bytes) : [] }
        // In range: count ≤ 14 and the folded bytes are below 32 (`PatternLexicon.signature`).
        guard signatures[PatternLexicon.signature(count: count, first: base[0], last: base[count - 1])] else { return [] }
        return WordClass(rawValue: asciiClasses.value(folding: bytes) ?? 0)
    }

    /// The word ASCII `bytes` spell exactly; `.none` for any other token.
    @inline(__always) func word(ascii bytes: UnsafeBufferPointer<UInt8>) -> PatternWord {
        let count = bytes.count
        guard count > 0, count <= PatternWord.maximumLength, let base = bytes.baseAddress else { return .none }
        // In range: count ≤ maximumLength and an ASCII byte < 0x80.
        var candidate = slots[count << 7 | Int(base[0] & 0x7F)]
        while candidate != 0 {
            // Words in one slot have `count` bytes: the compare stays within the spelling.
            if memcmp(spellings + Int(candidate) * PatternWord.maximumLength, base, count) == 0 {
                return PatternWord(rawValue: candidate) ?? .none
            }
            candidate = next[Int(candidate)]
        }
        return .none
    }
}
