import Foundation

/// The CoNLL-2003 documents of one file: gold tokens per sentence, and the same tokens as raw text.
public struct ConllCorpus: Sendable {
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
        let content = try String(contentsOfFile: path, encoding: .utf8)
        var documents: [Document] = []
        var sentences: [[Substring]] = []
        var sentence: [Substring] = []
        func endSentence() {
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
        }
        func endDocument() {
            endSentence()
            guard !sentences.isEmpty else { return }
            let text = sentences.map { $0.joined(separator: " ") }.joined(separator: "\n")
            documents.append(Document(sentences: sentences, text: text, wordCount: sentences.reduce(0) { $0 + $1.count }))
            sentences = []
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                endSentence()
            } else if line.hasPrefix("-DOCSTART-") {
                endDocument()
            } else if let token = line.split(separator: " ", maxSplits: 1).first {
                sentence.append(token)
            }
        }
        endDocument()
        guard !documents.isEmpty else { throw CorpusError(path: path) }
        self.documents = documents
        self.wordCount = documents.reduce(0) { $0 + $1.wordCount }
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
