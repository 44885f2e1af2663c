/// The forward scan behind `HTMLText`: walks tags, skips hidden content, collects text.
struct HTMLScanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    var output = RenderedText()
    /// Raw (undecoded) text of `<title>`, when present.
    var title: String?
    /// Raw text of the first `<h1>`, when present.
    var firstHeading: String?
    private var capturingTitle = false
    private var headingState = HeadingCapture.notYet
    private var preDepth = 0

    private enum HeadingCapture { case notYet, capturing, done }

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    mutating func run() {
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", handleMarkup() {
                continue
            }
            appendText(scalar)
            index += 1
        }
    }

    private mutating func appendText(_ scalar: Unicode.Scalar) {
        if capturingTitle {
            title!.unicodeScalars.append(scalar)
            return
        }
        if headingState == .capturing { firstHeading!.unicodeScalars.append(scalar) }
        output.append(scalar, preformatted: preDepth > 0)
    }

    /// Consumes the markup at `index` (a `<`) and returns true, or false for a literal `<`.
    private mutating func handleMarkup() -> Bool {
        if matches("<!--") {
            index = position(of: "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
            return true
        }
        if matches("<![CDATA[") {
            let end = position(of: "]]>", from: index + 9) ?? scalars.count
            for scalar in scalars[(index + 9)..<end] { appendText(scalar) }
            index = min(end + 3, scalars.count)
            return true
        }
        if matches("<!") || matches("<?") {
            index = position(of: ">", from: index).map { $0 + 1 } ?? scalars.count
            return true
        }
        let closing = index + 1 < scalars.count && scalars[index + 1] == "/"
        var cursor = index + (closing ? 2 : 1)
        var name = ""
        while cursor < scalars.count, isNameCharacter(scalars[cursor]) {
            name.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        guard !name.isEmpty, let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        name = name.lowercased()
        let end = endOfTag(from: cursor)
        let selfClosing = end > 0 && scalars[end - 1] == "/"
        index = min(end + 1, scalars.count)
        if closing {
            closeElement(name)
        } else {
            openElement(name, selfClosing: selfClosing)
        }
        return true
    }

    private mutating func openElement(_ name: String, selfClosing: Bool) {
        if HTMLText.hiddenElements.contains(name), !selfClosing {
            index = endOfRawText(named: name)
            return
        }
        if name == "title", !selfClosing, title == nil {
            title = ""
            capturingTitle = true
            return
        }
        if HTMLText.blockElements.contains(name) { output.breakLine(paragraph: name != "br" && name != "li" && name != "td" && name != "th") }
        if name == "pre" { preDepth += 1 }
        if name == "h1", headingState == .notYet {
            firstHeading = ""
            headingState = .capturing
        }
    }

    private mutating func closeElement(_ name: String) {
        if name == "title", capturingTitle {
            capturingTitle = false
            return
        }
        if name == "pre", preDepth > 0 { preDepth -= 1 }
        if name == "h1", headingState == .capturing { headingState = .done }
        if HTMLText.blockElements.contains(name) { output.breakLine(paragraph: name != "li" && name != "td" && name != "th") }
    }

    /// Index of the `>` that ends the tag whose attributes start at `cursor` (quotes respected).
    private func endOfTag(from cursor: Int) -> Int {
        var cursor = cursor
        var quote: Unicode.Scalar?
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return cursor
            }
            cursor += 1
        }
        return scalars.count
    }

    /// Index just past `</name ...>` ending a hidden element, or the end of the document.
    private func endOfRawText(named name: String) -> Int {
        var cursor = index
        let closing = Array(("</" + name).unicodeScalars)
        while let found = position(of: closing, from: cursor) {
            let after = found + closing.count
            if after >= scalars.count || !isNameCharacter(scalars[after]) {
                return min(endOfTag(from: after) + 1, scalars.count)
            }
            cursor = after
        }
        return scalars.count
    }

    private func matches(_ literal: String) -> Bool {
        var cursor = index
        for expected in literal.unicodeScalars {
            guard cursor < scalars.count, lowercase(scalars[cursor]) == lowercase(expected) else { return false }
            cursor += 1
        }
        return true
    }

    private func position(of literal: String, from start: Int) -> Int? {
        position(of: Array(literal.unicodeScalars), from: start)
    }

    /// First case-insensitive occurrence of `needle` at or after `start`.
    private func position(of needle: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, scalars.count >= needle.count else { return nil }
        var cursor = start
        let first = lowercase(needle[0])
        while cursor <= scalars.count - needle.count {
            if lowercase(scalars[cursor]) == first {
                var offset = 1
                while offset < needle.count, lowercase(scalars[cursor + offset]) == lowercase(needle[offset]) { offset += 1 }
                if offset == needle.count { return cursor }
            }
            cursor += 1
        }
        return nil
    }

    private func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
    }
}
