import WardcheckCore
import XCTest

/// Facts are stale when they are older than `staleAfterDays` before the day the audit judges on,
/// and never when the audit has no such day. The ready ward's facts are of 2025-07-05, judged on
/// 2025-07-10: 5 days old.
final class AuditStaleTests: XCTestCase {
    private func audit(staleAfter days: Int, on day: Day? = SmallCity.day) throws -> Audit {
        var city = try SmallCity(criteria: Repo.loadCriteria(), roster: nil, test: self)
        city.staleAfterDays = days
        city.asOf = day
        return city.audit([("10001-an.yaml", try Ward.ready("10001", "Phường An"))])
    }

    func testFactsOlderThanTheLimitAreStale() throws {
        XCTAssertEqual(try audit(staleAfter: 4).stale, 1, "5 days > 4")
        XCTAssertEqual(try audit(staleAfter: 5).stale, 0, "5 days is not older than 5")
        XCTAssertEqual(try audit(staleAfter: 4).rows.map(\.asOf), [Day(iso: "2025-07-05")])
    }

    func testAnAuditWithoutADayFindsNothingStale() throws {
        // Each unit is then judged on its own facts' day, 0 days old whatever the limit.
        let audit = try audit(staleAfter: 0, on: nil)
        XCTAssertEqual(audit.stale, 0)
        XCTAssertEqual(audit.rows.map(\.ready), [true])
    }
}
