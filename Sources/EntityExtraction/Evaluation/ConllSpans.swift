/// Entity spans of an IOB tag sequence with conlleval's rules, which accept IOB1 and IOB2:
/// a span starts at `B-X`, or at `I-X` after a tag that is not of type X; it ends where the
/// next tag is `O`, `B-*` or of another type. `E-`/`S-` (IOBES) are read as `I-`/`B-` ends.
public enum ConllSpans {
    /// The spans of one sentence's tags, in order.
    public static func spans(of tags: [String]) -> [TypedSpan] {
        var spans: [TypedSpan] = []
        var start = -1
        var type = ""
        for (i, tag) in tags.enumerated() {
            let (prefix, tagType) = split(tag)
            let continues = start >= 0 && tagType == type && (prefix == "I" || prefix == "E" || prefix == "L")
            if !continues {
                if start >= 0 { spans.append(TypedSpan(start..<i, type)) }
                start = -1
                if let tagType {
                    start = i
                    type = tagType
                }
            }
            if start >= 0 && (prefix == "E" || prefix == "L" || prefix == "S" || prefix == "U") {
                spans.append(TypedSpan(start..<(i + 1), type))
                start = -1
            }
        }
        if start >= 0 { spans.append(TypedSpan(start..<tags.count, type)) }
        return spans
    }

    private static func split(_ tag: String) -> (Character?, String?) {
        guard tag != "O", tag.count >= 3, let dash = tag.firstIndex(of: "-"), tag.distance(from: tag.startIndex, to: dash) == 1 else {
            return (nil, nil)
        }
        return (tag.first, String(tag[tag.index(after: dash)...]))
    }
}
