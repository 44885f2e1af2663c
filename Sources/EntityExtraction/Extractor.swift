import Foundation

/// Turns article text into grouped, typed entities.
///
/// The pipeline: tokenizer and sentence splitter → user dictionaries, the statistical
/// recognizer, the shipped alias table and patterns → overlap resolution and type mapping →
/// grouping into entities with canonical names, salience and GeoNames references.
/// Load once (model, gazetteers, dictionaries) and share: `extract` is safe to call from
/// many threads at once.
public final class Extractor: Sendable {
    /// Name and version of the loaded model, reported in the output's `extractor.model`.
    public let modelName: String

    let configuration: ExtractorConfiguration
    let tokenizer = Tokenizer()
    /// `nil` when configured without it: names then come from dictionaries and the gazetteer alone.
    let recognizer: EntityRecognizer?
    let gazetteer: PlaceGazetteer
    let builtInNames: NameTable
    let userNames: NameTable
    /// Gazetteer places matched directly, only when there is no statistical recognizer.
    let placeMatcher: PhraseMatcher?
    let patterns = PatternRecognizer()
    /// Propagation's matchers, reused from article to article.
    let propagationScratch = PropagationScratchPool()

    /// Loads the model, gazetteer and dictionaries; throws for a bad model, resource or dictionary line.
    public init(configuration: ExtractorConfiguration = ExtractorConfiguration()) throws {
        self.configuration = configuration
        // The model loads on a second thread while this one builds the gazetteer and name tables.
        let model = configuration.useStatisticalModel ? BackgroundLoad { [modelData = configuration.modelData] in
            try modelData.map { try EntityRecognizer(modelBytes: $0) } ?? EntityRecognizer.bundled()
        } : nil
        do {
            gazetteer = try PlaceGazetteer.bundled()
            let aliasData = try BundledResource.data(named: "aliases.tsv")
            let aliasTable = try DictionaryEntry.parse(String(decoding: aliasData, as: UTF8.self), source: "aliases.tsv")
            builtInNames = NameTable.builtIn(aliasTable: aliasTable, gazetteer: gazetteer)
            var userEntries: [DictionaryEntry] = []
            for dictionary in configuration.userDictionaries {
                userEntries += try DictionaryEntry.parse(dictionary.text, source: dictionary.source)
            }
            userNames = NameTable(entries: userEntries)
        } catch {
            _ = try model?.value()  // a bad model is reported first, as when it loaded first
            throw error
        }
        recognizer = try model?.value()
        modelName = recognizer?.modelName ?? "none (dictionaries, gazetteer and patterns only)"
        placeMatcher = recognizer == nil ? Self.placeMatcher(gazetteer) : nil
    }

    /// Extracts the entities of one article; throws `ExtractionError.timeLimitExceeded` past the time limit.
    public func extract(_ article: Article) throws -> ExtractionResult {
        // The time limit is for the article's own work: a first call that finds the model's
        // word-score cache unbuilt (or being built by `warmUp` on another thread) waits for it
        // here, before the clock starts.
        recognizer?.warmUp()
        let clock = ContinuousClock()
        let deadline = configuration.timeLimit.map { clock.now.advanced(by: $0) }
        let checkDeadline = {
            if let deadline, clock.now > deadline {
                throw ExtractionError(.timeLimitExceeded, "article took longer than \(self.configuration.timeLimit!)")
            }
        }
        let tokenized = tokenizer.tokenize(article.text)
        try checkDeadline()
        let shouting = shoutingSentences(tokenized)
        let candidates = try findCandidates(in: tokenized, shouting: shouting, checkDeadline: checkDeadline)
        let resolved = resolve(candidates, in: tokenized)
        let mentions = resolve(resolved, adding: propagatedCandidates(from: resolved, in: tokenized, shouting: shouting), in: tokenized)
        try checkDeadline()
        let entities = EntityGrouper(gazetteer: gazetteer).group(mentions, in: tokenized, title: article.title)
        return ExtractionResult(
            article: ArticleSummary(
                title: article.title, language: "en", characters: tokenized.scalarCount,
                sentences: tokenized.sentences.count, tokens: tokenized.tokens.count),
            entities: entities)
    }

    /// Places of at least 100,000 people and all regions, for matching without a model.
    private static func placeMatcher(_ gazetteer: PlaceGazetteer) -> PhraseMatcher {
        var matcher = PhraseMatcher()
        for (name, place) in gazetteer.places where place.population >= 100_000 { matcher.add(name, payload: 0) }
        for name in gazetteer.regions.keys { matcher.add(name, payload: 0) }
        return matcher
    }
}
