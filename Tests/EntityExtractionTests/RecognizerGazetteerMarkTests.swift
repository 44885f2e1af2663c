import Testing
@testable import EntityExtraction

/// `Gazetteer.annotate` stops at a sequence that begins no longer name and walks only the
/// categories present; it must mark exactly as trying every length and every category.
@Suite struct RecognizerGazetteerMarkTests {
    /// The plain matching: every length up to `maxTokens` from every token with an entry.
    static func referenceMarks(_ gazetteer: Gazetteer, lowers: [UInt64]) -> [UInt32] {
        let n = lowers.count
        var marks = [UInt32](repeating: 0, count: n)
        for start in 0..<n where gazetteer.single(lower: lowers[start]) != 0 {
            var hash = FeatureHash.seed
            for length in 1...min(Gazetteer.maxTokens, n - start) {
                hash = FeatureHash.sequence(hash, lowers[start + length - 1])
                let entry = gazetteer.mask(forSequenceHash: hash)
                if entry == 0 { break }
                for category in 0..<Gazetteer.Category.allCases.count where entry & (1 << category) != 0 {
                    let base = UInt32(4 * category)
                    if length == 1 {
                        marks[start] |= 1 << (base + 3)
                        continue
                    }
                    marks[start] |= 1 << base
                    for i in (start + 1)..<(start + length - 1) { marks[i] |= 1 << (base + 1) }
                    marks[start + length - 1] |= 1 << (base + 2)
                }
            }
        }
        return marks
    }

    @Test func marksOfRealTextEqualTryingEveryLength() throws {
        let gazetteer = try EntityRecognizer.bundled().model.extractor.gazetteer
        var multiToken = 0, sentences = 0
        for text in try RecognizerByteInputTests.texts(documents: 60) {
            for sentence in text.sentences {
                let lowers = sentence.map { FeatureHash.lowercased(text.text(ofToken: $0)) }
                let singles = lowers.map { gazetteer.single(lower: $0) }
                var marks = [UInt32](repeating: 0xFFFF, count: lowers.count)
                lowers.withUnsafeBufferPointer { lowerHashes in
                    singles.withUnsafeBufferPointer { singles in
                        marks.withUnsafeMutableBufferPointer { gazetteer.annotate(lowerHashes: lowerHashes, singles: singles, into: $0) }
                    }
                }
                #expect(marks == Self.referenceMarks(gazetteer, lowers: lowers))
                multiToken += marks.filter { $0 & 0x1111_1111 != 0 }.count
                sentences += 1
            }
        }
        #expect(sentences > 500 && multiToken > 50, "\(sentences) sentences, \(multiToken) multi-token starts")
    }
}
