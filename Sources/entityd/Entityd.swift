import ArgumentParser

/// The `entityd` command: daemon, one-off extraction and maintenance.
@main
struct Entityd: AsyncParsableCommand {
    /// entityd's version, also reported in every result's `extractor.version`.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "entityd",
        abstract: "Extracts named entities from news articles dropped into an inbox directory.",
        version: version,
        subcommands: [
            CheckConfigCommand.self,
            RunCommand.self,
            ExtractCommand.self,
            TrainCommand.self,
            EvaluateCommand.self,
        ]
    )
}
