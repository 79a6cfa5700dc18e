import XCTest
import WardcheckCore

/// Period ends and the commit each reading takes, worked out on a calendar.
final class HistoryPlanTests: XCTestCase {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    func testPeriodEnds() {
        // 2024 is a leap year; 2100 is not.
        XCTAssertEqual(Period.month.end(containing: day("2024-02-10")), day("2024-02-29"))
        XCTAssertEqual(Period.month.end(containing: day("2100-02-01")), day("2100-02-28"))
        XCTAssertEqual(Period.month.end(containing: day("2025-12-31")), day("2025-12-31"))
        XCTAssertEqual(Period.quarter.end(containing: day("2025-08-15")), day("2025-09-30"))
        XCTAssertEqual(Period.quarter.end(containing: day("2025-01-01")), day("2025-03-31"))
        // 2025-07-02 is a Wednesday; its ISO week ends on Sunday 2025-07-06. A Sunday ends its own week.
        XCTAssertEqual(Period.week.end(containing: day("2025-07-02")), day("2025-07-06"))
        XCTAssertEqual(Period.week.end(containing: day("2025-07-06")), day("2025-07-06"))
        XCTAssertEqual(Period.week.end(containing: day("2025-07-07")), day("2025-07-13"))
        XCTAssertEqual(Period.month.ends(from: day("2025-11-20"), through: day("2026-02-01")).map(\.description),
                       ["2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28"])
        XCTAssertEqual(Period.quarter.label(day("2025-09-30")), "2025-Q3")
        XCTAssertEqual(Period.month.label(day("2025-09-30")), "2025-09")
        XCTAssertEqual(Period.week.label(day("2025-07-06")), "2025-07-06")
    }

    func testEachReadingTakesTheNewestCommitAtOrBeforeThePeriodEnd() {
        let c = { (id: String, d: String) in WardsRepository.Commit(id: String(repeating: id, count: 40), day: self.day(d)) }
        // Newest first, as git log gives them; the 'b' commit carries an older date than 'a' before it
        // (a clock set wrong, a rebased commit): history order decides, not the date alone.
        let commits = [c("d", "2025-09-30"), c("c", "2025-09-01"), c("b", "2025-07-20"), c("a", "2025-07-25"), c("z", "2025-06-10")]
        let plan = HistoryPlan.readings(every: .month, commits: commits, since: day("2025-05-01"), until: day("2025-10-15"))
        // May has no commit and is left out; June: z; July: b is the newest at or before 07-31; August: still b;
        // September: d, on the last day itself; October: d.
        XCTAssertEqual(plan.map(\.period), ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10"])
        XCTAssertEqual(plan.map { $0.commit.short }, ["zzzzzzz", "bbbbbbb", "bbbbbbb", "ddddddd", "ddddddd"])
        // Without --since the series starts at the earliest commit.
        XCTAssertEqual(HistoryPlan.readings(every: .quarter, commits: commits, since: nil, until: day("2025-12-31")).map(\.period),
                       ["2025-Q2", "2025-Q3", "2025-Q4"])
        XCTAssertTrue(HistoryPlan.readings(every: .month, commits: [], since: nil, until: day("2025-12-31")).isEmpty)
    }
}
