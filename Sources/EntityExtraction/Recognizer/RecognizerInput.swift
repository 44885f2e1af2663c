/// A document as the recognizer reads it: UTF-8 bytes, every token's byte range in them, and
/// the sentences as ranges of token indices. Taken from a `TokenizedText`, it shares the
/// text's arrays (no String or Substring per token); gold tokens are copied into it once.
struct RecognizerInput {
    let utf8: [UInt8]
    /// Token t is `utf8[byteRanges[t]]`.
    let byteRanges: [Range<Int>]
    /// The sentences read, in order, as ranges of indices into `byteRanges`.
    let sentences: ArraySlice<Range<Int>>

    /// Sentences `sentences` of `text`.
    init(_ text: TokenizedText, sentences: Range<Int>) {
        utf8 = text.utf8
        byteRanges = text.byteRanges
        self.sentences = text.sentences[sentences]
    }

    /// A document given as its sentences' token strings.
    init(_ document: [[Substring]]) {
        var utf8: [UInt8] = [], byteRanges: [Range<Int>] = [], sentences: [Range<Int>] = []
        sentences.reserveCapacity(document.count)
        for sentence in document {
            let first = byteRanges.count
            for token in sentence {
                let start = utf8.count
                utf8.append(contentsOf: token.utf8)
                byteRanges.append(start..<utf8.count)
            }
            sentences.append(first..<byteRanges.count)
        }
        self.utf8 = utf8
        self.byteRanges = byteRanges
        self.sentences = sentences[...]
    }

    /// Number of tokens in the sentences read.
    var tokenCount: Int { sentences.reduce(0) { $0 + $1.count } }
}
