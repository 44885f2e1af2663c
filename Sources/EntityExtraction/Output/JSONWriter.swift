/// Appends JSON text to a byte buffer, byte for byte as Foundation's `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` writes the same values.
///
/// The outbox writer and `entityd extract` encode every result with it: Foundation's encoder
/// goes through `Encoder` containers, boxes and a key sort per object, which cost more than
/// the whole extraction on Linux.
public struct JSONWriter: Sendable {
    /// Written bytes are `storage[0..<count]`; the rest is room, so that appending is a copy
    /// into place rather than the array's general `append(contentsOf:)`.
    private var storage: [UInt8]
    private var count = 0

    /// The JSON text written so far, UTF-8.
    public var bytes: [UInt8] {
        get { count == storage.count ? storage : Array(storage[0..<count]) }
        // In place: the spare room is dropped (capacity kept), the caller appends, the count follows.
        _modify {
            storage.removeSubrange(count...)
            yield &storage
            count = storage.count
        }
        set {
            storage = newValue
            count = newValue.count
        }
    }

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        storage = [UInt8](repeating: 0, count: max(64, capacity))
    }

    /// Appends JSON punctuation or a key already in JSON form (ASCII, nothing to escape).
    @inline(__always) public mutating func raw(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends one byte of JSON punctuation.
    @inline(__always) public mutating func byte(_ b: UInt8) {
        if count == storage.count { grow(1) }
        storage[count] = b
        count += 1
    }

    /// Copies `n` bytes from `source` to the end.
    @inline(__always) private mutating func append(_ source: UnsafePointer<UInt8>, _ n: Int) {
        if storage.count - count < n { grow(n) }
        let at = count
        storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + at).update(from: source, count: n) }
        count += n
    }

    @inline(__always) private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        if let base = source.baseAddress { append(base, source.count) }
    }

    /// Room for at least `n` more bytes: the storage doubles (zero-filled; only `count` bytes are text).
    private mutating func grow(_ n: Int) {
        storage += repeatElement(0, count: max(storage.count, n))
    }

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
            byte(UInt8(ascii: "-"))
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
        // `write(to:)` spells a finite Double as `description` does, into a stack buffer handed
        // to the stream as ASCII: no String is made.
        var stream = DigitStream()
        value.write(to: &stream)
        let count = stream.count
        withUnsafeBytes(of: &stream.bytes) { raw in
            let utf8 = raw.bindMemory(to: UInt8.self)
            let dropsPointZero = count > 2 && utf8[count - 2] == UInt8(ascii: ".") && utf8[count - 1] == UInt8(ascii: "0")
            append(utf8.baseAddress!, dropsPointZero ? count - 2 : count)
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
            var digits = Int(scaled)
            var text: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x30, 0x2E, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &text) { out in
                for k in stride(from: places + 1, through: 2, by: -1) {
                    out[k] = UInt8(truncatingIfNeeded: digits % 10) &+ 0x30
                    digits /= 10
                }
            }
            withUnsafeBytes(of: &text) { append($0.bindMemory(to: UInt8.self).baseAddress!, places + 2) }
            return true
        }
        return false
    }

    private mutating func appendDigits(_ value: UInt) {
        // Right to left into a buffer long enough for any UInt (20 digits).
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var rest = value
        var start = 24
        withUnsafeMutableBytes(of: &buffer) { out in
            repeat {
                start -= 1
                out[start] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            } while rest > 0
        }
        withUnsafeBytes(of: &buffer) { append($0.bindMemory(to: UInt8.self).baseAddress! + start, 24 - start) }
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
        byte(UInt8(ascii: "\""))
        // Most strings need no escape: one scan, one copy.
        if !text.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            append(text)
            byte(UInt8(ascii: "\""))
            return
        }
        Self.escapes.withUnsafeBufferPointer { escapes in
            var runStart = 0
            for i in 0..<text.count {
                let escape = escapes[Int(text[i])]
                guard escape != 0 else { continue }
                if runStart < i { append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
                byte(UInt8(ascii: "\\"))
                byte(escape)
                if escape == UInt8(ascii: "u") {
                    let hex: StaticString = "0123456789abcdef"
                    let b = Int(text[i])
                    byte(UInt8(ascii: "0"))
                    byte(UInt8(ascii: "0"))
                    byte(hex.utf8Start[b >> 4])
                    byte(hex.utf8Start[b & 0xF])
                }
                runStart = i + 1
            }
            if runStart < text.count { append(UnsafeBufferPointer(rebasing: text[runStart...])) }
        }
        byte(UInt8(ascii: "\""))
    }
}

/// Receives a number's spelling from `TextOutputStreamable.write(to:)`: up to 32 ASCII bytes in place.
struct DigitStream: TextOutputStream {
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var count = 0

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(buffer)
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        let start = count
        let n = min(buffer.count, 32 - start)
        withUnsafeMutableBytes(of: &bytes) { out in
            for k in 0..<n { out[start + k] = buffer[k] }
        }
        count += n
    }
}
