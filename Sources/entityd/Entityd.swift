import ArgumentParser

/// The `entityd` command: daemon, one-off extraction and maintenance.
@main
struct Entityd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entityd",
        abstract: "Extracts named entities from news articles dropped into an inbox directory.",
        version: "0.1.0",
        subcommands: [
            CheckConfigCommand.self,
            TrainCommand.self,
            EvaluateCommand.self,
        ]
    )
}
