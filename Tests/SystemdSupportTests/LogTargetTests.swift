import Logging
import Testing
@testable import SystemdSupport
#if canImport(Glibc)
import Glibc
#endif

/// `auto` compares `JOURNAL_STREAM` with the real device and inode of this process's stderr.
struct LogTargetTests {
    private var stderrIdentity: String {
        var status = stat()
        fstat(STDERR_FILENO, &status)
        return "\(status.st_dev):\(status.st_ino)"
    }

    @Test func autoIsJournalWhenStderrIsTheJournalStream() {
        #expect(LogTarget.auto.resolved(environment: ["JOURNAL_STREAM": stderrIdentity]) == .journal)
    }

    @Test func autoIsConsoleWhenStderrWasRedirectedElsewhere() {
        var status = stat()
        fstat(STDERR_FILENO, &status)
        let other = "\(status.st_dev):\(UInt64(status.st_ino) + 1)"
        #expect(LogTarget.auto.resolved(environment: ["JOURNAL_STREAM": other]) == .console)
    }

    @Test(arguments: [nil, "", "garbage", "1:2:3", ":"] as [String?])
    func autoIsConsoleWithoutAValidJournalStream(value: String?) {
        let environment = value.map { ["JOURNAL_STREAM": $0] } ?? [:]
        #expect(LogTarget.auto.resolved(environment: environment) == .console)
    }

    @Test func explicitTargetsStayAsChosen() {
        #expect(LogTarget.journal.resolved(environment: [:]) == .journal)
        #expect(LogTarget.console.resolved(environment: ["JOURNAL_STREAM": stderrIdentity]) == .console)
    }

    @Test func targetsParseFromTheirCommandLineNames() {
        #expect(LogTarget.allCases.map(\.rawValue) == ["journal", "console", "auto"])
        #expect(LogTarget(rawValue: "syslog") == nil)
    }
}

/// The handler factory `LoggingSetup.bootstrap` installs.
struct LoggingSetupTests {
    @Test func journalTargetMakesAJournalHandlerAtTheGivenLevel() {
        let handler = LoggingSetup.makeHandler(label: "entityd", target: .journal, level: .notice)
        #expect(handler is JournalLogHandler)
        #expect(handler.logLevel == .notice)
    }

    @Test func consoleTargetMakesAConsoleHandler() {
        let handler = LoggingSetup.makeHandler(label: "entityd", target: .console, level: .debug)
        #expect(handler is ConsoleLogHandler)
        #expect(handler.logLevel == .debug)
    }
}
