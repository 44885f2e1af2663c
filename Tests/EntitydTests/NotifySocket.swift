import Foundation
import Glibc

/// A datagram socket bound by the test where a daemon's `NOTIFY_SOCKET` points, as systemd's.
/// Collects every message so a test can wait for one and look at the order of all.
final class NotifySocket {
    let path: String
    private let descriptor: Int32
    private(set) var messages: [String] = []

    init() throws {
        path = NSTemporaryDirectory() + "/entityd-notify-\(UUID().uuidString.prefix(12))"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw DaemonTestError("socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw DaemonTestError("bind \(path): errno \(errno)") }
        // Each receive waits at most a second, so a waiting test re-checks its deadline.
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Receives until some message (already collected or new) satisfies `condition`; returns it.
    @discardableResult
    func wait(
        for what: String, after index: Int = 0, timeout: Double = 120, _ condition: (String) -> Bool
    ) throws -> (index: Int, message: String) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var next = index
        while true {
            while next < messages.count {
                if condition(messages[next]) { return (next, messages[next]) }
                next += 1
            }
            guard Date() < deadline else {
                throw DaemonTestError("no notify message \(what) within \(timeout) s; got \(messages)")
            }
            receiveOne()
        }
    }

    private func receiveOne() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let length = recv(descriptor, &buffer, buffer.count, 0)
        if length > 0 { messages.append(String(decoding: buffer[..<length], as: UTF8.self)) }
    }
}
