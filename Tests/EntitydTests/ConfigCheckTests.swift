import Foundation
import Testing

/// `entityd check-config`: effective configuration, precedence, and exit 78 naming the key.
@Suite struct ConfigCheckTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("entityd-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func write(_ yaml: String) throws -> String {
        let file = directory.appendingPathComponent("entityd.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The repository's default configuration file.
    private var shippedConfig: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/entityd.yaml").path
    }

    @Test func shippedConfigurationIsValidAndHoldsTheDefaults() throws {
        let outcome = try EntitydBinary.run(["check-config", "--config", shippedConfig])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("inbox: \"/var/lib/entityd/inbox\""))
        #expect(outcome.stdout.contains("max_file_bytes: 10485760"))
        #expect(outcome.stdout.contains("output_file_mode: \"0640\""))
        #expect(outcome.stdout.contains("processed_input: archive"))
    }

    @Test func flagBeatsEnvironmentBeatsFileBeatsDefault() throws {
        let file = try write("directories:\n  state: /from/file\nmax_file_bytes: 2000\nworkers: 3\n")
        let outcome = try EntitydBinary.run(
            ["check-config", "--config", file, "--state-dir", "/from/flag"],
            environment: ["ENTITYD_DIRECTORIES_STATE": "/from/env", "ENTITYD_MAX_FILE_BYTES": "1000"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("state: \"/from/flag\""))
        #expect(outcome.stdout.contains("outbox: \"/from/flag/outbox\""))
        #expect(outcome.stdout.contains("max_file_bytes: 1000"))  // env over file
        #expect(outcome.stdout.contains("workers: 3"))  // file over default
        #expect(outcome.stdout.contains("durable_writes: true"))  // default
    }

    @Test(arguments: [
        ("log:\n  level: loud\n", "log.level"),
        ("durable_writes: maybe\n", "durable_writes"),
        ("max_file_bytes: -5\n", "max_file_bytes"),
        ("workers: many\n", "workers"),
        ("output_file_mode: \"0999\"\n", "output_file_mode"),
        ("processed_input: shred\n", "processed_input"),
        ("file_time_limit_seconds: 0\n", "file_time_limit_seconds"),
    ])
    func badValueNamesTheKeyAndExits78(yaml: String, key: String) throws {
        let outcome = try EntitydBinary.run(["check-config", "--config", try write(yaml)])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains("'\(key)'"), "\(outcome.stderr)")
    }

    @Test func badEnvironmentValueNamesTheKey() throws {
        let outcome = try EntitydBinary.run(["check-config"], environment: ["ENTITYD_QUEUE_CAPACITY": "lots", "ENTITYD_CONFIG": shippedConfig])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains("'queue_capacity'"))
    }

    @Test func missingOrMalformedFileExits78() throws {
        let missing = try EntitydBinary.run(["check-config", "--config", directory.appendingPathComponent("nope.yaml").path])
        #expect(missing.status == 78)
        #expect(missing.stderr.contains("nope.yaml"))
        let malformed = try EntitydBinary.run(["check-config", "--config", try write("workers: [1, 2\n")])
        #expect(malformed.status == 78)
        #expect(malformed.stderr.contains("not valid YAML"))
    }
}

/// User dictionaries are checked with `--load-model`, as `run` checks them at start.
@Suite struct DictionaryConfigTests {
    @Test func badDictionaryLineNamesFileAndLineAndExits78() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entityd-dict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dictionary = directory.appendingPathComponent("watch.tsv")
        try "Wagner Group\tORG\tWagner PMC\nno tab here\n".write(to: dictionary, atomically: true, encoding: .utf8)
        let outcome = try EntitydBinary.run(["check-config", "--load-model"], environment: ["ENTITYD_DICTIONARIES": dictionary.path])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains("'dictionaries'"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("watch.tsv:2"), "\(outcome.stderr)")
    }
}
