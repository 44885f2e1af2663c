/// Where `FeatureExtractor` writes one sentence's keys and codes: raw pointers into a
/// `FeatureScratch`'s storage, sized beforehand for the sentence.
struct FeatureWriter {
    private let keys: UnsafeMutablePointer<UInt64>
    private(set) var keyCount: Int
    private let keyLimit: Int
    private let codes: UnsafeMutablePointer<Int32>
    private(set) var codeCount: Int
    private let codeLimit: Int
    private let offsets: UnsafeMutablePointer<Int>
    private let codeOffsets: UnsafeMutablePointer<Int>
    /// The sentence's gazetteer marks and packed clusters, by token.
    let marks: UnsafePointer<UInt32>
    let clusters: UnsafePointer<UInt32>
    /// The sentence's capitalization priors, by token.
    let priors: UnsafePointer<UInt32>

    init(keys: UnsafeMutablePointer<UInt64>, keyCount: Int, keyLimit: Int, codes: UnsafeMutablePointer<Int32>, codeCount: Int,
         codeLimit: Int, offsets: UnsafeMutablePointer<Int>, codeOffsets: UnsafeMutablePointer<Int>,
         marks: UnsafePointer<UInt32>, clusters: UnsafePointer<UInt32>, priors: UnsafePointer<UInt32>) {
        self.keys = keys
        self.keyCount = keyCount
        self.keyLimit = keyLimit
        self.codes = codes
        self.codeCount = codeCount
        self.codeLimit = codeLimit
        self.offsets = offsets
        self.codeOffsets = codeOffsets
        self.marks = marks
        self.clusters = clusters
        self.priors = priors
    }

    @inline(__always)
    mutating func append(key: UInt64) {
        precondition(keyCount < keyLimit, "feature keys exceed the sentence's bound")
        keys[keyCount] = key
        keyCount &+= 1
    }

    @inline(__always)
    mutating func append(code: Int32) {
        precondition(codeCount < codeLimit, "feature codes exceed the sentence's bound")
        codes[codeCount] = code
        codeCount &+= 1
    }

    /// Records where token `i`'s keys and codes end.
    @inline(__always)
    func endToken(_ i: Int) {
        offsets[i + 1] = keyCount
        codeOffsets[i + 1] = codeCount
    }
}
