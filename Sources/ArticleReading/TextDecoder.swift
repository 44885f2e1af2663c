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

    private static func rejectBinary(_ text: String, encoding: TextEncoding) throws(ArticleReadingError) {
        var controls = 0, total = 0
        for scalar in text.unicodeScalars {
            total += 1
            switch scalar.value {
            case 0:
                throw ArticleReadingError(.undecodable, "binary content: NUL character in \(encoding.rawValue) text")
            case 0x09, 0x0A, 0x0C, 0x0D:
                continue
            case 0x01...0x1F, 0x7F...0x9F:
                controls += 1
            default:
                continue
            }
        }
        if controls > 0, Double(controls) > Double(total) * maximumControlShare {
            throw ArticleReadingError(.undecodable, "binary content: \(controls) control characters in \(total) (\(encoding.rawValue))")
        }
    }
}
