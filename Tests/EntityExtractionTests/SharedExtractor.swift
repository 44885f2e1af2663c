@testable import EntityExtraction

/// One extractor for all tests that need the bundled resources: loading it is the slow part.
enum SharedExtractor {
    static let result: Result<Extractor, any Error> = Result { try Extractor() }

    static func get() throws -> Extractor { try result.get() }

    /// The entities of `text` as "TYPE name: mention|mention" lines, in output order.
    static func summary(_ text: String, title: String? = nil) throws -> [String] {
        try get().extract(Article(text: text, title: title)).entities.map {
            "\($0.type.rawValue) \($0.name): " + $0.mentions.map(\.text).joined(separator: "|")
        }
    }
}
