/// Entity-level precision, recall and F1 with conlleval semantics: a predicted span counts
/// only when its boundaries and type both match a gold span exactly.
public struct EntityScore: Sendable, Hashable {
    /// Counts for one type (or overall).
    public struct Counts: Sendable, Hashable {
        /// Spans in the gold data.
        public var gold = 0
        /// Spans predicted (duplicates counted once).
        public var predicted = 0
        /// Predicted spans whose boundaries and type match a gold span.
        public var correct = 0

        /// Counts as given.
        public init(gold: Int = 0, predicted: Int = 0, correct: Int = 0) {
            self.gold = gold
            self.predicted = predicted
            self.correct = correct
        }

        /// Percentage of predicted spans that are correct (0 when none predicted).
        public var precision: Double { predicted == 0 ? 0 : 100 * Double(correct) / Double(predicted) }
        /// Percentage of gold spans found (0 when there are none).
        public var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
        /// Harmonic mean of precision and recall, as a percentage.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Counts over all types.
    public private(set) var overall = Counts()
    /// Counts per type seen in gold or predictions.
    public private(set) var byType: [String: Counts] = [:]

    /// An empty score.
    public init() {}

    /// Adds one unit (sentence or document) of gold and predicted spans.
    public mutating func add(gold: [TypedSpan], predicted: [TypedSpan]) {
        let goldSet = Set(gold)
        for span in gold {
            overall.gold += 1
            byType[span.type, default: Counts()].gold += 1
        }
        for span in Set(predicted) {
            overall.predicted += 1
            byType[span.type, default: Counts()].predicted += 1
            if goldSet.contains(span) {
                overall.correct += 1
                byType[span.type, default: Counts()].correct += 1
            }
        }
    }

    /// Precision, recall and F1 in the `entityd evaluate --format json` shape.
    public var jsonObject: [String: Any] {
        func figures(_ c: Counts) -> [String: Double] {
            ["precision": rounded(c.precision), "recall": rounded(c.recall), "f1": rounded(c.f1)]
        }
        var object: [String: Any] = figures(overall)
        object["types"] = byType.mapValues(figures)
        return object
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
