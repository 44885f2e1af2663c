import ArticleReading
import EntityExtraction
import Foundation
import Ingestion

/// Loaded once: the model load is far slower than one fuzz iteration.
let processor = ArticleProcessor(extractor: try! Extractor(), version: "fuzz")

/// The daemon's path for one file: bytes → `ArticleReader` → `Extractor` → outbox JSON,
/// with the format (so the file extension) chosen by the first byte and the rest as the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let fileExtension = FuzzInput.extensions[Int(data[0]) % FuzzInput.extensions.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do {
        let article = try processor.process(bytes, name: "fuzz.\(fileExtension)", receivedAt: "2026-01-01T00:00:00.000Z")
        FuzzInput.check(article.json, against: bytes, fileExtension: fileExtension)
    } catch {
        // A quarantine reason: needs a step and a message, nothing more.
        precondition(!error.code.isEmpty && !error.message.isEmpty, "failure without a reason: \(error)")
    }
    return 0
}
