extension PatternScan {
    /// "10:30 a.m.", "5 p.m.", "this morning", "tonight", "three hours".
    mutating func time(at i: Int) -> Int? {
        if flags(i).contains(.clock) {
            return cls(i + 1).contains(.meridiem) ? i + 2 : i + 1
        }
        if isDigits(i) && cls(i + 1).contains(.meridiem) { return i + 2 }
        if cls(i).contains(.timeWord) { return i + 1 }
        let first = word(i)
        if (first == .this || first == .This || cls(i).contains(.relativeDay) || isCapitalizedWeekday(i)
            || first == .last || first == .Last) && cls(i + 1).contains(.partOfDay) {
            return i + 2
        }
        var j = i
        if cls(j).contains(.approximately) && (word(j) != .than && word(j) != .up) { j += 1 }
        let hedge = word(j), next = word(j + 1)
        if hedge == .more || hedge == .less || hedge == .at || hedge == .up, next == .than || next == .least || next == .to { j += 2 }
        if let end = number(at: j), cls(end).contains(.timeUnit) { return end + 1 }
        return nil
    }

    /// Dates, with the rule's confidence: calendar dates, weekdays, years, relative expressions,
    /// durations, seasons and frequencies ("Jan. 5", "Monday", "later this year", "daily").
    mutating func date(at i: Int) -> (Int, Double)? {
        if let end = calendarDate(at: i) { return (end, 0.95) }
        if isCapitalizedWeekday(i) { return (i + 1, 0.95) }
        if cls(i).contains(.relativeDay) { return (i + 1, 0.9) }
        if flags(i).contains(.decade) { return (i + 1, 0.9) }  // the 1990s
        if flags(i).contains(.twoSlashes) { return (i + 1, 0.9) }  // 5/12/2023
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
                if word(j) == .comma && isYear(j + 1) { j += 2 } else if isYear(j) { j += 1 }
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
    private func isDay(_ k: Int) -> Bool {
        let t = trait(k)
        return t.flags.contains(.dayNumber) || t.flags.contains(.number) && (t.classes.contains(.ordinal) || t.flags.contains(.numberOrdinal))
    }

    /// A month name in capitals ("May", "Jan."): `cls(k).contains(.month)` and `text(k).startsUppercase`.
    private func isMonth(_ k: Int) -> Bool {
        let t = trait(k)
        return t.classes.contains(.month) && t.flags.contains(.capitalizedDateWord)
    }

    /// `cls(k).contains(.weekday)` and `text(k).startsUppercase`.
    private func isCapitalizedWeekday(_ k: Int) -> Bool {
        let t = trait(k)
        return t.classes.contains(.weekday) && t.flags.contains(.capitalizedDateWord)
    }

    /// "May" and "March" are also a verb and a modal; alone they need a preposition before them.
    private func isAmbiguousMonth(_ k: Int) -> Bool {
        let w = word(k)
        return w == .May || w == .March || w == .MAY || w == .MARCH
    }

    private func isCapitalizedContext(_ k: Int) -> Bool {
        text(k - 1).lowercasedIsOne(of: Self.monthPrepositions)
    }

    private static let monthPrepositions: [StaticString] = [
        "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "from", "before", "after",
    ]

    /// "last week", "later this year", "earlier this month", "the past two weeks", "recent years".
    private mutating func relativeDate(at i: Int) -> Int? {
        var j = i
        if cls(j).contains(.shift) && cls(j + 1).contains(.relative) { j += 1 }
        guard cls(j).contains(.relative) else { return nil }
        let relativeIsThat = text(j).equalsLowercased("that")
        j += 1
        if let end = number(at: j), cls(end).contains(.dateUnit) { return end + 1 }
        let head = cls(j)
        if head.contains(.dateUnit) || head.contains(.season) || (head.contains(.weekday) || head.contains(.month)) && flags(j).contains(.capitalizedDateWord) {
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
        let hedge = word(j)
        if (hedge == .more || hedge == .less || hedge == .More || hedge == .Less) && word(j + 1) == .than {
            j += 2
            hedged = true
        } else if cls(j).contains(.approximately) && hedge != .than && hedge != .up {
            j += 1
            hedged = true
        }
        var end: Int?
        let unit = word(j)
        if unit == .half && (word(j + 1) == .a || word(j + 1) == .an) {
            end = j + 2
        } else if unit == .a || unit == .an {
            end = j + 1
        } else {
            end = number(at: j)
        }
        guard let unitIndex = end, cls(unitIndex).contains(.dateUnit) else { return nil }
        let after = unitIndex + 1
        if cls(after).contains(.ago) && !cls(after).contains(.shift) || word(after) == .earlier || word(after) == .later {
            return after + 1
        }
        // "a year" alone is too often "once a year"; it needs a hedge or "ago".
        if (unit == .a || unit == .an) && !hedged { return nil }
        return unitIndex + 1
    }
}
