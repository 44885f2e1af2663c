/// How an `Extractor` is set up.
public struct ExtractorConfiguration: Sendable {
    /// Serialized model bytes; `nil` loads the model bundled with the package.
    public var modelData: [UInt8]?
    /// Dictionary texts (one entry per line) with the name they are reported under in errors.
    public var userDictionaries: [(source: String, text: String)]
    /// Longest time one article may take; checked between sentences. `nil`: no limit.
    public var timeLimit: Duration?
    /// `false` runs without the statistical recognizer: names come from dictionaries, the alias
    /// table and the gazetteer alone (places of 100,000 people or more, regions, countries).
    public var useStatisticalModel: Bool

    public init(
        modelData: [UInt8]? = nil, userDictionaries: [(source: String, text: String)] = [], timeLimit: Duration? = .seconds(30),
        useStatisticalModel: Bool = true
    ) {
        self.modelData = modelData
        self.userDictionaries = userDictionaries
        self.timeLimit = timeLimit
        self.useStatisticalModel = useStatisticalModel
    }
}
