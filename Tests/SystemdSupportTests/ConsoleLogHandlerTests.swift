import Foundation
import Logging
import Testing
@testable import SystemdSupport
#if canImport(Glibc)
import Glibc
#endif

/// Console lines written through a real pipe.
struct ConsoleLogHandlerTests {
    private func lines(level: Logger.Level, _ write: (Logger) -> Void) throws -> [String] {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        var handler = ConsoleLogHandler(label: "entityd.test", metadataProvider: nil, descriptor: ends[1])
        handler.logLevel = level
        handler[metadataKey: "instance"] = "a"
        let logger = Logger(label: "entityd.test") { _ in handler }
        write(logger)
        close(ends[1])
        let data = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func oneLinePerRecordWithLevelLabelMessageAndSortedMetadata() throws {
        let output = try lines(level: .info) { logger in
            logger.info("processed", metadata: ["entityd_file": "my file.txt", "entities": "3"])
            logger.error("two\nlines")
        }
        #expect(output.count == 2)
        let first = try #require(output.first)
        #expect(first.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil)
        #expect(first.hasSuffix(#"info entityd.test: processed entities=3 entityd_file="my file.txt" instance=a"#))
        #expect(output.last?.hasSuffix(#"error entityd.test: two\nlines instance=a"#) == true)
    }

    /// strftime's spelling, as the line's time was made before it was written digit by digit.
    private func strftimeReference(seconds: Int, nanoseconds: Int) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S", &parts)
        let base = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return base + "." + String(String(nanoseconds / 1_000_000 + 1000).dropFirst()) + "Z"
    }

    @Test func timestampsAreSpelledAsStrftimeWouldSpellThem() {
        var generator = SystemRandomNumberGenerator()
        var samples: [(Int, Int)] = [(0, 0), (951_782_400, 999_999_999), (1_764_047_442, 5_000_000), (4_102_444_799, 123_456_789), (-1, 1_000_000)]
        for _ in 0..<2_000 {
            samples.append((Int.random(in: 0...253_402_300_799, using: &generator), Int.random(in: 0..<1_000_000_000, using: &generator)))
        }
        for (seconds, nanoseconds) in samples {
            var line: [UInt8] = []
            ConsoleLine.appendTimestamp(seconds: seconds, nanoseconds: nanoseconds, to: &line)
            #expect(String(decoding: line, as: UTF8.self) == strftimeReference(seconds: seconds, nanoseconds: nanoseconds), "\(seconds).\(nanoseconds)")
        }
    }

    /// The byte-level pre-check must still catch C1 controls (two UTF-8 bytes) and leave
    /// other non-ASCII text alone.
    @Test func controlCharactersAreEscapedAndOtherTextIsKept() {
        #expect(ConsoleLine.escaped("Zürich – Kyiv") == "Zürich – Kyiv")
        #expect(ConsoleLine.escaped("a\u{85}b") == "a\\u{85}b")
        #expect(ConsoleLine.escaped("tab\there") == "tab\\there")
        #expect(ConsoleLine.quotedIfNeeded("São_Paulo") == "São_Paulo")
        #expect(ConsoleLine.quotedIfNeeded("a\u{9F}") == String(reflecting: "a\u{9F}"))
        #expect(ConsoleLine.quotedIfNeeded("a=b") == String(reflecting: "a=b"))
    }

    @Test func recordsBelowTheLevelAreNotWritten() throws {
        let output = try lines(level: .warning) { logger in
            logger.info("hidden")
            logger.warning("shown")
        }
        #expect(output.count == 1)
        #expect(output.first?.contains("warning entityd.test: shown") == true)
    }

    @Test func handlerMetadataIsAValue() {
        var original = ConsoleLogHandler(label: "a")
        original[metadataKey: "k"] = "1"
        var copy = original
        copy[metadataKey: "k"] = "2"
        #expect(original[metadataKey: "k"] == "1")
        #expect(copy[metadataKey: "k"] == "2")
    }
}
