import Foundation

extension TokenScanner {
    /// Whether an "@" follows somewhere after `i`: without one no e-mail address can start, and
    /// the text's words need no e-mail lookahead at all.
    mutating func mayStartEmail(at i: Int) -> Bool {
        if nextAtSign < i {
            nextAtSign = count
            if i < count, let base = bytes.baseAddress, let hit = memchr(base + i, 0x40, count - i) {
                nextAtSign = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
        }
        if nextAtSign == count { emailFailedBefore = count }
        return nextAtSign < count
    }

    /// `local@domain.tld` starting at `i`; records failures so no start is retried within the same run.
    mutating func scanEmail(at i: Int) -> Int? {
        var j = i
        while j < count, Self.isEmailLocal(bytes[j]) { j += 1 }
        guard byte(at: j) == UInt8(ascii: "@"), j > i else {
            emailFailedBefore = j
            return nil
        }
        var end = j + 1
        var lastDot = -1
        while end < count, Self.isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") {
            if bytes[end] == UInt8(ascii: ".") { lastDot = end }
            end += 1
        }
        while end > j + 1 && bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }  // sentence-final period
        if lastDot >= end { lastDot = (j + 1..<end).last(where: { bytes[$0] == UInt8(ascii: ".") }) ?? -1 }
        guard lastDot > j + 1, end - lastDot > 2 else {
            emailFailedBefore = end
            return nil
        }
        return end
    }

    private static func isEmailLocal(_ b: UInt8) -> Bool {
        isASCIIAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    /// Whether a URL can start at byte `i` ("ht" or "ww" in either case): the inline test before `scanURL`.
    @inline(__always) func mayStartURL(at i: Int) -> Bool {
        guard i + 1 < count else { return false }
        let first = bytes[i] | 0x20
        let second = bytes[i + 1] | 0x20
        return (first == UInt8(ascii: "h") && second == UInt8(ascii: "t")) || (first == UInt8(ascii: "w") && second == UInt8(ascii: "w"))
    }

    /// `http://…`, `https://…` or `www.…` starting at `i`, without trailing punctuation.
    func scanURL(at i: Int) -> Int? {
        let first = bytes[i] | 0x20  // "h" or "w" in either case, before any prefix comparison
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w"),
            hasPrefix("http://", at: i) || hasPrefix("https://", at: i) || hasPrefix("www.", at: i)
        else { return nil }
        var end = i
        var openParentheses = 0
        while end < count {
            let (c, length) = classAndLength(at: end)
            if c == .space || c == .newline || c == .straightQuote || c == .openQuote || c == .closeQuote { break }
            if bytes[end] == UInt8(ascii: "<") || bytes[end] == UInt8(ascii: ">") { break }
            if c == .apostrophe && length > 1 { break }  // ’ closes a quotation
            if bytes[end] == UInt8(ascii: "(") { openParentheses += 1 }
            if bytes[end] == UInt8(ascii: ")") { openParentheses -= 1 }
            end += length
        }
        while end > i {
            let last = bytes[end - 1]
            let trailing = last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
                || last == UInt8(ascii: ":") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
                || last == UInt8(ascii: "'") || (last == UInt8(ascii: ")") && openParentheses < 0)
            guard trailing else { break }
            if last == UInt8(ascii: ")") { openParentheses += 1 }
            end -= 1
        }
        return end > i + 4 ? end : nil
    }

    private func hasPrefix(_ prefix: StaticString, at i: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard i + length <= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<length {
            let b = bytes[i + k]
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if lower != p[k] { return false }
        }
        return true
    }

    /// The name after `@` or `#` (at byte `i`), if one follows.
    func scanHandle(at i: Int) -> Int? {
        var end = i
        while end < count {
            let (c, length) = classAndLength(at: end)
            guard c == .letter || c == .digit || c == .extend || bytes[end] == UInt8(ascii: "_") else { break }
            end += length
        }
        return end > i ? end : nil
    }
}
