import Foundation
import Testing
@testable import Ingestion

@Suite struct PipelineThreadTests {
    /// The kernel's names of this process's threads (/proc/self/task/*/comm).
    private func threadNames() -> Set<String> {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return Set(tasks.compactMap { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines)
        })
    }

    @Test func pipelineThreadsCarryTheirRoleAsKernelThreadName() async throws {
        let fixture = try PipelineFixture()
        fixture.pipeline.start()
        // Each thread names itself when it begins to run: wait for that (generously).
        let expected: Set<String> = ["claim", "worker-0", "publish-0", "publish-15", "inotify"]
        var names = threadNames()
        for _ in 0..<600 where !names.isSuperset(of: expected) {
            try await Task.sleep(for: .milliseconds(50))
            names = threadNames()
        }
        fixture.pipeline.requestStop()
        try await fixture.pipeline.waitUntilStopped()
        #expect(names.isSuperset(of: expected))
    }
}
