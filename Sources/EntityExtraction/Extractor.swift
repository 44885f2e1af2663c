/// Turns article text into grouped, typed entities.
///
/// Load once (model, gazetteers, dictionaries) and share: `extract` is safe to call from
/// many threads at once.
public final class Extractor: Sendable {
    /// Name and version of the loaded model, reported in the output's `extractor.model`.
    public let modelName: String

    public init(configuration: ExtractorConfiguration = ExtractorConfiguration()) throws {
        // SKELETON: the recognizer issue replaces this with the real pipeline.
        self.modelName = "none"
    }

    /// Extracts the entities of one article.
    public func extract(_ article: Article) throws -> ExtractionResult {
        // SKELETON: the recognizer issue replaces this with the real pipeline.
        ExtractionResult(
            article: ArticleSummary(title: article.title, language: "en", characters: article.text.unicodeScalars.count, sentences: 0, tokens: 0),
            entities: [])
    }
}

/// How an `Extractor` is set up.
public struct ExtractorConfiguration: Sendable {
    /// Serialized model bytes; `nil` loads the model bundled with the package.
    public var modelData: [UInt8]?
    /// Dictionary texts (one entry per line) with the name they are reported under in errors.
    public var userDictionaries: [(source: String, text: String)]

    public init(modelData: [UInt8]? = nil, userDictionaries: [(source: String, text: String)] = []) {
        self.modelData = modelData
        self.userDictionaries = userDictionaries
    }
}
