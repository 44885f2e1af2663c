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
    ///
    /// Works on the UTF-8 bytes: splitting 42,000 lines by `Character` cost 1.8 G instructions
    /// (~250 ms of every daemon start); bytes make it a small fraction of that.
    init(tsv: String) throws {
        var text = tsv
        try text.withUTF8 { try parse($0) }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        typealias Field = Slice<UnsafeBufferPointer<UInt8>>
        func string(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
            func int(_ i: Int) -> Int? { i < f.count ? Self.integer(f[i]) : nil }
            func double(_ i: Int) -> Double? { i < f.count ? Double(string(f[i])) : nil }
            switch f[0].count == 1 ? f[0].first! : 0 {
            case UInt8(ascii: "C") where f.count >= 5:
                guard let id = int(3), let population = int(4) else { break }
                let aliases = f.count > 5 ? f[5].split(separator: UInt8(ascii: "|")).map(string) : []
                let country = Country(name: string(f[1]), iso2: string(f[2]), geonameid: id, population: population, aliases: aliases)
                countries.append(country)
                for name in [country.name] + aliases where countryByName[name] == nil { countryByName[name] = countries.count - 1 }
                continue
            case UInt8(ascii: "P") where f.count >= 7:
                guard let id = int(2), let lat = double(4), let lon = double(5), let population = int(6) else { break }
                places[string(f[1])] = Place(geonameid: id, countryCode: string(f[3]), latitude: lat, longitude: lon, population: population)
                continue
            case UInt8(ascii: "R") where f.count >= 4:
                guard let id = int(2) else { break }
                let name = string(f[1])
                if regions[name] == nil { regions[name] = Region(geonameid: id, countryCode: string(f[3])) }
                continue
            case UInt8(ascii: "D") where f.count >= 4:
                demonyms[string(f[1])] = Demonym(canonical: string(f[2]), iso2: string(f[3]))
                continue
            default:
                break
            }
            throw ExtractionError(.resourceCorrupt, "gazetteer.tsv line \(lineNumber) is malformed")
        }
    }

    /// A decimal integer with an optional sign, as `Int(_: String)` reads it; nil otherwise.
    private static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var rest = digits[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        var value = 0
        for byte in rest {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(negative ? -Int(digit) : Int(digit))
            guard !o1 && !o2 else { return nil }
            value = sum
        }
        return value
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
