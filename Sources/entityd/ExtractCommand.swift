import ArgumentParser
import Foundation
import Ingestion

/// `entityd extract FILE... | -`: the daemon's per-article processing, on the command line.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the outbox JSON for each file (one object per line; `-` reads stdin)."
    )

    @Argument(help: "Article files (.txt .md .html .htm .json); `-` reads standard input.")
    var files: [String]

    @Option(name: .long, help: "Configuration file (model, dictionaries, size limit).")
    var config: String?

    @Option(name: .customLong("stdin-name"), help: "File name reported for standard input; its extension picks the format.")
    var stdinName = "stdin.txt"

    func run() async throws {
        let (settings, processor) = try await ConfigurationKeyError.exitingOnFailure {
            let settings = try await SettingsLoader.load(SettingsOverrides(configFile: config))
            return (settings, ArticleProcessor(extractor: try ExtractorFactory.makeExtractor(settings), version: Entityd.version))
        }
        let limit = settings.ingestion.maxFileBytes
        var failures = 0
        for path in files {
            let name = path == "-" ? stdinName : URL(fileURLWithPath: path).lastPathComponent
            do {
                let bytes = path == "-" ? try Self.readStandardInput(limit: limit) : try ArticleFile.read(path: path, maximumBytes: limit, followSymlinks: true)
                let article = try processor.process(bytes, name: name, receivedAt: Timestamp.now())
                FileHandle.standardOutput.write(Data(article.json))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("entityd: \(path): \(error)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    private static func readStandardInput(limit: Int) throws(ArticleFailure) -> [UInt8] {
        let data = FileHandle.standardInput.readData(ofLength: limit + 1)
        guard data.count <= limit else {
            throw ArticleFailure(step: .read, code: "too_large", message: "standard input is larger than the limit of \(limit) bytes")
        }
        return [UInt8](data)
    }
}
