import Foundation

/// A JSON article: an object with `title`, `text` (or `body`), and optional `url` and
/// `published`, all strings (or `null` where optional). Other fields are ignored.
struct JSONArticle {
    var title: String?
    var text: String
    var url: String?
    var published: String?

    init(_ json: String) throws(ArticleReadingError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [])
        } catch {
            throw ArticleReadingError(.malformed, "malformed JSON: \(error.localizedDescription)")
        }
        guard let fields = object as? [String: Any] else {
            throw ArticleReadingError(.malformed, "the JSON article must be an object")
        }
        var body = try Self.string(fields, "text")
        if body == nil { body = try Self.string(fields, "body") }
        guard let body else {
            throw ArticleReadingError(.malformed, "the JSON article has no \"text\" or \"body\" string")
        }
        self.text = body
        self.title = try Self.string(fields, "title")
        self.url = try Self.string(fields, "url")
        self.published = try Self.string(fields, "published")
    }

    /// The field as a string; absent or `null` is `nil`; any other type is an error.
    private static func string(_ fields: [String: Any], _ key: String) throws(ArticleReadingError) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else {
            throw ArticleReadingError(.malformed, "JSON field \"\(key)\" must be a string")
        }
        return string
    }
}
