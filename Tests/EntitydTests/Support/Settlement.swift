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

extension StateDirectory {
    /// Every settled input by its name: `source.name` of each outbox result and `name` of
    /// each `failed/*.error.json`. An input with more than one settlement is a defect.
    func settlements() -> [String: [Settlement]] {
        var found: [String: [Settlement]] = [:]
        for file in names("outbox") {
            if let result = json("outbox/" + file), let name = (result["source"] as? [String: Any])?["name"] as? String {
                found[name, default: []].append(.processed(result: result))
            }
        }
        for file in names("failed") where file.hasSuffix(".error.json") {
            if let record = json("failed/" + file), let name = record["name"] as? String {
                found[name, default: []].append(.quarantined(record: record))
            }
        }
        return found
    }

    /// Waits until each of `inputs` has settled, then returns each one's only settlement
    /// (throws when an input settled twice).
    func waitForSettlements(of inputs: [String], timeout: Double = 300) throws -> [String: Settlement] {
        try Wait.until("all \(inputs.count) inputs are in the outbox or failed/", timeout: timeout) {
            let found = settlements()
            return inputs.allSatisfy { found[$0] != nil }
        }
        var result: [String: Settlement] = [:]
        for (name, all) in settlements() {
            guard all.count == 1 else { throw DaemonTestError("\(name.debugDescription) settled \(all.count) times") }
            result[name] = all[0]
        }
        return result
    }
}
