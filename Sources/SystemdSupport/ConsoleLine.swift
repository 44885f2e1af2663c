import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The one-line text form of a record, used by the console handler and by the journal
/// handler's stderr fallback: `<UTC time> <level> <label>: <message> key=value …`.
enum ConsoleLine {
    /// The line's UTF-8 bytes, newline-terminated. Built straight into one buffer: the daemon
    /// logs a record per article, and string interpolation plus strftime cost several
    /// allocations per line.
    static func format(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(64 + label.utf8.count + message.utf8.count + metadata.count * 48)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        appendTimestamp(seconds: now.tv_sec, nanoseconds: now.tv_nsec, to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: level.rawValue.utf8)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: label.utf8)
        line.append(contentsOf: ": ".utf8)
        line.append(contentsOf: escaped(message).utf8)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            line.append(contentsOf: quotedIfNeeded(value.description).utf8)
        }
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// Writes the whole line with as few write(2) calls as the kernel allows.
    static func write(_ line: [UInt8], to descriptor: Int32) {
        var offset = 0
        line.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // stderr itself is gone: nothing left to report to
                }
            }
        }
    }

    /// ISO 8601 UTC with milliseconds (`2026-11-25T05:10:42.123Z`), as strftime's
    /// `%Y-%m-%dT%H:%M:%S` plus the milliseconds would spell it, digits written directly.
    static func appendTimestamp(seconds: Int, nanoseconds: Int, to line: inout [UInt8]) {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = Int(parts.tm_year) + 1900
        if (1000...9999).contains(year) {
            appendDigits(year, count: 4, to: &line)
        } else {
            line.append(contentsOf: String(year).utf8)  // strftime's %Y: no padding, any width
        }
        line.append(UInt8(ascii: "-"))
        appendDigits(Int(parts.tm_mon) + 1, count: 2, to: &line)
        line.append(UInt8(ascii: "-"))
        appendDigits(Int(parts.tm_mday), count: 2, to: &line)
        line.append(UInt8(ascii: "T"))
        appendDigits(Int(parts.tm_hour), count: 2, to: &line)
        line.append(UInt8(ascii: ":"))
        appendDigits(Int(parts.tm_min), count: 2, to: &line)
        line.append(UInt8(ascii: ":"))
        appendDigits(Int(parts.tm_sec), count: 2, to: &line)
        line.append(UInt8(ascii: "."))
        appendDigits(nanoseconds / 1_000_000, count: 3, to: &line)
        line.append(UInt8(ascii: "Z"))
    }

    /// `value` (non-negative, below 10^count) as exactly `count` decimal digits.
    private static func appendDigits(_ value: Int, count: Int, to line: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A record stays one line: line breaks and other control characters are escaped.
    static func escaped(_ text: String) -> String {
        guard mayContainControl(text),
              text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func quotedIfNeeded(_ value: String) -> String {
        let plain = !value.isEmpty && !value.utf8.contains {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=")
        } && !(mayContainControl(value) && value.unicodeScalars.contains { $0.properties.generalCategory == .control })
        return plain ? value : String(reflecting: value)
    }

    /// False only when `text` certainly has no control character (Cc: U+0000–U+001F, U+007F,
    /// U+0080–U+009F, the last encoded as C2 80–C2 9F): a byte scan, so that a plain record
    /// does not pay a Unicode property lookup per character.
    static func mayContainControl(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
    }
}
