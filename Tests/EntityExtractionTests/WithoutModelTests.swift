import Testing
@testable import EntityExtraction

@Suite struct WithoutModelTests {
    @Test func withoutTheStatisticalModelPlacesCountriesAndDemonymsStillComeFromTheGazetteer() throws {
        let extractor = try Extractor(configuration: ExtractorConfiguration(useStatisticalModel: false))
        #expect(extractor.modelName.hasPrefix("none"))
        let result = try extractor.extract(Article(text: "Russian forces shelled Kharkiv and Kiev, Ukraine said on Monday."))
        let summary = Set(result.entities.map { "\($0.type.rawValue) \($0.name)" })
        #expect(summary == ["NORP Russian", "GPE Kharkiv", "GPE Kyiv", "GPE Ukraine", "DATE Monday"])
    }
}
