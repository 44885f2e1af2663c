/// Appends JSON text to a byte buffer, byte for byte as Foundation's `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` writes the same values.
///
/// The outbox writer and `entityd extract` encode every result with it: Foundation's encoder
/// goes through `Encoder` containers, boxes and a key sort per object, which cost more than
/// the whole extraction on Linux.
public struct JSONWriter: Sendable {
    /// The JSON text written so far, UTF-8.
    public var bytes: [UInt8]

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends JSON punctuation or a key already in JSON form (ASCII, nothing to escape).
    @inline(__always) public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one byte of JSON punctuation.
    @inline(__always) public mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Appends `null`.
    public mutating func null() { raw("null") }

    /// Appends a string literal, escaped as `JSONEncoder` escapes (`"`, `\`, control characters).
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Appends a string literal of a substring.
    public mutating func string(_ value: Substring) {
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Appends a string literal or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Appends an integer in decimal.
    public mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(value.magnitude)
        } else {
            appendDigits(UInt(value))
        }
    }

    /// Appends a number as `JSONEncoder` writes a `Double`: its shortest round-trip spelling,
    /// without a trailing `.0` ("1", "0.25", "1e-05").
    public mutating func double(_ value: Double) {
        if value == value.rounded(.towardZero), abs(value) < 1e15, value != 0 || value.sign == .plus {
            int(Int(value))  // what `description` spells "N.0"
            return
        }
        if value > 0, value < 1, appendShortDecimal(value) { return }
        var text = value.description
        text.withUTF8 { utf8 in
            let dropsPointZero = utf8.count > 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<(dropsPointZero ? utf8.count - 2 : utf8.count)]))
        }
    }

    /// Appends a number or `null`.
    public mutating func double(_ value: Double?) {
        if let value { double(value) } else { null() }
    }

    /// Writes `value` in (0, 1) as "0.d", "0.dd", "0.ddd" or "0.dddd" when that decimal reads back
    /// as exactly `value`: then it is the shortest round-trip spelling `description` gives (no
    /// other decimal of at most four digits lies within an ulp). `false`, writing nothing, otherwise.
    private mutating func appendShortDecimal(_ value: Double) -> Bool {
        var scale = 1.0
        for places in 1...4 {
            scale *= 10
            let scaled = (value * scale).rounded()
            guard scaled / scale == value else { continue }
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "."))
            var digits = Int(scaled)
            var divisor = Int(scale) / 10
            for _ in 0..<places {
                bytes.append(UInt8(truncatingIfNeeded: digits / divisor) &+ 0x30)
                digits %= divisor
                divisor = max(1, divisor / 10)
            }
            return true
        }
        return false
    }

    private mutating func appendDigits(_ value: UInt) {
        var power: UInt = 1
        while power <= value / 10 { power *= 10 }
        var rest = value
        while true {
            let digit = rest / power
            bytes.append(UInt8(truncatingIfNeeded: digit) &+ 0x30)
            rest -= digit * power
            if power == 1 { break }
            power /= 10
        }
    }

    /// Which bytes need an escape: 0 = none, else the letter after the backslash (`u` for `\u00XX`).
    private static let escapes: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x22: return UInt8(ascii: "\"")
        case 0x5C: return UInt8(ascii: "\\")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        case 0..<0x20: return UInt8(ascii: "u")
        default: return 0
        }
    }

    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        Self.escapes.withUnsafeBufferPointer { escapes in
            var runStart = 0
            for i in 0..<text.count {
                let escape = escapes[Int(text[i])]
                guard escape != 0 else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                if escape == UInt8(ascii: "u") {
                    let hex: StaticString = "0123456789abcdef"
                    let b = Int(text[i])
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(hex.utf8Start[b >> 4])
                    bytes.append(hex.utf8Start[b & 0xF])
                }
                runStart = i + 1
            }
            if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
