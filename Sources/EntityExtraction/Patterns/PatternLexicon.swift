/// What a word can be in a numeric or temporal expression; a word may be several things.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let weekday = WordClass(rawValue: 1 << 0)
    static let month = WordClass(rawValue: 1 << 1)
    static let season = WordClass(rawValue: 1 << 2)
    /// today, yesterday, tomorrow
    static let relativeDay = WordClass(rawValue: 1 << 3)
    /// daily, weekly, annually
    static let frequency = WordClass(rawValue: 1 << 4)
    /// day(s), week(s), month(s), year(s), decade(s)
    static let dateUnit = WordClass(rawValue: 1 << 5)
    /// hour(s), minute(s), seconds
    static let timeUnit = WordClass(rawValue: 1 << 6)
    /// morning, afternoon, evening, night
    static let partOfDay = WordClass(rawValue: 1 << 7)
    /// last, next, this, past, coming, previous, recent
    static let relative = WordClass(rawValue: 1 << 8)
    /// earlier, later, early, late
    static let shift = WordClass(rawValue: 1 << 9)
    /// about, nearly, almost, over, some, roughly
    static let approximately = WordClass(rawValue: 1 << 10)
    /// ago
    static let ago = WordClass(rawValue: 1 << 11)
    /// one … ninety, hundred, thousand, dozen
    static let numberWord = WordClass(rawValue: 1 << 12)
    /// dozens, hundreds, thousands, millions
    static let pluralNumber = WordClass(rawValue: 1 << 13)
    /// first, second, 21st
    static let ordinal = WordClass(rawValue: 1 << 14)
    /// million, billion, bn, m
    static let multiplier = WordClass(rawValue: 1 << 15)
    /// dollars, euros, hryvnias
    static let currencyWord = WordClass(rawValue: 1 << 16)
    /// $, €, £
    static let currencySymbol = WordClass(rawValue: 1 << 17)
    /// %, percent, pct
    static let percent = WordClass(rawValue: 1 << 18)
    /// km, miles, tonnes
    static let unit = WordClass(rawValue: 1 << 19)
    /// a.m., p.m., am, pm
    static let meridiem = WordClass(rawValue: 1 << 20)
    /// noon, midnight, tonight
    static let timeWord = WordClass(rawValue: 1 << 21)
}

/// The word lists behind the patterns, keyed by lower-cased token text.
enum PatternLexicon {
    static let classes: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ words: [String], _ cls: WordClass) { for w in words { table[w, default: []].insert(cls) } }
        add(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon.", "tue.", "tues.", "wed.", "thu.", "thurs.", "fri.", "sat.", "sun."], .weekday)
        add(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
             "nov.", "dec.", "jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec"], .month)
        add(["winter", "spring", "summer", "autumn", "winters", "summers"], .season)
        add(["today", "yesterday", "tomorrow"], .relativeDay)
        add(["daily", "weekly", "monthly", "annually", "yearly", "quarterly", "nightly"], .frequency)
        add(["day", "days", "week", "weeks", "weekend", "weekends", "month", "months", "year", "years", "decade",
             "decades", "century", "centuries", "quarter", "fortnight", "season"], .dateUnit)
        add(["hour", "hours", "minute", "minutes", "seconds"], .timeUnit)
        add(["morning", "afternoon", "evening", "night", "overnight"], .partOfDay)
        add(["last", "next", "this", "past", "coming", "previous", "recent", "same", "that", "following"], .relative)
        add(["earlier", "later", "early", "late", "mid"], .shift)
        add(["about", "around", "nearly", "almost", "over", "some", "roughly", "approximately", "just", "only",
             "under", "least", "than", "up"], .approximately)
        add(["ago", "earlier", "later", "before"], .ago)
        add(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
             "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
             "billion", "trillion", "dozen"], .numberWord)
        add(["dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"], .pluralNumber)
        add(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth",
             "thousandth", "millionth"], .ordinal)
        add(["million", "billion", "trillion", "bn", "m", "mn", "mln", "b", "k", "tn", "trn", "thousand"], .multiplier)
        add(["dollar", "dollars", "dlrs", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
             "ruble", "rubles", "rouble", "roubles", "hryvnia", "hryvnias", "hryvnias", "rupee", "rupees", "franc",
             "francs", "cent", "cents", "pence", "peso", "pesos", "won", "lira", "shekel", "shekels", "dinar",
             "dinars", "riyal", "riyals", "zloty", "krona", "kronor", "krone"], .currencyWord)
        add(["$", "€", "£", "¥", "₴", "₽", "₹", "₩", "₪", "us$", "c$", "a$", "hk$"], .currencySymbol)
        add(["%", "percent", "pct", "per-cent"], .percent)
        add(["km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter",
             "meters", "kg", "kilogram", "kilograms", "kilo", "kilos", "tonne", "tonnes", "ton", "tons", "feet",
             "foot", "inch", "inches", "cm", "mm", "barrels", "barrel", "bbl", "hectares", "hectare", "acres", "acre",
             "litres", "liters", "litre", "liter", "gallons", "gallon", "mph", "kph", "degrees", "lb", "lbs",
             "grams", "gram", "ounces", "ounce", "mw", "gw", "kw", "kwh", "megawatts", "gigawatts", "sq"], .unit)
        add(["a.m.", "p.m.", "am", "pm", "a.m", "p.m"], .meridiem)
        add(["noon", "midnight", "tonight", "midday", "dawn", "dusk"], .timeWord)
        return table
    }()

    /// Length, first and last byte (ASCII letters folded to lower case) of every listed word: most
    /// tokens are ruled out by one array read instead of building and hashing a string.
    static let signatures: [Bool] = {
        var table = [Bool](repeating: false, count: 15 * 1024)
        for word in classes.keys { table[signature(Substring(word).utf8)] = true }
        return table
    }()

    @inline(__always) private static func signature(_ utf8: some BidirectionalCollection<UInt8>) -> Int {
        signature(count: utf8.count, first: utf8.first ?? 0, last: utf8.last ?? 0)
    }

    /// The signature of a word of `count` bytes from its first and last byte: below 15 × 1024.
    @inline(__always) static func signature(count: Int, first: UInt8, last: UInt8) -> Int {
        func fold(_ b: UInt8) -> Int { Int((b >= 0x41 && b <= 0x5A ? b | 0x20 : b) & 31) }
        return min(count, 14) * 1024 + fold(first) * 32 + fold(last)
    }

    /// The classes of a token; empty for words in no list (and for long tokens, without lookup).
    /// The ASCII words of `classes`, for lookups straight from token bytes.
    static let asciiClasses = ASCIIWordTable(
        classes.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } }.map { (word: $0.key, value: $0.value.rawValue) })

    /// The classes of a token's UTF-8 bytes; as `classes(of:)` of its text.
    static func classes(of bytes: UnsafeBufferPointer<UInt8>) -> WordClass {
        guard bytes.count <= 14, signatures[signature(bytes)] else { return [] }
        if PatternText.isASCII(bytes) { return WordClass(rawValue: asciiClasses.value(folding: bytes) ?? 0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return classes[bytes.contains { $0 &- 0x41 < 26 } ? text.lowercased() : text] ?? []
    }

    static func classes(of text: Substring) -> WordClass {
        guard text.utf8.count <= 14, signatures[signature(text.utf8)] else { return [] }
        let hasCapital = text.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }
        return classes[hasCapital ? text.lowercased() : String(text)] ?? []
    }
}
