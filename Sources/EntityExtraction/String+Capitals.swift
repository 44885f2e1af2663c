extension String {
    /// Written in capitals: at least two letters and none in lower case ("WASHINGTON", "U.S.").
    var isShouted: Bool {
        var letters = 0
        var ascii = true
        for b in utf8 {
            if b >= 0x80 { ascii = false; break }
            if b &- 0x61 < 26 { return false }
            if b &- 0x41 < 26 { letters += 1 }
        }
        if ascii { return letters >= 2 }
        letters = 0
        for scalar in unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.isLowercaseFast { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Each word with an upper-case first letter and the rest lower case: "NEW YORK" → "New York".
    var titleCasedWords: String {
        split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let first = word.first else { return "" }
            return first.uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
