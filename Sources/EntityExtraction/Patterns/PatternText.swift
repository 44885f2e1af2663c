import Foundation

/// A token's UTF-8 bytes as the pattern rules compare them: against string literals, byte by byte.
///
/// `Substring == String` goes through the standard library's general comparison (Unicode
/// canonical equivalence); the rules compare every token with several literals, so the
/// common case (ASCII token) is decided on bytes, and only non-ASCII tokens, which may be
/// canonically equal to an ASCII literal ("\u{212A}m" == "Km"), take the general path.
struct PatternText {
    /// The token's bytes; empty outside the sentence.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether every byte is ASCII: decided once per token, so that comparisons need not scan.
    let isASCII: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.bytes = bytes
        self.isASCII = isASCII
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes: bytes, isASCII: Self.isASCII(bytes))
    }

    /// The text as a `String`, for the rare cases decided by the standard library.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    static func == (text: PatternText, literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        if text.bytes.count == count, count == 0 || memcmp(text.bytes.baseAddress!, literal.utf8Start, count) == 0 { return true }
        return !text.isASCII && text.string == literal.description
    }

    static func != (text: PatternText, literal: StaticString) -> Bool { !(text == literal) }

    /// Equal to one of `literals`.
    func isOne(of literals: [StaticString]) -> Bool { literals.contains { self == $0 } }

    /// Equal to `literal` (written in lower case) after lower-casing: `text.lowercased() == literal`.
    func equalsLowercased(_ literal: StaticString) -> Bool {
        guard isASCII else { return string.lowercased() == literal.description }
        let count = literal.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        for k in 0..<count {
            let b = bytes[k]
            if (b &- 0x41 < 26 ? b | 0x20 : b) != literal.utf8Start[k] { return false }
        }
        return true
    }

    /// `lowercased()` equal to one of `literals` (written in lower case).
    func lowercasedIsOne(of literals: [StaticString]) -> Bool { literals.contains { equalsLowercased($0) } }

    /// `first?.isUppercase`, decided on the first byte for ASCII.
    var startsUppercase: Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return first &- 0x41 < 26 }
        return string.first?.isUppercase ?? false
    }

    /// Every byte is a digit.
    var isASCIIDigits: Bool { !bytes.isEmpty && bytes.allSatisfy { $0 &- 0x30 < 10 } }

    @inline(__always) static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }
}
