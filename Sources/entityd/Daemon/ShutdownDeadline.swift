import Foundation
import Logging

/// Ends the process if a graceful shutdown overruns its time limit (e.g. an extraction that
/// does not return). Files still in flight stay in this instance's `processing/`
/// directory, and the next start (or another instance) recovers them.
enum ShutdownDeadline {
    static func arm(seconds: Double, logger: Logger) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            logger.error("graceful shutdown took longer than \(seconds) s; exiting with files still in flight (they are recovered at the next start)")
            exit(1)
        }
        thread.name = "entityd-shutdown-deadline"
        thread.start()
    }
}
