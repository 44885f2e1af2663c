import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A datagram socket bound by the test where `NOTIFY_SOCKET` points, like systemd's own.
/// It only accepts messages sent by this test process (kernel-attached SCM_CREDENTIALS), so a
/// child started elsewhere while the variable was set cannot disturb the assertions.
final class NotifySocket {
    let path: String
    private let descriptor: Int32

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("entityd-notify-\(UUID().uuidString.prefix(8))").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket: errno \(errno)") }
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
        guard bound == 0 else { throw TestFailure("bind \(path): errno \(errno)") }
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_PASSCRED, &on, socklen_t(MemoryLayout<Int32>.size))
        // Generous: the receive waits for a condition, it does not measure time.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// The next datagram sent by this process, or nil when none arrived within the limit.
    func receive() -> String? {
        while true {
            var payload = [UInt8](repeating: 0, count: 4096)
            var control = [UInt8](repeating: 0, count: 256)
            let (length, senderPID) = payload.withUnsafeMutableBytes { payloadRaw in
                control.withUnsafeMutableBytes { controlRaw in
                    var vector = iovec(iov_base: payloadRaw.baseAddress, iov_len: payloadRaw.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlRaw.baseAddress
                        message.msg_controllen = controlRaw.count
                        let received = recvmsg(descriptor, &message, 0)
                        return (received, Self.senderPID(controlRaw, length: Int(message.msg_controllen)))
                    }
                }
            }
            if length < 0 && errno == EINTR { continue }
            guard length >= 0 else { return nil }
            if senderPID == getpid() {
                return String(decoding: payload[..<length], as: UTF8.self)
            }
        }
    }

    /// The pid in the SCM_CREDENTIALS control message (struct ucred starts with the pid).
    private static func senderPID(_ control: UnsafeMutableRawBufferPointer, length: Int) -> pid_t? {
        let header = MemoryLayout<cmsghdr>.size
        guard length >= header + MemoryLayout<pid_t>.size else { return nil }
        let level = control.load(fromByteOffset: MemoryLayout<Int>.size, as: Int32.self)
        let type = control.load(fromByteOffset: MemoryLayout<Int>.size + 4, as: Int32.self)
        guard level == SOL_SOCKET, type == 2 /* SCM_CREDENTIALS */ else { return nil }
        return control.load(fromByteOffset: header, as: pid_t.self)
    }
}

/// A failed precondition of a test's own set-up.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
