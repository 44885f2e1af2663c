/// Countries, populated places, regions and demonyms from GeoNames and mledoze/countries,
/// read from the compact `gazetteer.tsv` that `scripts/build-gazetteer` derives.
struct PlaceGazetteer: Sendable {
    /// A country with its canonical (GeoNames) name.
    struct Country: Sendable {
        var name: String
        var iso2: String
        var geonameid: Int
        var population: Int
        var aliases: [String]
    }

    /// The most populous populated place of a name.
    struct Place: Sendable {
        var geonameid: Int
        var countryCode: String
        var latitude: Double
        var longitude: Double
        var population: Int
    }

    /// A first-level administrative region.
    struct Region: Sendable {
        var geonameid: Int
        var countryCode: String
    }

    /// A nationality form and its canonical singular ("Russians" → "Russian").
    struct Demonym: Sendable {
        var canonical: String
        var iso2: String
    }

    private(set) var countries: [Country] = []
    /// Country index by every name and alias.
    private(set) var countryByName: [String: Int] = [:]
    private(set) var places: [String: Place] = [:]
    private(set) var regions: [String: Region] = [:]
    private(set) var demonyms: [String: Demonym] = [:]

    static let empty = PlaceGazetteer()

    private init() {}

    /// Parses the generated table; malformed lines are a build defect and throw.
    init(tsv: String) throws {
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            func int(_ i: Int) -> Int? { i < f.count ? Int(f[i]) : nil }
            func double(_ i: Int) -> Double? { i < f.count ? Double(f[i]) : nil }
            switch f[0] {
            case "C" where f.count >= 5:
                guard let id = int(3), let population = int(4) else { break }
                let aliases = f.count > 5 ? f[5].split(separator: "|").map(String.init) : []
                let country = Country(name: String(f[1]), iso2: String(f[2]), geonameid: id, population: population, aliases: aliases)
                countries.append(country)
                for name in [country.name] + aliases where countryByName[name] == nil { countryByName[name] = countries.count - 1 }
                continue
            case "P" where f.count >= 7:
                guard let id = int(2), let lat = double(4), let lon = double(5), let population = int(6) else { break }
                places[String(f[1])] = Place(geonameid: id, countryCode: String(f[3]), latitude: lat, longitude: lon, population: population)
                continue
            case "R" where f.count >= 4:
                guard let id = int(2) else { break }
                if regions[String(f[1])] == nil { regions[String(f[1])] = Region(geonameid: id, countryCode: String(f[3])) }
                continue
            case "D" where f.count >= 4:
                demonyms[String(f[1])] = Demonym(canonical: String(f[2]), iso2: String(f[3]))
                continue
            default:
                break
            }
            throw ExtractionError(.resourceCorrupt, "gazetteer.tsv line \(lineNumber) is malformed")
        }
    }

    /// The bundled gazetteer.
    static func bundled() throws -> PlaceGazetteer {
        let data = try BundledResource.data(named: "gazetteer.tsv")
        return try PlaceGazetteer(tsv: String(decoding: data, as: UTF8.self))
    }

    /// The country of a name or alias ("U.S." → United States).
    func country(named name: String) -> Country? {
        countryByName[name].map { countries[$0] }
    }

    /// Whether `name` is a country, populated place or region: a geopolitical entity.
    func isGeopolitical(_ name: String) -> Bool {
        countryByName[name] != nil || places[name] != nil || regions[name] != nil
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
