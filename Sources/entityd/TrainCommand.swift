import ArgumentParser
import EntityExtraction
import Foundation

/// `entityd train`: builds the recognizer model from the shared data directory.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the entity recognizer from CoNLL-2003, GMB, gazetteers and unlabeled news.")

    @Option(help: "Data directory with conll2003/, gmb/, gazetteers/, unlabeled/ (default: $ENTITYD_DATA_DIR or ../shared/data).")
    var dataDir: String?

    @Option(help: "Where to write the model.")
    var output = "Sources/EntityExtraction/Resources/entityd-ner.model"

    @Option(help: "Seed of the training shuffles.")
    var seed: UInt64 = 1

    @Option(help: "Perceptron passes over the training data.")
    var iterations = 12

    @Option(help: "Weight rows kept in the model.")
    var maxFeatures = 40_000

    @Option(help: "Weight of GMB sentences' updates relative to CoNLL's (0: leave GMB out).")
    var gmbWeight: Float = 0

    @Option(name: .customLong("gmb-names"), help: "Learn given-name and organization-word lists from GMB (true/false).")
    var useGMBNames = true

    @Option(help: "Use only every Nth training document/sentence (quick experiments).")
    var subsample = 1

    @Option(help: "Word cluster sizes, comma-separated (empty: no clusters).")
    var clusters = "32,128,512"

    @Option(help: "Exchange passes per clustering.")
    var clusterIterations = 4

    @Option(help: "Most frequent words the clusterings consider.")
    var clusterVocabulary = 40_000

    @Option(help: "1: one stage; 2: add the document-level second stage.")
    var stages = 2

    @Option(help: "Jackknife folds for training the second stage.")
    var folds = 4

    @Option(help: "Model name stored in the file.")
    var modelName: String?

    @Flag(help: "Score dev after every pass.")
    var evaluateEveryIteration = false

    func run() throws {
        let data = URL(fileURLWithPath: dataDir ?? ProcessInfo.processInfo.environment["ENTITYD_DATA_DIR"] ?? "../shared/data")
        func text(_ path: String) throws -> String {
            let url = data.appendingPathComponent(path)
            do { return try String(contentsOf: url, encoding: .utf8) } catch {
                throw ValidationError("cannot read \(url.path): \(error.localizedDescription)")
            }
        }
        var train = try ConllCorpus(text: text("conll2003/train.conll"))
        var extra: ConllCorpus?
        var nameLists: ConllCorpus?
        let gazetteers = GazetteerSources(
            cities: try text("gazetteers/cities15000.tsv"), regions: try text("gazetteers/admin1_regions.tsv"),
            countryNames: try text("gazetteers/country_names.tsv"), demonyms: try text("gazetteers/demonyms.tsv"))
        if gmbWeight > 0 || useGMBNames {
            let places = Set(gazetteers.countryNames.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) })
            var gmb = GMBMapping.map(try ConllCorpus(text: text("gmb/train.conll")), placeNames: places)
            if useGMBNames { nameLists = gmb }
            // GMB marks no document boundaries: each sentence is its own document.
            gmb.documents = gmb.documents.flatMap { $0.enumerated().filter { $0.offset % subsample == 0 }.map { [$0.element] } }
            if gmbWeight > 0 { extra = gmb }
        }
        if subsample > 1 { train.documents = train.documents.enumerated().filter { $0.offset % subsample == 0 }.map(\.element) }
        let dev = try ConllCorpus(text: text("conll2003/dev.conll"))
        var unlabeled: [String] = []
        for file in ["reuters21578_1987.txt", "bbc_news_2004_2005.txt", "ag_news_test.txt"] {
            unlabeled.append(try text("unlabeled/" + file))
        }

        var configuration = TrainingConfiguration()
        configuration.seed = seed
        configuration.iterations = iterations
        configuration.maxFeatures = maxFeatures
        configuration.extraCorpusWeight = gmbWeight
        configuration.clusterSizes = clusters.split(separator: ",").compactMap { Int($0) }
        configuration.clusterIterations = clusterIterations
        configuration.clusterVocabulary = clusterVocabulary
        configuration.evaluateEveryIteration = evaluateEveryIteration
        configuration.stages = stages
        configuration.folds = folds
        configuration.modelName = modelName ?? "entityd-conll-ap-" + Self.today()

        let recognizer = try RecognizerTraining.train(
            TrainingData(train: train, extra: extra, dev: dev, gazetteers: gazetteers, unlabeled: unlabeled, nameListSource: nameLists),
            configuration: configuration, log: { print($0) })
        let bytes = recognizer.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: output))
        print("wrote \(output) (\(bytes.count) bytes, model \(recognizer.modelName))")
        let score = ConllEvaluation.score(recognizer, on: dev)
        print(EvaluateCommand.table(score, title: "dev (gold tokens)"))
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy.MM.dd"
        return formatter.string(from: Date())
    }
}
