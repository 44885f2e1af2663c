extension PatternScan {
    /// "10:30 a.m.", "5 p.m.", "this morning", "tonight", "three hours".
    mutating func time(at i: Int) -> Int? {
        let t = text(i).bytes
        if range.contains(i), tokens[i].kind == .number, t.contains(UInt8(ascii: ":")), !t.contains(UInt8(ascii: "/")) {
            return cls(i + 1).contains(.meridiem) ? i + 2 : i + 1
        }
        if isDigits(i) && cls(i + 1).contains(.meridiem) { return i + 2 }
        if cls(i).contains(.timeWord) { return i + 1 }
        if (text(i) == "this" || text(i) == "This" || cls(i).contains(.relativeDay) || cls(i).contains(.weekday) && isCapitalized(i)
            || text(i) == "last" || text(i) == "Last") && cls(i + 1).contains(.partOfDay) {
            return i + 2
        }
        var j = i
        if cls(j).contains(.approximately) && (text(j) != "than" && text(j) != "up") { j += 1 }
        if text(j) == "more" || text(j) == "less" || text(j) == "at" || text(j) == "up", text(j + 1) == "than" || text(j + 1) == "least" || text(j + 1) == "to" { j += 2 }
        if let end = number(at: j), cls(end).contains(.timeUnit) { return end + 1 }
        return nil
    }

    /// Dates, with the rule's confidence: calendar dates, weekdays, years, relative expressions,
    /// durations, seasons and frequencies ("Jan. 5", "Monday", "later this year", "daily").
    mutating func date(at i: Int) -> (Int, Double)? {
        if let end = calendarDate(at: i) { return (end, 0.95) }
        if cls(i).contains(.weekday) && isCapitalized(i) { return (i + 1, 0.95) }
        if cls(i).contains(.relativeDay) { return (i + 1, 0.9) }
        if range.contains(i), tokens[i].kind == .number {
            if isDecade(text(i)) { return (i + 1, 0.9) }  // the 1990s
            if slashCount(text(i)) == 2 { return (i + 1, 0.9) }  // 5/12/2023
        }
        if let end = relativeDate(at: i) { return (end, 0.85) }
        if let end = duration(at: i) { return (end, 0.8) }
        if isYear(i) && !cls(i + 1).contains(.unit) { return (i + 1, 0.85) }
        if cls(i).contains(.season) { return (i + 1, 0.7) }
        if cls(i).contains(.frequency) { return (i + 1, 0.6) }
        return nil
    }

    /// "January 5, 2023", "Jan. 5", "5 January 2023", "March 2022", "in May".
    private mutating func calendarDate(at i: Int) -> Int? {
        if isMonth(i) {
            var j = i + 1
            if isDay(j) {
                j += 1
                if text(j) == "," && isYear(j + 1) { j += 2 } else if isYear(j) { j += 1 }
                return j
            }
            if isYear(j) { return j + 1 }
            return isAmbiguousMonth(i) && !isCapitalizedContext(i) ? nil : j
        }
        if isDay(i), isMonth(i + 1) {
            return isYear(i + 2) ? i + 3 : i + 2
        }
        return nil
    }

    /// A day of the month: 1 to 31 in digits, or an ordinal number ("5th").
    private mutating func isDay(_ k: Int) -> Bool {
        isDigits(k) && (dayNumber(text(k)).map { (1...31).contains($0) } ?? false) || isDayOrdinal(k)
    }

    private mutating func isDayOrdinal(_ k: Int) -> Bool {
        guard ordinal(at: k) != nil, range.contains(k), tokens[k].kind == .number else { return false }
        return true
    }

    private mutating func isMonth(_ k: Int) -> Bool { cls(k).contains(.month) && isCapitalized(k) }

    /// "May" and "March" are also a verb and a modal; alone they need a preposition before them.
    private func isAmbiguousMonth(_ k: Int) -> Bool { text(k).isOne(of: Self.ambiguousMonths) }

    private static let ambiguousMonths: [StaticString] = ["May", "March", "MAY", "MARCH"]

    private func isCapitalizedContext(_ k: Int) -> Bool {
        text(k - 1).lowercasedIsOne(of: Self.monthPrepositions)
    }

    private static let monthPrepositions: [StaticString] = [
        "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "from", "before", "after",
    ]

    /// A decade: four digits and "s" ("1990s").
    private func isDecade(_ t: PatternText) -> Bool {
        let bytes = t.bytes
        guard t.isASCII else {
            let s = t.string
            return s.count == 5 && s.hasSuffix("s") && s.dropLast().allSatisfy(\.isNumber)
        }
        return bytes.count == 5 && bytes[4] == UInt8(ascii: "s") && bytes[0..<4].allSatisfy { $0 &- 0x30 < 10 }
    }

    /// The number of "/" characters.
    private func slashCount(_ t: PatternText) -> Int {
        guard t.isASCII else { return t.string.filter { $0 == "/" }.count }
        return t.bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
    }

    /// `Int(text)` of a token of digits and separators: `nil` unless all digits (or too long to be a day).
    private func dayNumber(_ t: PatternText) -> Int? {
        guard t.isASCIIDigits else { return nil }
        var value = 0
        for b in t.bytes {
            value = value * 10 + Int(b - 0x30)
            if value > 1_000 { return value }  // past any day; no overflow on long digit runs
        }
        return value
    }

    /// "last week", "later this year", "earlier this month", "the past two weeks", "recent years".
    private mutating func relativeDate(at i: Int) -> Int? {
        var j = i
        if cls(j).contains(.shift) && cls(j + 1).contains(.relative) { j += 1 }
        guard cls(j).contains(.relative) else { return nil }
        let relativeIsThat = text(j).equalsLowercased("that")
        j += 1
        if let end = number(at: j), cls(end).contains(.dateUnit) { return end + 1 }
        let head = cls(j)
        if head.contains(.dateUnit) || head.contains(.season) || (head.contains(.weekday) || head.contains(.month)) && isCapitalized(j) {
            // "that day" and "this season" are dates only as units of time, not "this year's budget"-style nouns elsewhere
            if relativeIsThat && !head.contains(.dateUnit) { return nil }
            return j + 1
        }
        return nil
    }

    /// "two years", "three days ago", "more than half a year", "a decade earlier".
    private mutating func duration(at i: Int) -> Int? {
        var j = i
        var hedged = false
        if (text(j) == "more" || text(j) == "less" || text(j) == "More" || text(j) == "Less") && text(j + 1) == "than" {
            j += 2
            hedged = true
        } else if cls(j).contains(.approximately) && text(j) != "than" && text(j) != "up" {
            j += 1
            hedged = true
        }
        var end: Int?
        if text(j) == "half" && (text(j + 1) == "a" || text(j + 1) == "an") {
            end = j + 2
        } else if text(j) == "a" || text(j) == "an" {
            end = j + 1
        } else {
            end = number(at: j)
        }
        guard let unitIndex = end, cls(unitIndex).contains(.dateUnit) else { return nil }
        let after = unitIndex + 1
        if cls(after).contains(.ago) && !cls(after).contains(.shift) || text(after) == "earlier" || text(after) == "later" {
            return after + 1
        }
        // "a year" alone is too often "once a year"; it needs a hedge or "ago".
        if (text(j) == "a" || text(j) == "an") && !hedged { return nil }
        return unitIndex + 1
    }
}
