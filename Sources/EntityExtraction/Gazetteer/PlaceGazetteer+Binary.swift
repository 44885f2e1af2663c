/// Decoding `gazetteer.bin`, written by `scripts/build-gazetteer`. Layout (little-endian;
/// a string is a UInt16 byte count then UTF-8; n-arrays are columns of one value per entry):
///
///     "EGAZ" version:UInt32
///     countries: n, then per country: name iso2 geonameid:UInt32 population:UInt64 aliasCount:UInt16 aliases…
///     demonyms:  n, then per form: form canonical iso2
///     places:    n, nameBytes:UInt32, names, lengths:[UInt8], geonameids:[UInt32], countries:[UInt16],
///                latitudes:[Int32], longitudes:[Int32] (degrees × 1e5), populations:[UInt32]
///     regions:   n, nameBytes:UInt32, names, lengths:[UInt8], geonameids:[UInt32], countries:[UInt16]
///
/// Places and regions are ordered by `GazetteerNames.hash` of their NFC name, one entry per name.
extension PlaceGazetteer {
    static let magic: [UInt8] = Array("EGAZ".utf8)
    static let formatVersion: UInt32 = 1

    /// Decodes the binary gazetteer; anything malformed throws `ExtractionError.resourceCorrupt`.
    init(binary: [UInt8]) throws {
        var reader = GazetteerBinaryReader(binary)
        guard try reader.bytes(4) == Self.magic, try reader.integer(UInt32.self) == Self.formatVersion else {
            throw ExtractionError(.resourceCorrupt, "gazetteer.bin is not a version \(Self.formatVersion) gazetteer (regenerate it with scripts/build-gazetteer)")
        }
        var countries: [Country] = []
        for _ in 0..<(try reader.count()) {
            let name = try reader.string(), iso2 = try reader.string()
            let id = try reader.integer(UInt32.self), population = try reader.integer(UInt64.self)
            let aliases = try (0..<Int(try reader.integer(UInt16.self))).map { _ in try reader.string() }
            countries.append(Country(name: name, iso2: iso2, geonameid: Int(id), population: Int(clamping: population), aliases: aliases))
        }
        var demonyms: [String: Demonym] = [:]
        for _ in 0..<(try reader.count()) {
            let form = try reader.string()
            demonyms[form] = Demonym(canonical: try reader.string(), iso2: try reader.string())
        }
        let (placeNames, placeIDs, placeCodes) = try Self.readNames(&reader, table: "places")
        let n = placeIDs.count
        let latitudes = try reader.integers(Int32.self, count: n), longitudes = try reader.integers(Int32.self, count: n)
        let populations = try reader.integers(UInt32.self, count: n)
        let places = (0..<n).map {
            Place(id: placeIDs[$0], code: placeCodes[$0], lat: latitudes[$0], lon: longitudes[$0], people: populations[$0])
        }
        let (regionNames, regionIDs, regionCodes) = try Self.readNames(&reader, table: "regions")
        let regions = zip(regionIDs, regionCodes).map { Region(id: $0, code: $1) }
        guard reader.isAtEnd else { throw ExtractionError(.resourceCorrupt, "gazetteer.bin has bytes after its last table") }
        self.init(countries: countries, places: GazetteerTable(names: placeNames, records: places),
                  regions: GazetteerTable(names: regionNames, records: regions), demonyms: demonyms)
    }

    /// The columns places and regions share: names, geonameids and country codes.
    private static func readNames(_ reader: inout GazetteerBinaryReader, table: String) throws -> (GazetteerNames, [UInt32], [CountryCode]) {
        let n = try reader.count()
        let blob = try reader.bytes(Int(try reader.integer(UInt32.self)))
        let names = try GazetteerNames(bytes: blob, lengths: try reader.integers(UInt8.self, count: n), table: table)
        let ids = try reader.integers(UInt32.self, count: n)
        let codes = try reader.integers(UInt16.self, count: n).map(CountryCode.init(bits:))
        return (names, ids, codes)
    }
}
