import Testing
@testable import Ingestion

@Suite struct StorageHealthTests {
    @Test func aConditionIsReportedOnceAndItsEndOnce() {
        var health = StorageHealth()
        #expect(health.failed("outbox: ENOSPC") == .reportFailure("outbox: ENOSPC"))
        #expect(health.failed("outbox: ENOSPC") == .none)
        #expect(health.failed("outbox: ENOSPC") == .none)
        #expect(health.succeeded() == .reportRecovery("outbox: ENOSPC"))
        #expect(health.succeeded() == .none)
    }

    @Test func aDifferentConditionIsReportedAgain() {
        var health = StorageHealth()
        _ = health.failed("outbox: ENOSPC")
        #expect(health.failed("outbox: EROFS") == .reportFailure("outbox: EROFS"))
    }

    @Test func backoffDoublesUpToItsLimit() {
        var backoff = Backoff(first: 1, limit: 5)
        #expect([backoff.delay(), backoff.delay(), backoff.delay(), backoff.delay(), backoff.delay()] == [1, 2, 4, 5, 5])
    }
}
