import Foundation

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
