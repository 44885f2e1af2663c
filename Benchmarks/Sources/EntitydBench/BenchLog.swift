import Foundation

/// Progress lines on stderr, so that stdout carries only the table.
enum BenchLog {
    static func line(_ message: String) {
        FileHandle.standardError.write(Data("[bench] \(message)\n".utf8))
    }
}
