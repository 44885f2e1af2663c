import Testing
@testable import ArticleReading

@Suite struct TextDecoderTests {
    @Test func plainUTF8IsReadAsUTF8() throws {
        let (text, encoding) = try TextDecoder.decode(Array("Zelensky’s visit to Kyiv".utf8))
        #expect(text == "Zelensky’s visit to Kyiv")
        #expect(encoding == .utf8)
    }

    @Test func utf8ByteOrderMarkIsStripped() throws {
        let (text, encoding) = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Berlin".utf8))
        #expect(text == "Berlin")
        #expect(encoding == .utf8)
    }

    @Test func utf16LittleEndianWithByteOrderMarkIsDecoded() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + "Köln €".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == "Köln €")
        #expect(encoding == .utf16LittleEndian)
    }

    @Test func utf16BigEndianWithByteOrderMarkIsDecoded() throws {
        let bytes: [UInt8] = [0xFE, 0xFF] + "Αθήνα 😀".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == "Αθήνα 😀")
        #expect(encoding == .utf16BigEndian)
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        // "café “quoted” – 5€" in Windows-1252.
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == "café “q” – 5€")
        #expect(encoding == .windows1252)
    }

    @Test func nulBytesAreRejectedAsBinary() {
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode([0x41, 0x00, 0x42]) }
    }

    @Test func utf16WithoutByteOrderMarkIsRejectedNotGuessed() {
        let bytes = "Paris".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode(bytes) }
    }

    @Test func randomBinaryIsRejected() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode(bytes) }
    }

    @Test func oddLengthUTF16IsRejected() {
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode([0xFF, 0xFE, 0x41]) }
    }

    @Test func unpairedSurrogateIsRejected() {
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
    }

    @Test func tabsAndLineBreaksAreText() throws {
        let (text, _) = try TextDecoder.decode(Array("a\tb\r\nc\u{0C}".utf8))
        #expect(text == "a\tb\r\nc\u{0C}")
    }

    /// The 1 % control-character limit counts scalars, not bytes, and C1 controls (two UTF-8
    /// bytes) as controls: 2 controls in 201 multi-byte scalars pass, 2 in 100 do not.
    @Test func theControlShareCountsScalarsIncludingC1Controls() throws {
        let letters199 = String(repeating: "ж", count: 199)
        #expect(throws: Never.self) { try TextDecoder.decode(Array((letters199 + "\u{85}\u{1B}").utf8)) }
        let letters98 = String(repeating: "ж", count: 98)
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode(Array((letters98 + "\u{85}\u{9F}").utf8)) }
        #expect(throws: ArticleReadingError.self) { try TextDecoder.decode(Array((letters98 + "\u{7F}\u{1B}").utf8)) }
        // U+00A0..U+00FF (C2 A0…, C3 …) are letters and spaces, not controls.
        #expect(throws: Never.self) { try TextDecoder.decode(Array(String(repeating: "\u{A0}é", count: 50).utf8)) }
    }
}
