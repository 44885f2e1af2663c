import EntityExtraction
import Ingestion

/// Loaded once: the model load is far slower than one fuzz iteration.
let processor = ArticleProcessor(extractor: try! Extractor(), version: "fuzz")

/// The daemon's path for one file: bytes → `ArticleReader` → `Extractor` → outbox JSON,
/// with the format (so the file extension) chosen by the first byte and the rest as the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)), processor: processor)
    return 0
}
