import ArgumentParser
import EntityExtraction
import Foundation

/// `entityd evaluate`: CoNLL scoring (conlleval semantics) of the recognizer or whole pipeline.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a CoNLL-format file: exact span and type, entity level, per type.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "CoNLL file (token … tag per line, blank line between sentences).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Run the whole pipeline on each document's joined text and score character spans.")
    var raw = false

    @Option(help: "Model file to use instead of the bundled model.")
    var model: String?

    @Flag(help: "Print the sentences with wrong or missed spans (gold tokens only).")
    var showErrors = false

    func run() throws {
        let corpus: ConllCorpus
        do {
            corpus = try ConllCorpus(text: String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8))
        } catch let error as RecognizerError {
            throw ValidationError("\(file): \(error.message)")
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let modelBytes: [UInt8]? = try model.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read model \(path)") }
            return [UInt8](data)
        }
        let score: EntityScore
        if raw {
            let extractor = try Extractor(configuration: ExtractorConfiguration(modelData: modelBytes))
            score = try RawTextEvaluation.score(extractor, on: corpus)
        } else {
            let recognizer = try modelBytes.map { try EntityRecognizer(modelBytes: $0) } ?? EntityRecognizer.bundled()
            score = ConllEvaluation.score(recognizer, on: corpus)
            if showErrors { Self.printErrors(recognizer, corpus) }
        }
        switch format {
        case .json:
            let data = try JSONSerialization.data(withJSONObject: score.jsonObject, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .text:
            print(Self.table(score, title: raw ? "\(file) (raw text)" : "\(file) (gold tokens)"))
        }
    }

    private static func printErrors(_ recognizer: EntityRecognizer, _ corpus: ConllCorpus) {
        for document in corpus.documents {
            let predicted = recognizer.recognize(document: document.map { $0.tokens.map { Substring($0) } })
            for (sentence, spans) in zip(document, predicted) {
                let gold = Set(ConllSpans.spans(of: sentence.tags))
                let found = Set(spans.map { TypedSpan($0.tokens, $0.label) })
                guard gold != found else { continue }
                func show(_ s: TypedSpan) -> String { "[\(sentence.tokens[s.range].joined(separator: " "))]/\(s.type)" }
                print(sentence.tokens.joined(separator: " "))
                print("  missed: " + gold.subtracting(found).sorted { $0.range.lowerBound < $1.range.lowerBound }.map(show).joined(separator: " "))
                print("  wrong:  " + found.subtracting(gold).sorted { $0.range.lowerBound < $1.range.lowerBound }.map(show).joined(separator: " "))
            }
        }
    }

    /// A conlleval-like table: overall and per-type precision, recall, F1 and counts.
    static func table(_ score: EntityScore, title: String) -> String {
        func row(_ name: String, _ c: EntityScore.Counts) -> String {
            let figures = String(format: "%7.2f %7.2f %7.2f", c.precision, c.recall, c.f1)
            return name.padding(toLength: 8, withPad: " ", startingAt: 0) + figures + "  \(c.gold) gold, \(c.predicted) found, \(c.correct) correct"
        }
        var lines = [title, "type     precis  recall      F1", row("overall", score.overall)]
        for type in score.byType.keys.sorted() { lines.append(row(type, score.byType[type]!)) }
        return lines.joined(separator: "\n")
    }
}
