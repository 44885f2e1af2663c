extension ExtractionResult {
    /// `{"article":…,"entities":[…]}`: the bytes `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` makes of this result.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 256 + Self.estimatedLength(of: entities))
        writer.raw("{\"article\":")
        article.write(to: &writer)
        writer.raw(",\"entities\":")
        Self.write(entities, to: &writer)
        writer.byte(UInt8(ascii: "}"))
        return writer.finish()
    }

    /// About the length of `entities` as JSON (exact when no string needs escaping), so the
    /// writer allocates once.
    static func estimatedLength(of entities: [Entity]) -> Int {
        var length = 2
        for entity in entities {
            length &+= 112 &+ entity.name.utf8.count
            if let geo = entity.geo { length &+= 96 &+ geo.countryCode.utf8.count }
            for mention in entity.mentions { length &+= 96 &+ mention.text.utf8.count }
        }
        return length
    }

    /// The entities as a JSON array, each object with sorted keys (`geo` only when present).
    public static func write(_ entities: [Entity], to writer: inout JSONWriter) {
        writer.byte(UInt8(ascii: "["))
        var first = true
        for entity in entities {
            writer.write(room: room(for: entity)) { out in
                if !first { out.byte(UInt8(ascii: ",")) }
                write(entity, to: &out)
            }
            first = false
        }
        writer.byte(UInt8(ascii: "]"))
    }

    /// The most bytes `write(_:to:)` of `entity` can take: every string fully escaped, every number the longest.
    private static func room(for entity: Entity) -> Int {
        let number = JSONCursor.maximumNumberLength
        var room = 128 &+ 3 &* number &+ JSONCursor.room(forString: entity.name.utf8.count) &+ JSONCursor.room(forString: entity.type.rawValue.utf8.count)
        if let geo = entity.geo { room &+= 96 &+ 3 &* number &+ JSONCursor.room(forString: geo.countryCode.utf8.count) }
        for mention in entity.mentions { room &+= 96 &+ 4 &* number &+ JSONCursor.room(forString: mention.text.utf8.count) }
        return room
    }

    /// One entity object, into room reserved by `room(for:)`.
    private static func write(_ entity: Entity, to out: inout JSONCursor) {
        out.byte(UInt8(ascii: "{"))
        if let geo = entity.geo {
            out.raw("\"geo\":{\"country_code\":")
            out.string(geo.countryCode)
            out.raw(",\"geonameid\":")
            out.int(geo.geonameid)
            out.raw(",\"latitude\":")
            if let latitude = geo.latitude { out.double(latitude) } else { out.raw("null") }
            out.raw(",\"longitude\":")
            if let longitude = geo.longitude { out.double(longitude) } else { out.raw("null") }
            out.raw("},")
        }
        out.raw("\"id\":")
        out.int(entity.id)
        out.raw(",\"mentions\":[")
        var first = true
        for mention in entity.mentions {
            out.raw(first ? "{\"confidence\":" : ",{\"confidence\":")
            first = false
            out.double(mention.confidence)
            out.raw(",\"end\":")
            out.int(mention.end)
            out.raw(",\"sentence\":")
            out.int(mention.sentence)
            out.raw(",\"start\":")
            out.int(mention.start)
            out.raw(",\"text\":")
            out.string(mention.text)
            out.byte(UInt8(ascii: "}"))
        }
        out.raw("],\"name\":")
        out.string(entity.name)
        out.raw(",\"salience\":")
        out.double(entity.salience)
        out.raw(",\"type\":")
        out.string(entity.type.rawValue)
        out.byte(UInt8(ascii: "}"))
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
