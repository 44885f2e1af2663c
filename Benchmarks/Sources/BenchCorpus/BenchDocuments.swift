import EntityExtraction
import Foundation

/// The CoNLL-2003 documents as the benchmarks use them: gold tokens per sentence, and the
/// same tokens as raw text, read with the project’s own CoNLL reader (`EntityExtraction.ConllCorpus`).
public struct BenchDocuments: Sendable {
    /// One `-DOCSTART-` document.
    public struct Document: Sendable {
        /// Gold tokens, one array per sentence, as the recognizer takes them.
        public var sentences: [[Substring]]
        /// Tokens joined by spaces, one sentence per line: what the whole pipeline reads.
        public var text: String
        public var wordCount: Int
    }

    public let documents: [Document]
    /// Gold tokens over all documents: the "words" of words per second.
    public let wordCount: Int

    /// Reads a CoNLL file (`token POS chunk NER` lines, blank line between sentences).
    public init(contentsOfFile path: String) throws {
        let corpus = try EntityExtraction.ConllCorpus(text: String(contentsOfFile: path, encoding: .utf8))
        documents = corpus.documents.compactMap { sentences in
            let tokens = sentences.map { $0.tokens.map { Substring($0) } }.filter { !$0.isEmpty }
            guard !tokens.isEmpty else { return nil }
            let text = tokens.map { $0.joined(separator: " ") }.joined(separator: "\n")
            return Document(sentences: tokens, text: text, wordCount: tokens.reduce(0) { $0 + $1.count })
        }
        guard !documents.isEmpty else { throw CorpusError(path: path) }
        wordCount = documents.reduce(0) { $0 + $1.wordCount }
    }

    /// `count` articles of at least `minimumWords` words each, made of consecutive sentences,
    /// each starting at a different place in the corpus so that no two are alike.
    public func articles(count: Int, minimumWords: Int) -> [BenchArticle] {
        let lines = documents.flatMap { document in
            document.sentences.map { (text: $0.joined(separator: " "), words: $0.count) }
        }
        var articles: [BenchArticle] = []
        articles.reserveCapacity(count)
        for index in 0..<count {
            var position = (index * 7919) % lines.count
            var words = 0
            var parts: [String] = []
            while words < minimumWords {
                parts.append(lines[position].text)
                words += lines[position].words
                position = (position + 1) % lines.count
            }
            articles.append(BenchArticle(text: parts.joined(separator: " "), words: words))
        }
        return articles
    }
}

/// A corpus file without a single sentence.
public struct CorpusError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "corpus-empty: no sentences in \(path)" }
}
