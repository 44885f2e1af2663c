/// Converts between typed spans and BILOU label sequences.
///
/// Decoding repairs sequences a constrained decoder never produces but a caller might hand
/// in (a `B` that is never closed, an `I` or `L` with no open span, a type switch inside a
/// span): every token carrying an entity label ends up in exactly one span.
public struct BILOUDecoder: Sendable {
    /// The label inventory sequences are read in.
    public let labels: LabelSet

    /// A decoder over `labels`.
    public init(labels: LabelSet) { self.labels = labels }

    /// The label sequence of `spans` over `count` tokens; spans with unknown types are dropped.
    public func encode(_ spans: [TypedSpan], count: Int) -> [Int] {
        var result = [Int](repeating: 0, count: count)
        for span in spans {
            guard let t = labels.types.firstIndex(of: span.type), !span.range.isEmpty,
                  span.range.lowerBound >= 0, span.range.upperBound <= count else { continue }
            if span.range.count == 1 {
                result[span.range.lowerBound] = labels.label(type: t, part: .unit)
                continue
            }
            for i in span.range { result[i] = labels.label(type: t, part: .inside) }
            result[span.range.lowerBound] = labels.label(type: t, part: .begin)
            result[span.range.upperBound - 1] = labels.label(type: t, part: .last)
        }
        return result
    }

    /// The spans of a label sequence, repairing ill-formed runs.
    public func decode(_ sequence: [Int]) -> [TypedSpan] {
        var spans: [TypedSpan] = []
        decode(count: sequence.count, label: { sequence[$0] }) { range, type in
            spans.append(TypedSpan(range, labels.types[type]))
        }
        return spans
    }

    /// Allocation-free core: calls `emit(range, typeIndex)` for each span, in order.
    @inline(__always)
    func decode(count: Int, label: (Int) -> Int, emit: (Range<Int>, Int) -> Void) {
        var openStart = -1
        var openType = -1
        for i in 0..<count {
            let l = label(i)
            guard let t = labels.type(of: l), let p = labels.part(of: l) else {
                if openStart >= 0 { emit(openStart..<i, openType); openStart = -1 }
                continue
            }
            let continues = openStart >= 0 && openType == t && (p == .inside || p == .last)
            if !continues {
                if openStart >= 0 { emit(openStart..<i, openType) }
                openStart = i
                openType = t
            }
            if p == .last || p == .unit {
                emit(openStart..<(i + 1), openType)
                openStart = -1
            }
        }
        if openStart >= 0 { emit(openStart..<count, openType) }
    }
}
