/// Turns the bytes of an article file into a `ReadArticle`: the format comes from the file
/// name's extension, the encoding from the bytes (see `TextDecoder`).
public enum ArticleReader {
    /// Reads `bytes` as the article file `fileName`.
    public static func read(_ bytes: [UInt8], fileName: String) throws(ArticleReadingError) -> ReadArticle {
        guard let format = ArticleFormat(fileName: fileName) else {
            throw ArticleReadingError(.unsupportedFormat, "no reader for the extension of \(fileName.debugDescription)")
        }
        return try read(bytes, format: format)
    }

    /// Reads `bytes` in a known format.
    public static func read(_ bytes: [UInt8], format: ArticleFormat) throws(ArticleReadingError) -> ReadArticle {
        let (decoded, encoding) = try TextDecoder.decode(bytes)
        var result: ReadArticle
        switch format {
        case .text:
            result = ReadArticle(text: decoded, title: nil, format: format, encoding: encoding)
        case .markdown:
            result = ReadArticle(text: decoded, title: MarkdownTitle.find(in: decoded), format: format, encoding: encoding)
        case .html:
            let html = HTMLText(html: decoded)
            result = ReadArticle(text: html.text, title: html.title, format: format, encoding: encoding)
        case .json:
            let json = try JSONArticle(decoded)
            result = ReadArticle(text: json.text, title: json.title, format: format, encoding: encoding, url: json.url, published: json.published)
        }
        guard result.text.contains(where: { !$0.isWhitespace }) else {
            throw ArticleReadingError(.empty, "the article has no text")
        }
        return result
    }
}
