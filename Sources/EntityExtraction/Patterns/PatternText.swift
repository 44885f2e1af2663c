import Foundation

/// A token's text as the pattern rules compare it: against string literals, byte by byte.
///
/// `Substring == String` goes through the standard library's general comparison (Unicode
/// canonical equivalence); the rules compare every token with several literals, so the
/// common case (ASCII token) is decided on bytes, and only non-ASCII tokens, which may be
/// canonically equal to an ASCII literal ("\u{212A}m" == "Km"), take the general path.
struct PatternText {
    /// The token's text; empty outside the sentence.
    let value: Substring

    static func == (text: PatternText, literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return text.value.withBytes { bytes in
            if bytes.count == count, count == 0 || memcmp(bytes.baseAddress!, literal.utf8Start, count) == 0 { return true }
            return !isASCII(bytes) && text.value == literal.description
        }
    }

    static func != (text: PatternText, literal: StaticString) -> Bool { !(text == literal) }

    /// Equal to `literal` (written in lower case) after lower-casing: `text.lowercased() == literal`.
    func equalsLowercased(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return value.withBytes { bytes in
            guard Self.isASCII(bytes) else { return value.lowercased() == literal.description }
            guard bytes.count == count else { return false }
            for k in 0..<count {
                let b = bytes[k]
                if (b &- 0x41 < 26 ? b | 0x20 : b) != literal.utf8Start[k] { return false }
            }
            return true
        }
    }

    /// Equal to one of `literals`.
    func isOne(of literals: [StaticString]) -> Bool { literals.contains { self == $0 } }

    /// `lowercased()` equal to one of `literals` (written in lower case).
    func lowercasedIsOne(of literals: [StaticString]) -> Bool { literals.contains { equalsLowercased($0) } }

    /// `first?.isUppercase`, decided on the first byte for ASCII.
    var startsUppercase: Bool {
        guard let first = value.utf8.first else { return false }
        if first < 0x80 { return first &- 0x41 < 26 }
        return value.first?.isUppercase ?? false
    }

    @inline(__always) static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }
}
