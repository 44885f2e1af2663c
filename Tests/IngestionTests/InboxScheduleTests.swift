import Testing
@testable import Ingestion

@Suite struct InboxScheduleTests {
    @Test func startsWithABacklogScanThenWaits() {
        var schedule = InboxSchedule(capacity: 10)
        #expect(schedule.nextAction() == .scan)
        #expect(schedule.nextAction() == .wait)
    }

    @Test func namesAreClaimedInArrivalOrderBeforeAScan() {
        var schedule = InboxSchedule(capacity: 10)
        schedule.handle(.appeared("a", .completed))
        schedule.handle(.appeared("b", .created))
        #expect(schedule.nextAction() == .claim("a", .completed))
        #expect(schedule.nextAction() == .claim("b", .created))
        #expect(schedule.nextAction() == .scan)
    }

    @Test func aRepeatedNameIsClaimedOnceWithTheStrongestHint() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        schedule.handle(.appeared("a", .created))
        schedule.handle(.appeared("a", .completed))
        schedule.handle(.appeared("a", .scanned))
        #expect(schedule.nextAction() == .claim("a", .completed))
        #expect(schedule.nextAction() == .wait)
    }

    @Test func overflowingTheCapacityFallsBackToARescan() {
        var schedule = InboxSchedule(capacity: 2)
        _ = schedule.nextAction()
        for name in ["a", "b", "c", "d"] { schedule.handle(.appeared(name, .completed)) }
        #expect(schedule.pendingCount == 2)
        #expect(schedule.nextAction() == .claim("a", .completed))
        #expect(schedule.nextAction() == .claim("b", .completed))
        #expect(schedule.nextAction() == .scan)
    }

    @Test func kernelQueueOverflowRequestsARescan() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        schedule.handle(.overflowed)
        #expect(schedule.nextAction() == .scan)
    }

    @Test func aDeferredNameReturnsWhenItsTwinIsReleased() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        schedule.handle(.deferred("a", .completed))
        #expect(schedule.nextAction() == .wait)
        schedule.handle(.released("b"))
        #expect(schedule.nextAction() == .wait)
        schedule.handle(.released("a"))
        #expect(schedule.nextAction() == .claim("a", .completed))
    }

    @Test func recoveryComesFirstWhenDue() {
        var schedule = InboxSchedule(capacity: 10)
        schedule.handle(.appeared("a", .completed))
        schedule.handle(.recoveryDue)
        #expect(schedule.nextAction() == .recover)
        #expect(schedule.nextAction() == .claim("a", .completed))
    }

    @Test func recoveryAlsoRescansForFilesNoEventAnnounces() {
        var schedule = InboxSchedule(capacity: 10)
        #expect(schedule.nextAction() == .scan)
        #expect(schedule.nextAction() == .wait)
        schedule.handle(.recoveryDue)
        #expect(schedule.nextAction() == .recover)
        #expect(schedule.nextAction() == .scan)
        #expect(schedule.nextAction() == .wait)
    }

    @Test func stopDropsPendingWorkAndIgnoresLaterEvents() {
        var schedule = InboxSchedule(capacity: 10)
        schedule.handle(.appeared("a", .completed))
        schedule.handle(.stopRequested)
        schedule.handle(.appeared("b", .completed))
        #expect(schedule.nextAction() == .finish)
        #expect(schedule.pendingCount == 0)
    }

    @Test func manyNamesDrainWithoutLoss() {
        var schedule = InboxSchedule(capacity: 100_000)
        _ = schedule.nextAction()
        var claimed = 0
        for round in 0..<5 {
            for index in 0..<3000 { schedule.handle(.appeared("\(round)-\(index)", .completed)) }
            while case .claim = schedule.nextAction() { claimed += 1 }
        }
        #expect(claimed == 15_000)
    }

    @Test func goingQuietAfterProcessingTrimsTheHeapOnce() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        schedule.handle(.appeared("a", .completed))
        #expect(schedule.nextAction() == .claim("a", .completed))
        for index in 0..<InboxSchedule.quietTrimMinimum { schedule.handle(.released("a-\(index)")) }
        #expect(schedule.nextAction() == .wait)
        schedule.handle(.quiet)
        #expect(schedule.nextAction() == .trimMemory)
        #expect(schedule.nextAction() == .wait)
        schedule.handle(.quiet)
        #expect(schedule.nextAction() == .wait)
    }

    @Test func goingQuietAfterAFewFilesDoesNotTrim() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        schedule.handle(.quiet)
        #expect(schedule.nextAction() == .wait)
        for index in 1..<InboxSchedule.quietTrimMinimum { schedule.handle(.released("a-\(index)")) }
        schedule.handle(.quiet)
        #expect(schedule.nextAction() == .wait)
    }

    @Test func onlyEventsThatGiveTheClaimingThreadWorkNeedToWakeIt() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        #expect(!schedule.hasWork)
        schedule.handle(.released("a"))
        #expect(!schedule.hasWork)
        schedule.handle(.deferred("b", .completed))
        #expect(!schedule.hasWork)
        schedule.handle(.released("b"))
        #expect(schedule.hasWork)
        #expect(schedule.nextAction() == .claim("b", .completed))
        schedule.handle(.stopRequested)
        #expect(schedule.hasWork)
    }

    @Test func aLongBurstTrimsTheHeapEveryThousandFilesWithoutWaitingForQuiet() {
        var schedule = InboxSchedule(capacity: 10)
        _ = schedule.nextAction()
        var trims = 0
        for index in 0..<(3 * InboxSchedule.trimEvery) {
            schedule.handle(.appeared("next-\(index)", .completed))
            schedule.handle(.released("done-\(index)"))
            while true {
                let action = schedule.nextAction()
                if action == .trimMemory { trims += 1 } else if action == .wait { break }
            }
        }
        #expect(trims == 3)
        schedule.handle(.quiet)
        #expect(schedule.nextAction() == .wait)
    }
}
