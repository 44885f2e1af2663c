/// Weight rows of the second stage's evidence features (`FeatureExtractor.evidenceFeatures`),
/// whose values all come from small domains (labels, label triples, type shares, votes),
/// indexed directly by a code: scoring a token's evidence needs no hashing and no probe.
///
/// Built at load by looking every value's key up in the stage's `WeightTable`, so a code finds
/// exactly the row the key would have found and the sums stay identical.
struct DenseEvidenceTable: Sendable {
    /// Share features: type << 4 | bucket, types below `FirstPassEvidence.maxTypes`.
    private static let shareSize = FirstPassEvidence.maxTypes << 4
    /// Votes: (majority + 1) << 8 | own type + 1 << 1 | capital, then the "no other occurrence" value.
    private static let voteSize = (FirstPassEvidence.maxTypes + 1) << 8, noVote: UInt64 = 0xFFFF
    /// Label triples are dense only for small label sets (the bundled model's 17: 5,508 codes).
    private static let mostTripleLabels = 32

    private let labelCount: Int
    private let contextBase: Int, contextSize: Int
    private let shareBase: Int, voteBase: Int
    /// `row × labelCount` of each code, -1 when the stage has no row for the code's key.
    private(set) var offsets: [Int32]

    init(table: WeightTable) {
        let l = table.labelCount
        var layout = DenseEvidenceTable(labelCount: l, offsets: [])
        var offsets = [Int32](repeating: -1, count: layout.voteBase + Self.voteSize + 1)
        func fill(_ template: FeatureTemplate, _ values: some Sequence<UInt64>) {
            for value in values {
                guard let code = layout.code(template, value), let row = table.row(of: FeatureHash.mix(template.rawValue, value)) else { continue }
                offsets[code] = Int32(row * l)
            }
        }
        let labels = (0..<UInt64(l)), neighbours = Array(labels) + [0xFF]
        fill(.firstStageLabel, labels)
        if layout.contextSize > 0 {
            fill(.firstStageContext, neighbours.lazy.flatMap { p in labels.lazy.flatMap { y in neighbours.lazy.map { p << 16 | y << 8 | $0 } } })
        }
        fill(.documentTypeShare, (0..<UInt64(Self.shareSize)))
        fill(.documentVote, (0..<UInt64(Self.voteSize)))
        fill(.documentVote, [Self.noVote])
        layout.offsets = offsets
        self = layout
    }

    private init(labelCount l: Int, offsets: [Int32]) {
        labelCount = l
        contextBase = l
        contextSize = l <= Self.mostTripleLabels ? (l + 1) * l * (l + 1) : 0
        shareBase = contextBase + contextSize
        voteBase = shareBase + Self.shareSize
        self.offsets = offsets
    }

    /// Whether label triples have codes (`contextCode`).
    var codesContexts: Bool { contextSize > 0 }

    /// The code of the `.firstStageContext` triple (`code`), its neighbours `labelCount` past
    /// the sentence's edges (the value's 0xFF); only when `codesContexts`.
    @inline(__always)
    func contextCode(previous: Int, own: Int, next: Int) -> Int {
        contextBase &+ (previous &* labelCount &+ own) &* (labelCount &+ 1) &+ next
    }

    /// The code of the key `FeatureHash.mix(template.rawValue, value)`, or nil when the template
    /// or the value lies outside the table (the key is then looked up by hash as usual).
    @inline(__always)
    func code(_ template: FeatureTemplate, _ value: UInt64) -> Int? {
        switch template {
        case .firstStageLabel:
            return value < UInt64(labelCount) ? Int(value) : nil
        case .firstStageContext:
            guard contextSize > 0 && value < 1 << 24 else { return nil }
            let previous = Int(value >> 16), own = Int(value >> 8 & 0xFF), next = Int(value & 0xFF)
            func neighbour(_ label: Int) -> Int? { label < labelCount ? label : (label == 0xFF ? labelCount : nil) }
            guard own < labelCount, let p = neighbour(previous), let n = neighbour(next) else { return nil }
            return contextBase &+ (p &* labelCount &+ own) &* (labelCount &+ 1) &+ n
        case .documentTypeShare:
            return value < UInt64(Self.shareSize) ? shareBase &+ Int(value) : nil
        case .documentVote:
            if value == Self.noVote { return voteBase &+ Self.voteSize }
            return value < UInt64(Self.voteSize) ? voteBase &+ Int(value) : nil
        default:
            return nil
        }
    }
}
