import Testing
@testable import EntityExtraction

/// `DenseEvidenceTable` codes stand for hashed evidence keys: each code must find the row its
/// key finds, and no two values may share a code.
@Suite struct RecognizerDenseEvidenceTests {
    /// Every value of every evidence template the table covers for 17 labels and 7 types,
    /// with some just outside the domains.
    static func values(labelCount l: UInt64) -> [(FeatureTemplate, UInt64)] {
        let labels = Array(0..<l), neighbours = labels + [0xFF, l, 0xFE]
        var values: [(FeatureTemplate, UInt64)] = (labels + [l, 0xFF]).map { (.firstStageLabel, $0) }
        for p in neighbours { for y in labels + [l] { for n in neighbours { values.append((.firstStageContext, p << 16 | y << 8 | n)) } } }
        values += (0..<UInt64(8 << 4)).map { (.documentTypeShare, $0) }
        values += (0..<UInt64(9 << 8)).map { (.documentVote, $0) } + [(.documentVote, 0xFFFF), (.documentVote, 0xFFFE)]
        values += [(.bias, 0), (.lengthBucket, 3)]
        return values
    }

    @Test func everyCodeFindsTheRowOfItsKeyAndNoTwoValuesShareACode() throws {
        let stage = try #require(try EntityRecognizer.bundled().model.stages.last)
        let l = stage.table.labelCount
        let table = stage.evidence
        var seen: [Int: UInt64] = [:]
        var coded = 0
        for (template, value) in Self.values(labelCount: UInt64(l)) {
            guard let code = table.code(template, value) else { continue }
            coded += 1
            let key = FeatureHash.mix(template.rawValue, value)
            #expect(seen.updateValue(key, forKey: code) == nil, "code \(code) taken twice")
            #expect(table.offsets[code] == stage.table.row(of: key).map { Int32($0 * l) } ?? -1)
        }
        // Labels, label triples, shares and votes of the bundled 17 labels are all dense.
        #expect(coded == l + (l + 1) * l * (l + 1) + 7 << 4 + 8 << 8 + 1)
    }

    @Test func valuesOutsideTheDomainsHaveNoCode() throws {
        let table = try #require(try EntityRecognizer.bundled().model.stages.last).evidence
        #expect(table.code(.firstStageLabel, 17) == nil)
        #expect(table.code(.firstStageContext, 0xFE << 16 | 1 << 8 | 2) == nil)
        #expect(table.code(.firstStageContext, 3 << 16 | 17 << 8 | 2) == nil)
        #expect(table.code(.documentTypeShare, 7 << 4) == nil)
        #expect(table.code(.documentVote, 8 << 8) == nil)
        #expect(table.code(.lengthBucket, 3) == nil)
    }
}
