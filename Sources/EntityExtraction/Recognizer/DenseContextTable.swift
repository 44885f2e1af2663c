/// Weight rows of the context features whose values come from a small fixed domain (bias,
/// length bucket, flags in context, case prior, document case, gazetteer bits), indexed
/// directly by a code: the tagger skips hashing and probing them for every token and stage.
///
/// Built at load by looking every value's key up in the stage's `WeightTable`, so a code finds
/// exactly the row the key would have found and the sums stay identical.
struct DenseContextTable: Sendable {
    private static let lengthBase = 1, lengthSize = 32
    /// Flags in context: context (0...2) × 11 flag bits.
    private static let flagsBase = lengthBase + lengthSize, flagBits = 11, flagsSize = 3 << 11
    /// Case prior and document case values: context (0...2) << 8 | one byte.
    private static let casePriorBase = flagsBase + flagsSize, contextByteSize = 3 << 8
    private static let documentCaseBase = casePriorBase + contextByteSize
    /// Gazetteer bits at the token, before it and after it.
    private static let gazetteerBase = documentCaseBase + contextByteSize, gazetteerSize = 32
    private static let count = gazetteerBase + 3 * gazetteerSize

    /// `row × labelCount` of each code, -1 when the stage has no row for the code's key.
    let offsets: [Int32]

    /// Codes below this one (bias, length bucket) do not depend on the token's context.
    static let contextFreeEnd = Int32(flagsBase)
    /// Codes below this one (those and flags in context, case prior) depend on nothing but the
    /// word and its context (0 inside a sentence, 1 first, 2 headline): a `WordScoreCache`
    /// word's vector holds their context-0 rows (`wordCodes`).
    static let wordEnd = Int32(documentCaseBase)

    /// The code a word code (below `wordEnd`) has in context 0.
    @inline(__always)
    static func inContextZero(_ code: Int32) -> Int32 {
        if code >= Int32(casePriorBase) { return Int32(casePriorBase) + (code - Int32(casePriorBase)) & 0xFF }
        if code >= Int32(flagsBase) { return Int32(flagsBase) + (code - Int32(flagsBase)) & Int32(1 << flagBits - 1) }
        return code
    }

    /// The codes below `wordEnd` that `FeatureExtractor` gives a word with this analysis and
    /// case prior in context 0 (bias, flags, length bucket, case prior if it has letters; -1
    /// pads), or nil when a value falls outside the table (it is then hashed, not coded).
    static func wordCodes(_ info: TokenInfo, prior: UInt32) -> SIMD4<Int32>? {
        let capital: UInt64 = info.has(.initialCapital) ? 1 : 0
        guard let bias = code(.bias, 0), let flags = code(.flagsInContext, UInt64(info.flags)),
              let length = code(.lengthBucket, UInt64(min(info.length, 12)) << 1 | capital) else { return nil }
        guard info.has(.hasLetter) else { return SIMD4(bias, flags, length, -1) }
        guard let casePrior = code(.casePrior, UInt64(prior) << 1 | capital) else { return nil }
        return SIMD4(bias, flags, length, casePrior)
    }

    init(table: WeightTable) {
        var offsets = [Int32](repeating: -1, count: Self.count)
        func fill(_ template: FeatureTemplate, base: Int, size: Int, value: (Int) -> UInt64) {
            for v in 0..<size {
                guard let row = table.row(of: FeatureHash.mix(template.rawValue, value(v))) else { continue }
                offsets[base + v] = Int32(row * table.labelCount)
            }
        }
        fill(.bias, base: 0, size: 1) { _ in 0 }
        fill(.lengthBucket, base: Self.lengthBase, size: Self.lengthSize) { UInt64($0) }
        fill(.flagsInContext, base: Self.flagsBase, size: Self.flagsSize) {
            UInt64($0 >> Self.flagBits) << 16 | UInt64($0 & (1 << Self.flagBits - 1))
        }
        fill(.casePrior, base: Self.casePriorBase, size: Self.contextByteSize) { UInt64($0) }
        fill(.documentCase, base: Self.documentCaseBase, size: Self.contextByteSize) { UInt64($0) }
        for (k, template) in [FeatureTemplate.gazetteerHere, .gazetteerMinus1, .gazetteerPlus1].enumerated() {
            fill(template, base: Self.gazetteerBase + k * Self.gazetteerSize, size: Self.gazetteerSize) { UInt64($0) }
        }
        self.offsets = offsets
    }

    /// The code of the key `FeatureHash.mix(template.rawValue, value)`, or nil when the template
    /// or the value lies outside the table (the key is then looked up by hash as usual).
    @inline(__always)
    static func code(_ template: FeatureTemplate, _ value: UInt64) -> Int32? {
        func within(_ base: Int, _ size: Int) -> Int32? { value < UInt64(size) ? Int32(base + Int(value)) : nil }
        switch template {
        case .bias: return value == 0 ? 0 : nil
        case .lengthBucket: return within(lengthBase, lengthSize)
        case .flagsInContext:
            let context = value >> 16, flags = value & 0xFFFF
            guard context < 3 && flags < 1 << flagBits else { return nil }
            return Int32(flagsBase + Int(context << UInt64(flagBits) | flags))
        case .casePrior: return within(casePriorBase, contextByteSize)
        case .documentCase: return within(documentCaseBase, contextByteSize)
        case .gazetteerHere: return within(gazetteerBase, gazetteerSize)
        case .gazetteerMinus1: return within(gazetteerBase + gazetteerSize, gazetteerSize)
        case .gazetteerPlus1: return within(gazetteerBase + 2 * gazetteerSize, gazetteerSize)
        default: return nil
        }
    }
}
