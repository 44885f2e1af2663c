import Foundation
import Testing
@testable import EntityExtraction

/// The integer-arithmetic spelling of Doubles in [0.001, 1) against `description`, the reference
/// `JSONEncoder` uses. `ENTITYD_DOUBLE_CHECKS` raises the number of values per kind.
/// Values come from `SplitMix64` with fixed seeds, so a failure reproduces.
struct JSONDoubleSpellingTests {
    private static let checks = ProcessInfo.processInfo.environment["ENTITYD_DOUBLE_CHECKS"].flatMap { Int($0) } ?? 200_000

    /// The fast spelling, or nil where it leaves the value to `description`.
    private static func fast(_ value: Double) -> String? {
        var buffer = [UInt8](repeating: 0, count: JSONCursor.maximumNumberLength)
        return buffer.withUnsafeMutableBufferPointer { b -> String? in
            var cursor = JSONCursor(p: b.baseAddress!)
            guard cursor.shortestFraction(value) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: b.baseAddress!, count: cursor.p - b.baseAddress!), as: UTF8.self)
        }
    }

    /// What `JSONEncoder` writes: `description` without a trailing ".0".
    private static func reference(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func written(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.double(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Checks `values`; returns how many took the fast path.
    private static func check(_ values: [Double]) -> Int {
        var taken = 0
        for value in values {
            if let spelled = fast(value) {
                taken += 1
                #expect(spelled == reference(value), "\(value.bitPattern)")
            }
            #expect(written(value) == reference(value), "\(value.bitPattern)")
        }
        return taken
    }

    @Test func randomValuesFromAThousandthToOneAreSpelledAsDescriptionSpellsThem() {
        var mix = SplitMix64(seed: 0x5EED)
        let low = (0.001).bitPattern, high = (1.0).bitPattern
        let values = (0..<Self.checks).map { _ in Double(bitPattern: low + mix.next() % (high - low)) }
        #expect(Self.check(values) > values.count * 9 / 10)  // the fast path takes nearly all
    }

    @Test func valuesNearShortDecimalsAreSpelledAsDescriptionSpellsThem() {
        // Decimals of 1 to 17 digits and their neighbours a few ulps away: ties, boundaries and short spellings.
        var mix = SplitMix64(seed: 0xD1617)
        var values: [Double] = []
        for _ in 0..<Self.checks / 8 {
            let places = 1 + Int(mix.next() % 19)
            let denominator = pow(10.0, Double(places))
            let decimal = Double(mix.next() % UInt64(denominator)) / denominator
            guard decimal >= 0.001 else { continue }
            var up = decimal, down = decimal
            values.append(decimal)
            for _ in 0..<3 {
                up = up.nextUp
                down = down.nextDown
                values.append(up)
                values.append(down)
            }
        }
        #expect(Self.check(values.filter { $0 < 1 }) > 0)
    }

    @Test func computedConfidencesAndPowersOfTwoAreSpelledAsDescriptionSpellsThem() {
        var mix = SplitMix64(seed: 0xC0F1)
        var values: [Double] = []
        for _ in 0..<Self.checks / 4 {
            let a = Double(mix.next() % 1_000_000) / 1_000_000, b = Double(mix.next() % 1_000_000 + 1) / 1_000_000
            values.append(contentsOf: [a * b, Double(Float(a)), exp(-a * 7), a / (a + b), 1 / (1 + exp(-a))])
        }
        for e in 1...10 {
            let power = pow(2.0, -Double(e))
            values.append(contentsOf: [power, power.nextUp, power.nextDown])
        }
        values.append(contentsOf: [0.001, (0.001).nextUp, 0.01, (0.01).nextDown, 0.1, (0.1).nextDown, (0.1).nextUp, (1.0).nextDown, 0.3, 0.1 + 0.2])
        #expect(Self.check(values.filter { $0 > 0 && $0 < 1 }) > values.count / 2)
    }
}
