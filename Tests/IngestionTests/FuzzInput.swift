import ArticleReading
import Foundation
import Ingestion

/// One fuzz input through the daemon's path for one file, and the properties every result
/// must have, whatever the bytes. Shared by the libFuzzer target (`Fuzz/`, through a
/// symbolic link) and `FuzzRegressionTests`, which replays the committed inputs.
enum FuzzInput {
    /// First byte of a fuzz input modulo this count picks the file extension (and so the format).
    static let extensions = ["txt", "md", "html", "json"]

    /// The first byte picks the format, the rest is the file: processed, its result must
    /// pass `check`; refused, the failure must carry a code and a message.
    static func run(_ input: [UInt8], processor: ArticleProcessor) {
        guard let first = input.first else { return }
        let fileExtension = extensions[Int(first) % extensions.count]
        let bytes = Array(input.dropFirst())
        do {
            let article = try processor.process(bytes, name: "fuzz.\(fileExtension)", receivedAt: "2026-01-01T00:00:00.000Z")
            check(article.json, against: bytes, fileExtension: fileExtension)
        } catch {
            precondition(!error.code.isEmpty && !error.message.isEmpty, "failure without a reason: \(error)")
        }
    }

    /// The result is one line of valid JSON per the contract, and every mention is exactly
    /// its code point slice of the text the reader produced.
    static func check(_ json: [UInt8], against bytes: [UInt8], fileExtension: String) {
        precondition(json.last == 0x0A && !json.dropLast().contains(0x0A), "result is not one newline-terminated line")
        guard let document = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
              document["schema_version"] as? Int == 1,
              let source = document["source"] as? [String: Any], source["bytes"] as? Int == bytes.count,
              let article = document["article"] as? [String: Any],
              let entities = document["entities"] as? [[String: Any]] else {
            preconditionFailure("result is not valid contract JSON: \(String(decoding: json, as: UTF8.self).prefix(300))")
        }
        let read = try! ArticleReader.read(bytes, fileName: "fuzz.\(fileExtension)")
        let scalars = Array(read.text.unicodeScalars)
        precondition(article["characters"] as? Int == scalars.count, "characters differs from the text read")
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                guard let start = mention["start"] as? Int, let end = mention["end"] as? Int, let text = mention["text"] as? String else {
                    preconditionFailure("mention without start, end or text: \(mention)")
                }
                precondition(start >= 0 && start < end && end <= scalars.count, "mention \(start)..<\(end) outside the text")
                precondition(String(String.UnicodeScalarView(scalars[start..<end])) == text, "mention text is not its slice")
            }
        }
    }
}
