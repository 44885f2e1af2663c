/// Token-per-line annotated text (CoNLL-2003 or GMB layout): documents of sentences of
/// tokens, each with its tag from the last column.
public struct ConllCorpus: Sendable {
    /// One sentence: tokens and their IOB tags (e.g. "B-PER", "I-ORG", "O").
    public struct Sentence: Sendable, Hashable {
        /// Token strings as in the file.
        public var tokens: [String]
        /// The last column of each token line, e.g. "B-PER".
        public var tags: [String]

        /// A sentence from parallel token and tag arrays.
        public init(tokens: [String], tags: [String]) {
            self.tokens = tokens
            self.tags = tags
        }
    }

    /// Documents, each a list of sentences. A file without `-DOCSTART-` lines is one document.
    public var documents: [[Sentence]]

    /// A corpus from documents already in memory.
    public init(documents: [[Sentence]]) { self.documents = documents }

    /// Parses the text of a CoNLL file. Lines with fewer than two columns are an error.
    public init(text: String) throws {
        var documents: [[Sentence]] = []
        var document: [Sentence] = []
        var tokens: [String] = []
        var tags: [String] = []
        func endSentence() {
            if !tokens.isEmpty { document.append(Sentence(tokens: tokens, tags: tags)) }
            tokens.removeAll()
            tags.removeAll()
        }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if columns.isEmpty { endSentence(); continue }
            if columns[0] == "-DOCSTART-" {
                endSentence()
                if !document.isEmpty { documents.append(document) }
                document = []
                continue
            }
            guard columns.count >= 2 else {
                throw RecognizerError(.invalidTrainingData, "line \(lineNumber): expected a token and a tag, found \"\(line)\"")
            }
            tokens.append(String(columns[0]))
            tags.append(String(columns[columns.count - 1]))
        }
        endSentence()
        if !document.isEmpty { documents.append(document) }
        self.documents = documents
    }

    /// All sentences of all documents.
    public var sentences: [Sentence] { documents.flatMap { $0 } }

    /// Number of tokens.
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.reduce(0) { $0 + $1.tokens.count } } }

    /// The corpus with every tag's type renamed by `map` (nil → `O`); IOB prefixes are kept.
    public func mappingTypes(_ map: (String) -> String?) -> ConllCorpus {
        ConllCorpus(documents: documents.map { document in
            document.map { sentence in
                Sentence(tokens: sentence.tokens, tags: sentence.tags.map { tag in
                    guard tag.count > 2, tag.dropFirst().first == "-", let type = map(String(tag.dropFirst(2))) else { return "O" }
                    return String(tag.prefix(2)) + type
                })
            }
        })
    }
}
