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
        let names = threadNames()
        fixture.pipeline.requestStop()
        try await fixture.pipeline.waitUntilStopped()
        #expect(names.isSuperset(of: ["claim", "worker-0", "publish-0", "publish-15", "inotify"]))
    }
}
