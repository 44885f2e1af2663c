extension ExtractionResult {
    /// `{"article":…,"entities":[…]}`: the bytes `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` makes of this result.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 256 + entities.count * 160)
        writer.raw("{\"article\":")
        article.write(to: &writer)
        writer.raw(",\"entities\":")
        Self.write(entities, to: &writer)
        writer.byte(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// The entities as a JSON array, each object with sorted keys (`geo` only when present).
    public static func write(_ entities: [Entity], to writer: inout JSONWriter) {
        writer.byte(UInt8(ascii: "["))
        for (e, entity) in entities.enumerated() {
            if e > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.byte(UInt8(ascii: "{"))
            if let geo = entity.geo {
                writer.raw("\"geo\":{\"country_code\":")
                writer.string(geo.countryCode)
                writer.raw(",\"geonameid\":")
                writer.int(geo.geonameid)
                writer.raw(",\"latitude\":")
                writer.double(geo.latitude)
                writer.raw(",\"longitude\":")
                writer.double(geo.longitude)
                writer.raw("},")
            }
            writer.raw("\"id\":")
            writer.int(entity.id)
            writer.raw(",\"mentions\":[")
            for (m, mention) in entity.mentions.enumerated() {
                writer.raw(m > 0 ? ",{\"confidence\":" : "{\"confidence\":")
                writer.double(mention.confidence)
                writer.raw(",\"end\":")
                writer.int(mention.end)
                writer.raw(",\"sentence\":")
                writer.int(mention.sentence)
                writer.raw(",\"start\":")
                writer.int(mention.start)
                writer.raw(",\"text\":")
                writer.string(mention.text)
                writer.byte(UInt8(ascii: "}"))
            }
            writer.raw("],\"name\":")
            writer.string(entity.name)
            writer.raw(",\"salience\":")
            writer.double(entity.salience)
            writer.raw(",\"type\":")
            writer.string(entity.type.rawValue)
            writer.byte(UInt8(ascii: "}"))
        }
        writer.byte(UInt8(ascii: "]"))
    }
}

extension ArticleSummary {
    /// This summary as a JSON object with sorted keys, `title` always present.
    public func write(to writer: inout JSONWriter) {
        writer.raw("{\"characters\":")
        writer.int(characters)
        writer.raw(",\"language\":")
        writer.string(language)
        writer.raw(",\"sentences\":")
        writer.int(sentences)
        writer.raw(",\"title\":")
        writer.string(title)
        writer.raw(",\"tokens\":")
        writer.int(tokens)
        writer.byte(UInt8(ascii: "}"))
    }
}
