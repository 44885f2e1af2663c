import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The one-line text form of a record, used by the console handler and by the journal
/// handler's stderr fallback: `<UTC time> <level> <label>: <message> key=value …`.
enum ConsoleLine {
    static func format(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        var line = "\(timestamp()) \(level) \(label): \(escaped(message))"
        for key in metadata.keys.sorted() {
            line += " \(key)=\(quotedIfNeeded(metadata[key]!.description))"
        }
        return line + "\n"
    }

    /// Writes the whole line with as few write(2) calls as the kernel allows.
    static func write(_ line: String, to descriptor: Int32) {
        var bytes = Array(line.utf8)
        var offset = 0
        bytes.withUnsafeMutableBytes { raw in
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

    /// ISO 8601 UTC with milliseconds, from the C library (no Foundation needed for one line).
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S", &parts)
        let base = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let millis = Int(now.tv_nsec / 1_000_000)
        return base + "." + String(String(millis + 1000).dropFirst()) + "Z"
    }
}
