/// Accumulates rendered text the way a browser lays it out: whitespace runs collapse to one
/// space, block boundaries become a line break or a blank line, never more than one.
struct RenderedText {
    private var scalars = String.UnicodeScalarView()
    /// Whitespace seen since the last visible character, not yet written.
    private var pendingSpace = false
    /// Line breaks requested since the last visible character (0, 1 or 2).
    private var pendingBreaks = 0

    mutating func append(_ scalar: Unicode.Scalar, preformatted: Bool) {
        if preformatted {
            flush()
            scalars.append(scalar)
            return
        }
        if scalar.properties.isWhitespace, scalar != "\u{A0}" {
            pendingSpace = true
            return
        }
        flush()
        scalars.append(scalar)
    }

    /// Requests a line break (`paragraph`: a blank line) before the next visible character.
    mutating func breakLine(paragraph: Bool) {
        pendingBreaks = max(pendingBreaks, paragraph ? 2 : 1)
    }

    private mutating func flush() {
        if scalars.isEmpty {
            pendingBreaks = 0
            pendingSpace = false
            return
        }
        if pendingBreaks > 0 {
            scalars.append(contentsOf: String(repeating: "\n", count: pendingBreaks).unicodeScalars)
        } else if pendingSpace {
            scalars.append(" ")
        }
        pendingBreaks = 0
        pendingSpace = false
    }

    /// The text laid out so far.
    func finish() -> String { String(scalars) }
}
