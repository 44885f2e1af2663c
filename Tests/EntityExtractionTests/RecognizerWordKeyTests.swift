import Testing
@testable import EntityExtraction

/// The one-pass word key writer that the word sums use must give exactly `wordKeys`'s keys,
/// part by part.
@Suite struct RecognizerWordKeyTests {
    @Test(arguments: ["Kyiv", "JAPAN", "a", "of", "Zelensky’s", "1996-08-22", "Al-Wajni", "😀x", "naïve", "-", ""])
    func writtenWordKeysEqualEveryPartsWordKeys(word: String) {
        let info = TokenInfo(word)
        for cluster: UInt32 in [0, 0x05, 0x05 | 7 << 8, 0x05 | 7 << 8 | 12 << 18, 7 << 8 | 12 << 18] {
            var reference: [[UInt64]] = []
            for part in FeatureExtractor.WordPart.allCases {
                var keys: [UInt64] = []
                FeatureExtractor.wordKeys(info, cluster: cluster, part: part) { keys.append($0) }
                reference.append(keys)
            }
            var keys = [UInt64](repeating: 0, count: FeatureExtractor.mostWordKeys)
            var ends = [Int](repeating: 0, count: FeatureExtractor.WordPart.allCases.count)
            keys.withUnsafeMutableBufferPointer { keys in
                ends.withUnsafeMutableBufferPointer { FeatureExtractor.writeWordKeys(info, cluster: cluster, into: keys.baseAddress!, ends: $0.baseAddress!) }
            }
            let written = ends.indices.map { p in Array(keys[(p == 0 ? 0 : ends[p - 1])..<ends[p]]) }
            #expect(written == reference, "word \(word), cluster \(cluster)")
        }
    }
}
