import Testing
@testable import EntityExtraction

/// A tagger sums the string-only weights of words missing from the word-score cache through a
/// memo of the keys many words share: the sums must be exactly each stage's weights of
/// `writeWordKeys`' keys looked up one by one, whether the memo is cold, warm or crowded.
@Suite struct RecognizerWordKeyMemoTests {
    @Test func memoRegionsTileTheEntriesWithoutOverlap() {
        var next = 0
        for kind in WordKeyMemo.Kind.allCases {
            let (base, slots) = kind.region
            #expect(base == next && slots & (slots - 1) == 0, "\(kind)")
            if kind.isCluster { #expect(slots >= 256) }
            next = base + slots
        }
        #expect(next == WordKeyMemo.Kind.totalSlots)
        #expect(WordKeyMemo.Kind.clusterHereMedium.region.slots >= 1024 && WordKeyMemo.Kind.clusterPlus1Medium.region.slots >= 1024
                    && WordKeyMemo.Kind.clusterMinus1Medium.region.slots >= 1024)
    }

    @Test func memoizedWordSumsEqualTheKeyByKeyWeights() throws {
        let model = try EntityRecognizer.bundled().model
        let l = model.labels.count, parts = FeatureExtractor.WordPart.allCases.count
        // Every distinct word of the texts, twice: the second round finds a warm memo.
        var words: [TokenInfo] = [], seen = Set<UInt64>()
        for text in try RecognizerByteInputTests.texts(documents: 80) {
            for i in text.byteRanges.indices {
                let info = TokenInfo(text.text(ofToken: i))
                if seen.insert(info.exact).inserted { words.append(info) }
            }
        }
        let memo = WordKeyMemo()
        var target0 = [Int32](repeating: 0, count: parts * l + LabelVector.width), target1 = target0
        var keys = [UInt64](repeating: 0, count: FeatureExtractor.mostWordKeys), ends = [Int](repeating: 0, count: parts)
        var clustered = 0
        for round in 0..<2 {
            for info in words {
                let cluster = model.lexicon.cluster(exact: info.exact, title: info.title, lower: info.lower)
                if cluster != 0 && round == 0 { clustered += 1 }
                target0.withUnsafeMutableBufferPointer { t0 in
                    target1.withUnsafeMutableBufferPointer { t1 in
                        model.wordSums.withSummer(memo: memo) { $0.sum(info, cluster: cluster, into: t0.baseAddress!, t1.baseAddress!) }
                    }
                }
                keys.withUnsafeMutableBufferPointer { keys in
                    ends.withUnsafeMutableBufferPointer { FeatureExtractor.writeWordKeys(info, cluster: cluster, into: keys.baseAddress!, ends: $0.baseAddress!) }
                }
                for (stage, target) in [(0, target0), (1, target1)] {
                    for part in 0..<parts {
                        var expected = [Int32](repeating: 0, count: l)
                        let partKeys = Array(keys[(part == 0 ? 0 : ends[part - 1])..<ends[part]])
                        partKeys.withUnsafeBufferPointer { partKeys in
                            expected.withUnsafeMutableBufferPointer { model.stages[stage].table.accumulate(partKeys, into: $0.baseAddress!) }
                        }
                        #expect(Array(target[part * l..<(part + 1) * l]) == expected, "stage \(stage) part \(part) round \(round)")
                    }
                }
            }
        }
        // The memo was used: far fewer entries than shared keys looked up, and not a handful.
        #expect(words.count > 5_000 && clustered > 1_000)
        #expect(memo.filled > 1_000 && memo.filled < words.count)
    }
}
