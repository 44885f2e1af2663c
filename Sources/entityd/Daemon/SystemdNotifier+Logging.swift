import Logging
import SystemdSupport

extension Optional where Wrapped == SystemdNotifier {
    /// Sends a notification when running under systemd; a failure is logged, never fatal.
    func send(_ logger: Logger, _ body: (SystemdNotifier) throws -> Void) {
        guard let notifier = self else { return }
        do {
            try body(notifier)
        } catch {
            logger.warning("sd_notify failed: \(error)")
        }
    }
}
