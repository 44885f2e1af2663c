import EntityExtraction

/// Loaded once: the model load is far slower than one fuzz iteration.
nonisolated(unsafe) let extractor = try! Extractor()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    if let result = try? extractor.extract(Article(text: text)) {
        let scalars = Array(text.unicodeScalars)
        for entity in result.entities {
            for mention in entity.mentions {
                precondition(mention.start >= 0 && mention.start < mention.end && mention.end <= scalars.count)
                precondition(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }
    return 0
}
