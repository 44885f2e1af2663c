import Foundation
import Testing
@testable import Ingestion

/// Vectors from FIPS 180-4 / NIST CSRC "Examples with intermediate values" (SHA-256).
@Suite struct SHA256Tests {
    @Test func emptyMessage() {
        #expect(SHA256.hexDigest(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func fourBlockMessage() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionAs() {
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingInPiecesEqualsOneShot() {
        let message = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        for split in [0, 1, 55, 56, 63, 64, 65, 500, 999] {
            var hash = SHA256()
            hash.update(message[..<split])
            hash.update(message[split...])
            let streamed = hash.finalize()
            var whole = SHA256()
            whole.update(message)
            #expect(streamed == whole.finalize(), "split at \(split)")
        }
    }

    /// The hardware block function (SHA extensions) against the portable one, over every
    /// length around the block and padding boundaries and a few long messages.
    @Test func hardwareAndPortableBlockFunctionsAgree() {
        let message = Array((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 5) })
        for length in Array(0...200) + [447, 448, 511, 512, 513, 3333, 5000] {
            #expect(SHA256.hexDigest(of: message[..<length], hardware: true) == SHA256.hexDigest(of: message[..<length], hardware: false), "length \(length)")
        }
    }

    @Test func portableBlockFunctionMatchesTheVectors() {
        #expect(SHA256.hexDigest(of: Array("abc".utf8), hardware: false) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 1_000_000), hardware: false) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// On this machine (AMD EPYC) the fast path must really be taken, or the vectors above
    /// would only test the portable one twice.
    @Test func theSHAExtensionsAreDetectedWhereTheCPUHasThem() throws {
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let listed = flags.split(separator: " ").contains("sha_ni") && flags.split(separator: " ").contains("sse4_1")
        #expect(SHA256.hardwareAvailable == listed)
    }
}
