import Foundation

/// The model's `WordScoreCache`, built on first use: building it is about half of loading a
/// model (some 400,000 weight lookups, ~18 ms), which a process that loads the model but has
/// not tagged yet (start-up before READY, `check-config`) need not wait for.
final class LazyWordScoreCache: @unchecked Sendable {
    // @unchecked: `built` is only read or written under `lock`; the rest is immutable.
    private let lock = NSLock()
    private var built: WordScoreCache?
    private let stages: [LinearStage]
    private let lexicon: WordLexicon
    private let gazetteer: Gazetteer
    private let labelCount: Int

    init(stages: [LinearStage], lexicon: WordLexicon, gazetteer: Gazetteer, labelCount: Int) {
        self.stages = stages
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.labelCount = labelCount
    }

    /// The cache, built by the first caller (the others wait for it).
    var cache: WordScoreCache {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let cache = WordScoreCache(stages: stages, lexicon: lexicon, gazetteer: gazetteer, labelCount: labelCount)
        built = cache
        return cache
    }
}
