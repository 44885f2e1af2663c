/// Detects the encoding of article bytes and decodes them: a UTF-8 BOM is stripped, UTF-16
/// needs a BOM, valid UTF-8 is taken as such, and anything else is read as Windows-1252.
///
/// Text that still contains NUL or other control characters (beyond tab, line breaks and
/// form feed) is binary, not an article, and is rejected instead of being guessed at.
public enum TextDecoder {
    /// Share of control characters above which decoded text is judged binary.
    static let maximumControlShare = 0.01

    /// The decoded text and the encoding it was read in.
    public static func decode(_ bytes: [UInt8]) throws(ArticleReadingError) -> (text: String, encoding: TextEncoding) {
        let (text, encoding) = try decodeWithoutCheck(bytes)
        try rejectBinary(text, encoding: encoding)
        return (text, encoding)
    }

    private static func decodeWithoutCheck(_ bytes: [UInt8]) throws(ArticleReadingError) -> (String, TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw ArticleReadingError(.undecodable, "UTF-8 byte order mark followed by invalid UTF-8")
            }
            return (text, .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try decodeUTF16(bytes.dropFirst(2), bigEndian: false), .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try decodeUTF16(bytes.dropFirst(2), bigEndian: true), .utf16BigEndian)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        return (Windows1252.decode(bytes), .windows1252)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(ArticleReadingError) -> String {
        guard bytes.count % 2 == 0 else {
            throw ArticleReadingError(.undecodable, "UTF-16 text with an odd number of bytes")
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw ArticleReadingError(.undecodable, "invalid UTF-16 (unpaired surrogate)")
        }
        return text
    }

    /// Counts scalars and control characters on the UTF-8 bytes (every article passes here):
    /// a scalar starts at each byte that is not a continuation byte, C0 controls and DEL are
    /// single bytes, and C1 controls (U+0080–U+009F) are C2 80 … C2 9F.
    private static func rejectBinary(_ text: String, encoding: TextEncoding) throws(ArticleReadingError) {
        var text = text
        let (controls, total, hasNul) = text.withUTF8 { utf8 -> (Int, Int, Bool) in
            var controls = 0, continuations = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x20 {
                    if byte == 0 { return (0, 0, true) }
                    if byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D { controls += 1 }
                } else if byte >= 0x7F {
                    if byte == 0x7F {
                        controls += 1
                    } else if byte & 0xC0 == 0x80 {
                        continuations += 1
                    } else if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] <= 0x9F {
                        controls += 1
                    }
                }
                index += 1
            }
            return (controls, utf8.count - continuations, false)
        }
        if hasNul {
            throw ArticleReadingError(.undecodable, "binary content: NUL character in \(encoding.rawValue) text")
        }
        if controls > 0, Double(controls) > Double(total) * maximumControlShare {
            throw ArticleReadingError(.undecodable, "binary content: \(controls) control characters in \(total) (\(encoding.rawValue))")
        }
    }
}
