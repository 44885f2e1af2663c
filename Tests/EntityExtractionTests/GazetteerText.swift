/// The text form of the gazetteer (`scripts/build-gazetteer --tsv`), read plainly: the
/// reference the binary `gazetteer.bin` must agree with, entry for entry.
struct GazetteerText {
    var countries: [(name: String, iso2: String, geonameid: Int, population: Int, aliases: [String])] = []
    var places: [String: (geonameid: Int, countryCode: String, latitude: Double, longitude: Double, population: Int)] = [:]
    /// The first region line of a name (the daemon keeps one region per name).
    var regions: [String: (geonameid: Int, countryCode: String)] = [:]
    var demonyms: [String: (canonical: String, iso2: String)] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch f[0] {
            case "C":
                countries.append((f[1], f[2], Int(f[3])!, Int(f[4])!, f[5].split(separator: "|").map(String.init)))
            case "P":
                places[f[1]] = (Int(f[2])!, f[3], Double(f[4])!, Double(f[5])!, Int(f[6])!)
            case "R":
                if regions[f[1]] == nil { regions[f[1]] = (Int(f[2])!, f[3]) }
            default:
                demonyms[f[1]] = (f[2], f[3])
            }
        }
    }
}
