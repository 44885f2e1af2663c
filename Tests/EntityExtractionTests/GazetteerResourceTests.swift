import Foundation
import Testing
@testable import EntityExtraction

@Suite struct GazetteerResourceTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let committed = repo.appendingPathComponent("Sources/EntityExtraction/Resources/gazetteer.bin")

    /// Runs scripts/build-gazetteer (from ../shared/data) into a temporary file and returns its bytes.
    static func generate(_ arguments: [String]) throws -> Data {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = repo.appendingPathComponent("scripts/build-gazetteer")
        process.arguments = arguments + ["--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: output)
    }

    @Test func theCommittedGazetteerIsWhatTheGeneratorBuildsFromTheSharedData() throws {
        #expect(try Self.generate([]) == Data(contentsOf: Self.committed), "run scripts/build-gazetteer and commit the result")
    }

    @Test func theBinaryGazetteerHoldsExactlyTheEntriesOfItsTextForm() throws {
        let text = GazetteerText(String(decoding: try Self.generate(["--tsv"]), as: UTF8.self))
        let binary = try PlaceGazetteer(binary: [UInt8](try Data(contentsOf: Self.committed)))

        #expect(binary.countries.map(\.name) == text.countries.map(\.name))
        for (country, expected) in zip(binary.countries, text.countries) {
            #expect(country.iso2 == expected.iso2 && country.geonameid == expected.geonameid)
            #expect(country.population == expected.population && country.aliases == expected.aliases)
        }
        #expect(binary.places.count == text.places.count && binary.regions.count == text.regions.count)
        for (name, expected) in text.places {
            let place = binary.places[name]
            // Coordinates must be the very Doubles the text parses to: they go into the output JSON.
            #expect(place?.geonameid == expected.geonameid && place?.countryCode == expected.countryCode
                && place?.latitude == expected.latitude && place?.longitude == expected.longitude
                && place?.population == expected.population, "\(name)")
        }
        for (name, expected) in text.regions {
            let region = binary.regions[name]
            #expect(region?.geonameid == expected.geonameid && region?.countryCode == expected.countryCode, "\(name)")
        }
        #expect(Set(binary.places.keys) == Set(text.places.keys) && Set(binary.regions.keys) == Set(text.regions.keys))
        #expect(binary.demonyms.count == text.demonyms.count)
        for (form, expected) in text.demonyms {
            #expect(binary.demonyms[form]?.canonical == expected.canonical && binary.demonyms[form]?.iso2 == expected.iso2, "\(form)")
        }
    }

    @Test func theBundledGazetteerKnowsCountriesPlacesRegionsAndDemonyms() throws {
        let gazetteer = try SharedExtractor.get().gazetteer
        #expect(gazetteer.country(named: "U.S.")?.name == "United States")
        #expect(gazetteer.country(named: "Britain")?.iso2 == "GB")
        #expect(gazetteer.places["Bakhmut"]?.countryCode == "UA")
        #expect(gazetteer.regions["Donetsk"]?.countryCode == "UA")
        #expect(gazetteer.demonyms["Russians"]?.canonical == "Russian")
        #expect(gazetteer.isGeopolitical("Kyiv") && !gazetteer.isGeopolitical("Middle East"))
        #expect(gazetteer.places["Bakhmu"] == nil && gazetteer.places[""] == nil)
    }

    @Test func aNameSpelledWithCombiningAccentsFindsTheSamePlaceAsSwiftStringEquality() throws {
        let gazetteer = try SharedExtractor.get().gazetteer
        let precomposed = "Bogot\u{E1}", decomposed = "Bogota\u{301}"
        #expect(precomposed == decomposed)
        #expect(gazetteer.places[precomposed] != nil)
        #expect(gazetteer.places[decomposed]?.geonameid == gazetteer.places[precomposed]?.geonameid)
    }

    @Test func aTruncatedOrReorderedGazetteerIsReportedAsCorrupt() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.committed))
        func isCorrupt(_ error: any Error) -> Bool { (error as? ExtractionError)?.code == .resourceCorrupt }
        #expect(performing: { _ = try PlaceGazetteer(binary: Array(bytes.dropLast(3))) }, throws: isCorrupt)
        #expect(performing: { _ = try PlaceGazetteer(binary: Array("EGAZ".utf8) + [9, 0, 0, 0]) }, throws: isCorrupt)
        #expect(performing: { _ = try PlaceGazetteer(binary: bytes + [0]) }, throws: isCorrupt)
        // Swap two names of the same length: lengths still add up, but the hash order breaks.
        let names = try GazetteerNames(bytes: Array("ab".utf8), lengths: [1, 1], table: "test")
        let first = names.name(at: 0), second = names.name(at: 1)
        #expect(performing: { _ = try GazetteerNames(bytes: Array((second + first).utf8), lengths: [1, 1], table: "test") }, throws: isCorrupt)
    }
}
