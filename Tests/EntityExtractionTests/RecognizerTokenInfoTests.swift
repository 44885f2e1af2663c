import Testing
@testable import EntityExtraction

@Suite struct RecognizerTokenInfoTests {
    @Test(arguments: ["Kyiv", "Zelensky’s", "Київ", "ÉCOLE", "naïve", "😀x", "Ǆemal", "1,200.50", ""])
    func utf8DecodingMatchesUnicodeScalarHashing(word: String) {
        let text = "« " + word + " »"
        let token = text.dropFirst(2).dropLast(2)
        #expect(token == Substring(word))
        let info = TokenInfo(token)
        #expect(info.exact == FeatureHash.exact(word))
        #expect(info.lower == FeatureHash.lowercased(word))
        #expect(info.length == word.unicodeScalars.count)
    }

    @Test func orthographicFlagsCoverNonASCIILetters() {
        #expect(TokenInfo("ÉCOLE").has(.allCapitals))
        #expect(TokenInfo("Київ").has(.initialCapital))
        #expect(TokenInfo("Київ").has(.hasLower))
        #expect(!TokenInfo("київ").has(.initialCapital))
        #expect(TokenInfo("1,200.50").has(.numeric))
        #expect(TokenInfo("Al-Wajni").has(.hasHyphen))
        #expect(TokenInfo("Al-Wajni").has(.innerCapital))
        #expect(TokenInfo("—").has(.punctuation))
    }

    @Test func titleCaseHashOfAnAllCapsWordIsTheHashOfItsUsualSpelling() {
        #expect(TokenInfo("JAPAN").title == FeatureHash.exact("Japan"))
        #expect(TokenInfo("kyiv").title == FeatureHash.exact("Kyiv"))
    }

    /// The tagger copies cached analyses as bytes and keeps `documentWord` in the padding.
    @Test func analysisIsPlainDataOf104Bytes() {
        #expect(_isPOD(TokenInfo.self))
        #expect(MemoryLayout<TokenInfo>.size == 104)
    }

    /// The table-driven ASCII analysis must equal the scalar-by-scalar reference: every byte
    /// value, runs of one class longer than the shape's cut, tokens shorter than the prefixes.
    @Test func asciiAnalysisEqualsTheScalarReferenceOnRandomTokens() {
        var random = SplitMix64(seed: 5)
        let runs: [[UInt8]] = [Array("AAAAAA".utf8), Array("aaaaaa".utf8), Array("999999".utf8), Array("------".utf8), Array("'.'.".utf8)]
        var checked = 0
        for _ in 0..<20_000 {
            let length = 1 + Int(random.next() % 14)
            var bytes: [UInt8] = []
            while bytes.count < length {
                let r = random.next()
                if r % 5 == 0 { bytes += runs[Int(r >> 8) % runs.count].prefix(1 + Int(r >> 16) % 6) } else { bytes.append(UInt8(r >> 24 & 0x7F)) }
            }
            let token = String(decoding: bytes, as: UTF8.self)
            bytes.withUnsafeBufferPointer { buffer in
                let fast = TokenInfo(ascii: buffer, exact: FeatureHash.exact(token))
                #expect(fast == TokenInfo(scalarsOf: token), "\(bytes)")
                #expect(fast.prefixStates == TokenInfo(scalarsOf: token).prefixStates && fast.lastLowers == TokenInfo(scalarsOf: token).lastLowers)
            }
            checked += 1
        }
        #expect(checked == 20_000)
    }

    @Test func asciiAnalysisEqualsTheScalarReferenceOnEveryRealASCIIToken() throws {
        var tokens = 0
        for text in try RecognizerByteInputTests.texts(documents: .max) {
            text.utf8.withUnsafeBufferPointer { utf8 in
                for (i, range) in text.byteRanges.enumerated() {
                    let bytes = UnsafeBufferPointer(rebasing: utf8[range])
                    guard let exact = AnalyzedDocument.asciiExactHash(bytes), !bytes.isEmpty else { continue }
                    let token = text.text(ofToken: i)
                    #expect(exact == FeatureHash.exact(token))
                    #expect(TokenInfo(ascii: bytes, exact: exact) == TokenInfo(scalarsOf: token), "\(token)")
                    tokens += 1
                }
            }
        }
        #expect(tokens > 50_000)
    }
}
