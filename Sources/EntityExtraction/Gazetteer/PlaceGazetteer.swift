/// Countries, populated places, regions and demonyms from GeoNames and mledoze/countries,
/// read from the compact binary `gazetteer.bin` that `scripts/build-gazetteer` derives.
struct PlaceGazetteer: Sendable {
    /// A country with its canonical (GeoNames) name.
    struct Country: Sendable {
        var name: String
        var iso2: String
        var geonameid: Int
        var population: Int
        var aliases: [String]
    }

    /// The most populous populated place of a name, packed (20 bytes: 36,000 of them stay resident).
    struct Place: Sendable {
        let id: UInt32
        let code: CountryCode
        /// Degrees × 100,000: GeoNames gives at most 5 decimals, so `Double(lat) / 1e5` is
        /// exactly the `Double` the decimal text parses to (both are correctly rounded).
        let lat: Int32
        let lon: Int32
        let people: UInt32

        var geonameid: Int { Int(id) }
        var countryCode: String { code.string }
        var latitude: Double { Double(lat) / 100_000 }
        var longitude: Double { Double(lon) / 100_000 }
        var population: Int { Int(people) }
    }

    /// A first-level administrative region.
    struct Region: Sendable {
        let id: UInt32
        let code: CountryCode

        var geonameid: Int { Int(id) }
        var countryCode: String { code.string }
    }

    /// A two-letter ISO code in two bytes (first letter in the low byte).
    struct CountryCode: Sendable {
        let bits: UInt16

        var string: String { String(decoding: [UInt8(truncatingIfNeeded: bits), UInt8(bits >> 8)], as: UTF8.self) }
    }

    /// A nationality form and its canonical singular ("Russians" → "Russian").
    struct Demonym: Sendable {
        var canonical: String
        var iso2: String
    }

    let countries: [Country]
    /// Country index by every name and alias (the first country naming a string wins).
    let countryByName: [String: Int]
    let places: GazetteerTable<Place>
    let regions: GazetteerTable<Region>
    let demonyms: [String: Demonym]

    static let empty = PlaceGazetteer(countries: [], places: .empty, regions: .empty, demonyms: [:])

    init(countries: [Country], places: GazetteerTable<Place>, regions: GazetteerTable<Region>, demonyms: [String: Demonym]) {
        var byName: [String: Int] = [:]
        for (i, country) in countries.enumerated() {
            for name in [country.name] + country.aliases where byName[name] == nil { byName[name] = i }
        }
        self.countries = countries
        self.countryByName = byName
        self.places = places
        self.regions = regions
        self.demonyms = demonyms
    }

    /// The bundled gazetteer.
    static func bundled() throws -> PlaceGazetteer {
        try PlaceGazetteer(binary: [UInt8](try BundledResource.data(named: resourceName)))
    }

    /// File name of the gazetteer in the package resources.
    static let resourceName = "gazetteer.bin"

    /// The country of a name or alias ("U.S." → United States).
    func country(named name: String) -> Country? {
        countryByName[name].map { countries[$0] }
    }

    /// Whether `name` is a country, populated place or region: a geopolitical entity.
    func isGeopolitical(_ name: String) -> Bool {
        countryByName[name] != nil || places.names.index(of: name) != nil || regions.names.index(of: name) != nil
    }

    /// GeoNames facts for a place name: a country first, then the most populous place, then a region.
    func geoReference(for name: String) -> GeoReference? {
        if let country = country(named: name) {
            return GeoReference(geonameid: country.geonameid, countryCode: country.iso2, latitude: nil, longitude: nil)
        }
        if let place = places[name] {
            return GeoReference(geonameid: place.geonameid, countryCode: place.countryCode, latitude: place.latitude, longitude: place.longitude)
        }
        if let region = regions[name] {
            return GeoReference(geonameid: region.geonameid, countryCode: region.countryCode, latitude: nil, longitude: nil)
        }
        return nil
    }
}
