import Foundation
import Testing
@testable import EntityExtraction

/// The tokenizer's shortcuts cut exactly where its general path (`scanToken`) cuts.
@Suite struct TokenizerFastPathTests {
    /// Words next to every byte the ASCII word shortcut ends at, and to those it leaves alone.
    static let pieces = [
        "word", "Word", "A4", "A4,000", "x1", "ab,", "ab;", "ab:", "ab)", "ab\"", "ab?", "ab!", "ab.", "U.S.", "e.g.", "don't",
        "O'Brien", "Kyiv’s", "AT&T", "Al-Wajni", "1,200", "10:30", "http://x.org", "www.x.org", "HTTP://X.ORG", "ht", "ww",
        "a@b.co", "mail", "me@x", "@user", "#tag", "caf\u{E9}", "e\u{301}", "na\u{EF}ve", "東京", ",", ";", ":", ")", "\"", "?",
        "!", "\n", "\r\n", "\t", "-", "'", "’", "(", "[", "{", "}", "]", "/", "*", "_", "\\", "a/b", "x_y", "ab\u{301}", "x\u{200D}", "Gen.", "J.", "3rd", "40km", "z",
        "internationalization", "abcdefgh", "abcdefghi", "abcdefg1,", "abcdefg,", "abcdefgh\u{E9}", "Abcdefg-hij", "Abcdefghij.",
        "abcdefgh@x.org", "abcdefghijklmnop'", "abcdefgh\u{301}", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    ]

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func plainWordsAreCutAsTheGeneralPathCutsThem(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var texts = seed == 1 ? try JSONWriterTests.conllDevDocuments() : []
        for _ in 0..<500 {
            let separators = ["", " ", "  ", "\n"]
            texts.append((0..<Int.random(in: 1...30, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator)! + separators.randomElement(using: &generator)!
            }.joined())
            texts.append(TokenizerOffsetPropertyTests.randomText(&generator))
        }
        var plain = 0
        for text in texts {
            var storage = text
            storage.withUTF8 { bytes in
                var fast = TokenScanner(bytes: bytes)
                fast.run()
                var reference = TokenScanner(bytes: bytes)
                reference.run(plainWords: false)
                #expect(fast.tokens.map(Self.describe) == reference.tokens.map(Self.describe), "\(text.debugDescription)")
                for limit in [400, 5] {
                    let splitter = SentenceSplitter(maximumTokens: limit)
                    #expect(splitter.split(fast.tokens, bytes: bytes) == splitter.split(fast.tokens, bytes: bytes, shortcut: false), "\(text.debugDescription)")
                }
                plain += fast.tokens.count
            }
        }
        #expect(plain > 10_000)
    }

    /// Each byte value at each of the eight places, after letters and digits.
    @Test func eightBytesAtOnceAreTheByteTest() {
        for place in 0..<8 {
            for value in 0...255 {
                var bytes: [UInt8] = Array("aZ09mQ7x".utf8)
                bytes[place] = UInt8(value)
                let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                let expected = bytes.firstIndex { !TokenScanner.isASCIIAlphanumeric($0) } ?? 8
                #expect(TokenScanner.alphanumericPrefixLength(word) == expected, "\(bytes)")
            }
        }
    }

    private static func describe(_ t: RawToken) -> String {
        "\(t.byteStart)-\(t.byteEnd) \(t.scalarStart)-\(t.scalarEnd) \(t.kind) \(t.newlinesBefore) \(t.spaceBefore)"
    }
}
