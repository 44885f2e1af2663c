import Foundation

/// Where one input ended up: its result in the outbox, or its error record in `failed/`.
enum Settlement {
    case processed(result: [String: Any])
    case quarantined(record: [String: Any])

    /// The quarantine reason code (`too_large`, `symlink`, …); nil for a processed input.
    var errorCode: String? {
        if case .quarantined(let record) = self { return record["code"] as? String }
        return nil
    }

    /// `source.encoding` of a processed input.
    var encoding: String? {
        if case .processed(let result) = self { return (result["source"] as? [String: Any])?["encoding"] as? String }
        return nil
    }

    var isProcessed: Bool {
        if case .processed = self { return true }
        return false
    }
}
