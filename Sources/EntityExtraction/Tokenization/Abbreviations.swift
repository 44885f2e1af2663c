/// Word lists the tokenizer consults, keyed by up to eight ASCII bytes packed into an integer
/// so lookups need no `String`.
enum Abbreviations {
    /// Packs `range` of `bytes` (at most 8 ASCII bytes) into a key; `nil` when it does not fit.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercased: Bool = false) -> UInt64? {
        guard !range.isEmpty, range.count <= 8 else { return nil }
        var key: UInt64 = 0
        for i in range {
            var b = bytes[i]
            guard b < 0x80 else { return nil }
            if lowercased && b >= 0x41 && b <= 0x5A { b |= 0x20 }
            key = key << 8 | UInt64(b)
        }
        return key
    }

    /// The key of a string literal, built the same way.
    static func key(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Words that keep a following period: titles, company suffixes, months, days, Latin.
    /// Case matters: "Gen." is a title, "gen." is not in the list.
    static let withPeriod: Set<UInt64> = Set(titlesWithPeriod.union(otherWithPeriod).map(key))

    /// Abbreviated titles: never the end of a sentence.
    static let titlesWithPeriod: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cpt", "Maj", "Adm", "Cmdr", "Gov",
        "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Fr", "Sr", "Jr", "St", "Mt", "Messrs", "Mme", "Mlle",
        "Brig", "Cpl", "Pvt", "Amb", "Atty", "Lieut", "Gens", "No", "Nos", "Vol", "Fig", "Ft",
    ]

    private static let otherWithPeriod: Set<String> = [
        "Inc", "Ltd", "Corp", "Co", "Bros", "Plc", "Cos", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
        "vs", "etc", "approx", "est", "cf", "al", "viz", "Calif", "Fla", "Mass", "Penn", "Conn", "Ariz",
    ]

    /// Clitics split off a word after an apostrophe: `’s`, `'re`, `'ve`, `'ll`, `'d`, `'m`.
    static let clitics: Set<UInt64> = Set(["s", "re", "ve", "ll", "d", "m"].map(key))
    /// The `t` of `n't`.
    static let negationClitic: UInt64 = key("t")

    /// Letter suffixes split off a number: multipliers and units ("1.2bn", "40km").
    static let numberSuffixes: Set<UInt64> = Set([
        "bn", "b", "m", "mn", "mln", "k", "tn", "trn", "km", "kg", "cm", "mm", "g", "mg", "lb", "lbs", "mph",
        "kph", "kmh", "ft", "mi", "ml", "l", "t", "mw", "gw", "kw", "kwh", "gwh", "am", "pm", "h", "hrs", "min",
        "sq", "m2", "km2", "ha", "bbl", "oz", "pct",
    ].map(key))

    /// Capitalized number suffixes that are still multipliers or units.
    static let capitalNumberSuffixes: Set<UInt64> = Set(["M", "B", "K", "BN", "MN", "KM", "KG", "MW", "GW", "KW", "T", "TN"].map(key))
}
