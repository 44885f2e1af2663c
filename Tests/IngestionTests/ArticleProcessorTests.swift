import EntityExtraction
import Foundation
import Testing
@testable import Ingestion

@Suite struct ArticleProcessorTests {
    let processor: ArticleProcessor

    init() throws {
        processor = ArticleProcessor(extractor: try Extractor(), version: "9.9.9")
    }

    @Test func resultKeysComeInTheContractsOrder() throws {
        let text = "Chancellor Olaf Scholz travelled to Paris."
        let processed = try processor.process(Array(text.utf8), name: "a.txt", receivedAt: "2026-11-24T16:02:11.123Z")
        let json = String(decoding: processed.json, as: UTF8.self)
        #expect(json.hasPrefix("{\"schema_version\":1,\"source\":{\"name\":\"a.txt\",\"bytes\":\(text.utf8.count),\"sha256\":\"\(processed.sha256)\",\"format\":\"text\",\"encoding\":\"utf-8\",\"received_at\":\"2026-11-24T16:02:11.123Z\"},\"article\":"))
        let order = ["\"article\":", "\"entities\":", "\"extractor\":{\"name\":\"entityd\",\"version\":\"9.9.9\",\"model\":"]
        let positions = order.map { json.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(json.hasSuffix("}\n"))
        #expect(!json.dropLast().contains("\n"))
    }

    @Test func theResultIsValidJSONWithANullTitleAndCodePointCounts() throws {
        let text = "Zelensky’s speech in Kyiv 😀."
        let processed = try processor.process(Array(text.utf8), name: "b.txt", receivedAt: "t")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(processed.json)) as? [String: Any])
        let article = try #require(object["article"] as? [String: Any])
        #expect(article["title"] is NSNull)
        #expect(article["characters"] as? Int == text.unicodeScalars.count)
        #expect(processed.sha256 == SHA256.hexDigest(of: Array(text.utf8)))
        #expect(processed.entityCount == (object["entities"] as? [Any])?.count)
    }

    @Test func sourceCarriesURLAndPublishedFromJSONInput() throws {
        let input = #"{"title":"T","text":"Lagos is large.","url":"https://example.org/x","published":"2026-11-24"}"#
        let processed = try processor.process(Array(input.utf8), name: "c.json", receivedAt: "t")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(processed.json)) as? [String: Any])
        let source = try #require(object["source"] as? [String: Any])
        #expect(source["url"] as? String == "https://example.org/x")
        #expect(source["published"] as? String == "2026-11-24")
        #expect(source["format"] as? String == "json")
        #expect((object["article"] as? [String: Any])?["title"] as? String == "T")
    }

    @Test func failuresNameTheirStep() {
        #expect(throws: ArticleFailure(step: .decode, code: "undecodable", message: "binary content: NUL character in utf-8 text")) {
            try processor.process([0x41, 0x00], name: "d.txt", receivedAt: "t")
        }
        #expect(throws: ArticleFailure.self) { try processor.process(Array("x".utf8), name: "e.bin", receivedAt: "t") }
    }
}
