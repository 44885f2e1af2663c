extension String {
    /// Written in capitals: at least two letters and none in lower case ("WASHINGTON", "U.S.").
    var isShouted: Bool {
        // ASCII text decided on its contiguous bytes (native strings); `nil`: not ASCII or not contiguous.
        let asciiAnswer = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var letters = 0
            for b in bytes {
                if b >= 0x80 { return nil }
                if b &- 0x61 < 26 { return false }
                if b &- 0x41 < 26 { letters += 1 }
            }
            return letters >= 2
        }
        if let answer = asciiAnswer ?? nil { return answer }
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
        var copy = self
        if let ascii = copy.withUTF8({ bytes -> String? in
            guard PatternText.isASCII(bytes) else { return nil }
            // ASCII: a letter after a space (or first) in upper case, every other letter in lower case.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var wordStart = true
                for k in 0..<bytes.count {
                    let b = bytes[k]
                    if wordStart {
                        out[k] = b &- 0x61 < 26 ? b &- 0x20 : b
                    } else {
                        out[k] = b &- 0x41 < 26 ? b | 0x20 : b
                    }
                    wordStart = b == UInt8(ascii: " ")
                }
                return bytes.count
            }
        }) {
            return ascii
        }
        return split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let first = word.first else { return "" }
            return first.uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
