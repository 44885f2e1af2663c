import Foundation
import Testing
@testable import EntityExtraction

@Suite struct GazetteerResourceTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theCommittedGazetteerIsWhatTheGeneratorBuildsFromTheSharedData() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = Self.repo.appendingPathComponent("scripts/build-gazetteer")
        process.arguments = ["--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let built = try Data(contentsOf: output)
        let committed = try Data(contentsOf: Self.repo.appendingPathComponent("Sources/EntityExtraction/Resources/gazetteer.tsv"))
        #expect(built == committed, "run scripts/build-gazetteer and commit the result")
    }

    @Test func theBundledGazetteerKnowsCountriesPlacesRegionsAndDemonyms() throws {
        let gazetteer = try SharedExtractor.get().gazetteer
        #expect(gazetteer.country(named: "U.S.")?.name == "United States")
        #expect(gazetteer.country(named: "Britain")?.iso2 == "GB")
        #expect(gazetteer.places["Bakhmut"]?.countryCode == "UA")
        #expect(gazetteer.regions["Donetsk"]?.countryCode == "UA")
        #expect(gazetteer.demonyms["Russians"]?.canonical == "Russian")
        #expect(gazetteer.isGeopolitical("Kyiv") && !gazetteer.isGeopolitical("Middle East"))
    }

    @Test func aMalformedGazetteerLineIsReportedWithItsNumber() {
        #expect {
            _ = try PlaceGazetteer(tsv: "# header\nC\tUkraine\tUA\tnot-a-number\t1\t\n")
        } throws: { ($0 as? ExtractionError)?.code == .resourceCorrupt && "\($0)".contains("line 2") }
    }
}
