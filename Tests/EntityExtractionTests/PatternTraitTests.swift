import Testing
@testable import EntityExtraction

/// The token facts the pattern rules read (`TokenTraits`, `PatternWord`) are the byte and
/// string tests the rules made themselves before those facts were found once per token.
@Suite struct PatternTraitTests {
    /// Tokens that exercise every fact, with non-ASCII look-alikes (KELVIN SIGN, full-width and
    /// Arabic-Indic digits, combining marks).
    static let pieces = [
        "US", "U.S.", "$", ",", "a", "A", "an", "An", "at", "At", "half", "Half", "more", "More", "less", "Less", "than",
        "least", "to", "up", "and", "of", "per", "cent", "percentage", "points", "point", "square", "dozen", "hundred",
        "thousand", "this", "This", "last", "Last", "earlier", "later", "May", "March", "MAY", "MARCH", "may", "march",
        "Monday", "monday", "MONDAY", "Jan.", "jan", "5", "31", "32", "0", "07", "1800", "2199", "2200", "1799", "2023",
        "1,200", "3.5", "10:30", "24/7", "5/12/2023", "1/2/3/4", "1990s", "1990S", "21st", "3rd", "2ND", "11th", "1st",
        "st", "40km", "1.2bn", "twenty-five", "Forty-Two", "one-", "-one", "\u{212A}m", "\u{212A}", "a\u{301}", "An\u{301}",
        "\u{FF15}", "\u{FF11}\u{FF19}\u{FF19}\u{FF10}s", "\u{663}rd", "\u{663}\u{663}", "5/\u{301}12/2023", "thousand\u{301}",
        "Ma\u{301}y", "\u{C9}t\u{E9}", "AB\u{E9}", "A\u{301}", "\u{C9}", "\u{C9}A", "NATO", "U.S.", "x", "X", "THAN", "Than", "to-day", "12:30/1", "99999999999999999999", "2024\u{301}",
    ]

    static func texts() throws -> [String] {
        var texts = Array(try JSONWriterTests.conllDevDocuments().prefix(150))
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            texts.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }
                .joined(separator: " "))
        }
        texts.append(Self.pieces.joined(separator: " "))
        return texts
    }

    @Test func noRuleWordCouldEqualANonASCIIToken() {
        // Canonical equivalence to ASCII text goes through "K", "`" or ";" (UTF8Bytes.asciiForm).
        for word in PatternWord.allCases {
            let spelling = word.spelling.description
            #expect(!spelling.contains("K") && !spelling.contains("`") && !spelling.contains(";"), "\(spelling)")
        }
    }

    @Test func ruleWordsAreTheStringComparisons() throws {
        var found = 0
        try forEachToken { scan, i in
            let text = scan.text(i)
            for word in PatternWord.allCases where word != .none {
                #expect((scan.word(i) == word) == (text == word.spelling), "\(text.string) \(word)")
            }
            if scan.word(i) != .none { found += 1 }
            #expect(scan.cls(i) == PatternLexicon.classes(of: text.bytes), "\(text.string)")
            #expect(scan.flags(i).contains(.ascii) == text.bytes.allSatisfy { $0 < 0x80 }, "\(text.string)")
            let parts = text.string.lowercased().split(separator: "-", omittingEmptySubsequences: false)
            let hyphenated = text.bytes.count <= 14 && parts.count >= 2
                && parts.allSatisfy { !$0.isEmpty && PatternLexicon.classes(of: $0).contains(.numberWord) }
            #expect(scan.flags(i).contains(.numberWord) == (scan.cls(i).contains(.numberWord) || hyphenated), "\(text.string)")
            let starters: [StaticString] = ["US", "more", "More", "less", "Less", "at", "At", "half", "Half", "a", "A", "an", "An"]
            #expect(scan.flags(i).contains(.starter) == (text.bytes.count <= 4 && text.isOne(of: starters)), "\(text.string)")
        }
        #expect(found > 3_000)
    }

    /// The shouted-headline test reads `wordCase`, cut short at the first lower-case letter.
    @Test func wordCaseIsTheCaseShape() throws {
        try forEachToken { scan, i in
            let bytes = scan.text(i).bytes
            let (scalars, hasLowercase) = UTF8Bytes.caseShape(bytes)
            let wordCase = UTF8Bytes.wordCase(bytes)
            #expect(wordCase.longerThanOne == (scalars > 1) && wordCase.hasLowercase == hasLowercase, "\(scan.text(i).string)")
        }
    }

    @Test func numberFactsAreTheByteTestsTheRulesMade() throws {
        var numbers = 0
        try forEachToken { scan, i in
            let text = scan.text(i)
            let flags = scan.flags(i)
            let isNumber = scan.tokens[i].kind == .number
            #expect(flags.contains(.number) == isNumber)
            let digits = isNumber && text.bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
            #expect(flags.contains(.digits) == digits, "\(text.string)")
            let value = text.isASCIIDigits && text.bytes.count <= 18 ? Int(text.string) : nil
            #expect(flags.contains(.year) == (digits && text.bytes.count == 4 && value.map { (1800...2199).contains($0) } == true), "\(text.string)")
            #expect(flags.contains(.dayNumber) == (digits && value.map { (1...31).contains($0) } == true), "\(text.string)")
            let s = text.string
            let ordinal = isNumber && text.bytes.count >= 3 && ["st", "nd", "rd", "th"].contains(s.suffix(2).lowercased())
                && s.dropLast(2).allSatisfy(\.isNumber)
            #expect(flags.contains(.numberOrdinal) == ordinal, "\(s)")
            let decade = isNumber && s.count == 5 && s.hasSuffix("s") && s.dropLast().allSatisfy(\.isNumber)
            #expect(flags.contains(.decade) == decade, "\(s)")
            #expect(flags.contains(.twoSlashes) == (isNumber && s.filter { $0 == "/" }.count == 2), "\(s)")
            #expect(flags.contains(.clock) == (isNumber && text.bytes.contains(UInt8(ascii: ":")) && !text.bytes.contains(UInt8(ascii: "/"))), "\(s)")
            let dateWord = !scan.cls(i).isDisjoint(with: [.weekday, .month])
            #expect(flags.contains(.capitalizedDateWord) == (dateWord && s.first?.isUppercase == true), "\(s)")
            if isNumber { numbers += 1 }
        }
        #expect(numbers > 1_000)
    }

    /// Runs `body` for every token of every test text, with a scan looking at the whole text.
    private func forEachToken(_ body: (PatternScan, Int) -> Void) throws {
        for text in try Self.texts() {
            let tokenized = Tokenizer().tokenize(text)
            tokenized.utf8.withUnsafeBufferPointer { bytes in
                let all = 0..<tokenized.tokens.count
                var scan = PatternScan(tokens: tokenized.tokens, byteRanges: tokenized.byteRanges, bytes: bytes, covering: all)
                scan.look(at: all)
                for i in all { body(scan, i) }
            }
        }
    }
}
