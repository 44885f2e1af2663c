/// What the extractor found in one article: statistics and grouped entities.
public struct ExtractionResult: Sendable, Codable, Hashable {
    /// Counts and metadata of the article as extracted.
    public var article: ArticleSummary
    /// Entities, most salient first; `id` is the index in this array.
    public var entities: [Entity]

    public init(article: ArticleSummary, entities: [Entity]) {
        self.article = article
        self.entities = entities
    }
}

/// The `article` object of the output contract.
public struct ArticleSummary: Sendable, Codable, Hashable {
    public var title: String?
    /// BCP 47 language tag of the text; the recognizer reads English.
    public var language: String
    /// Length of the text in Unicode code points.
    public var characters: Int
    public var sentences: Int
    public var tokens: Int

    public init(title: String?, language: String, characters: Int, sentences: Int, tokens: Int) {
        self.title = title
        self.language = language
        self.characters = characters
        self.sentences = sentences
        self.tokens = tokens
    }

    private enum CodingKeys: String, CodingKey { case title, language, characters, sentences, tokens }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)  // always present, `null` when absent
        try c.encode(language, forKey: .language)
        try c.encode(characters, forKey: .characters)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(tokens, forKey: .tokens)
    }
}

/// One entity: all mentions of the same thing in an article, under one canonical name.
public struct Entity: Sendable, Codable, Hashable {
    public var id: Int
    /// Canonical name ("Lloyd Austin" for "Austin", "Kyiv" for "Kiev").
    public var name: String
    public var type: EntityType
    /// Share of the article's attention in [0, 1]; the named entities of an article sum to 1.
    public var salience: Double
    public var mentions: [Mention]
    /// GeoNames facts for places that match the gazetteer.
    public var geo: GeoReference?

    public init(id: Int, name: String, type: EntityType, salience: Double, mentions: [Mention], geo: GeoReference? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.salience = salience
        self.mentions = mentions
        self.geo = geo
    }
}

/// One occurrence of an entity in the text.
public struct Mention: Sendable, Codable, Hashable {
    /// Exactly `text[start..<end]` in code points.
    public var text: String
    /// Code point offset of the first character.
    public var start: Int
    /// Code point offset one past the last character.
    public var end: Int
    /// Index of the sentence the mention is in.
    public var sentence: Int
    /// The recognizer's confidence in [0, 1].
    public var confidence: Double

    public init(text: String, start: Int, end: Int, sentence: Int, confidence: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.confidence = confidence
    }
}

/// A GeoNames match for a place entity.
///
/// Coordinates are those of the GeoNames populated place; they are `null` for countries and
/// regions, whose GeoNames tables in our data carry no coordinates.
public struct GeoReference: Sendable, Codable, Hashable {
    public var geonameid: Int
    public var countryCode: String
    public var latitude: Double?
    public var longitude: Double?

    public init(geonameid: Int, countryCode: String, latitude: Double?, longitude: Double?) {
        self.geonameid = geonameid
        self.countryCode = countryCode
        self.latitude = latitude
        self.longitude = longitude
    }

    private enum CodingKeys: String, CodingKey {
        case geonameid
        case countryCode = "country_code"
        case latitude, longitude
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(geonameid, forKey: .geonameid)
        try c.encode(countryCode, forKey: .countryCode)
        try c.encode(latitude, forKey: .latitude)  // always present, `null` when unknown
        try c.encode(longitude, forKey: .longitude)
    }
}
