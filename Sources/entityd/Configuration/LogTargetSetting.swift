/// Where log records go: `journal`, `console` (stderr), or `auto` (journal under systemd).
enum LogTargetSetting: String, Sendable, Hashable, CaseIterable {
    case journal
    case console
    case auto
}
