/// Everything a training run reads, already loaded into memory (the module knows no files).
public struct TrainingData: Sendable {
    /// Gold training data with CoNLL types (PER, ORG, LOC, MISC).
    public var train: ConllCorpus
    /// Optional extra training data already mapped to the same types (e.g. GMB).
    public var extra: ConllCorpus?
    /// Development data, used to report F1 and calibrate confidences only.
    public var dev: ConllCorpus?
    /// Gazetteer TSV texts (GeoNames cities and regions, country names, demonyms).
    public var gazetteers: GazetteerSources
    /// Unlabeled news text, one paragraph per line, for word clusters and capitalization priors.
    public var unlabeled: [String]
    /// Annotated text (CoNLL types) that only feeds name lists into the gazetteer: given names
    /// from PER spans, frequent words of ORG spans. Use data other than `train` (e.g. GMB),
    /// or those features would fire on every training name and be trusted too much.
    public var nameListSource: ConllCorpus?

    /// Training inputs; only `train` is required.
    public init(train: ConllCorpus, extra: ConllCorpus? = nil, dev: ConllCorpus? = nil,
                gazetteers: GazetteerSources = GazetteerSources(), unlabeled: [String] = [],
                nameListSource: ConllCorpus? = nil) {
        self.nameListSource = nameListSource
        self.train = train
        self.extra = extra
        self.dev = dev
        self.gazetteers = gazetteers
        self.unlabeled = unlabeled
    }
}

/// The gazetteer files' texts, in the layouts of `shared/data/gazetteers` (TSV with a header).
public struct GazetteerSources: Sendable {
    /// cities15000.tsv: name, asciiname, alternatenames, …, population in column 10.
    public var cities: String = ""
    /// admin1_regions.tsv: name in column 4, asciiname in column 5.
    public var regions: String = ""
    /// country_names.tsv: a name per row in column 1.
    public var countryNames: String = ""
    /// demonyms.tsv: a demonym per row in column 1.
    public var demonyms: String = ""

    /// Gazetteer texts; empty ones contribute nothing.
    public init(cities: String = "", regions: String = "", countryNames: String = "", demonyms: String = "") {
        self.cities = cities
        self.regions = regions
        self.countryNames = countryNames
        self.demonyms = demonyms
    }
}
