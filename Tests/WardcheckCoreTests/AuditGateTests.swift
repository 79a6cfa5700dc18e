import WardcheckCore
import XCTest

/// The exit code of a city audit (`Gate.exitCode(for:)`, from `Gate.Findings(audit)`): each kind
/// of finding on a city that has it and nothing else, with the gate that chooses it (exit 2 for
/// invalid files, 1 for the others) and with the gate that chooses every other kind (exit 0).
/// Shipped criteria (but for not evaluable), judged on 2025-07-10; the figures are worked out in each test.
final class AuditGateTests: XCTestCase {
    private func audit(_ files: [(name: String, facts: String)], roster: [(code: String, name: String)]? = nil,
                       staleAfter: Int = AuditAccumulator.defaultStaleAfterDays) throws -> Audit {
        var city = try SmallCity(criteria: Repo.loadCriteria(), roster: roster, test: self)
        city.staleAfterDays = staleAfter
        return city.audit(files)
    }

    private func readyUnit() throws -> (name: String, facts: String) {
        ("10001-an.yaml", try Ward.ready("10001", "Phường An"))
    }

    /// The findings as [invalid files, failed, not reported, not evaluable, not submitted, stale].
    private func counted(_ audit: Audit) -> [Int] {
        let f = Gate.Findings(audit)
        return [f.invalidFiles, f.failed, f.notReported, f.notEvaluable, f.notSubmitted, f.stale]
    }

    private func only(_ kind: Gate.Kind) -> Gate { Gate(failOn: [kind]) }
    private func allBut(_ kind: Gate.Kind) -> Gate { Gate(failOn: Set(Gate.Kind.allCases).subtracting([kind])) }

    func testAnInvalidFileExitsTwo() throws {
        let audit = try audit([try readyUnit(), ("10005-em.yaml", try Ward.ready("10005", "Xã Em", [Ward.firewallYes]))])
        XCTAssertEqual(counted(audit), [1, 0, 0, 0, 0, 0])
        XCTAssertEqual(only(.invalid).exitCode(for: audit), 2)
        XCTAssertEqual(allBut(.invalid).exitCode(for: audit), 0)
        XCTAssertEqual(Gate().exitCode(for: audit), 2, "counted by default")
    }

    func testACodeNotInTheRosterCountsAsAnInvalidFileButANameThatDiffersDoesNot() throws {
        let roster = [("10001", "Phường An"), ("10006", "Xã Giang")]
        // 19999 is not in the roster (an error); 10006 writes another name (a warning). Both files are the ready ward.
        let audit = try audit([try readyUnit(),
                               ("10006-giang.yaml", try Ward.ready("10006", "Xã Giang Mới")),
                               ("19999-la.yaml", try Ward.ready("19999", "Xã Lạ"))], roster: roster)
        XCTAssertEqual(counted(audit), [1, 0, 0, 0, 0, 0])
        XCTAssertEqual(only(.invalid).exitCode(for: audit), 2)
        XCTAssertEqual(allBut(.invalid).exitCode(for: audit), 0)

        let renamedOnly = try self.audit([try readyUnit(), ("10006-giang.yaml", try Ward.ready("10006", "Xã Giang Mới"))], roster: roster)
        XCTAssertEqual(counted(renamedOnly), [0, 0, 0, 0, 0, 0], "a warning is no finding")
        XCTAssertEqual(Gate(failOn: Set(Gate.Kind.allCases)).exitCode(for: renamedOnly), 0)
    }

    func testFailedCriteriaExitOne() throws {
        // 40 computers and no firewall: TC08 and TC16 failed, two failed criteria in one unit.
        let audit = try audit([try readyUnit(), ("10002-binh.yaml", try Ward.ready("10002", "Phường Bình", Ward.computers(40) + [Ward.noFirewall]))])
        XCTAssertEqual(counted(audit), [0, 2, 0, 0, 0, 0])
        XCTAssertEqual(only(.failed).exitCode(for: audit), 1)
        XCTAssertEqual(allBut(.failed).exitCode(for: audit), 0)
    }

    func testACriterionNotReportedExitsOne() throws {
        let audit = try audit([try readyUnit(), ("10003-cat.yaml", try Ward.ready("10003", "Xã Cát", [Ward.firewallLeftOut]))])
        XCTAssertEqual(counted(audit), [0, 0, 1, 0, 0, 0])
        XCTAssertEqual(only(.notReported).exitCode(for: audit), 1)
        XCTAssertEqual(allBut(.notReported).exitCode(for: audit), 0)
    }

    func testACriterionNotEvaluableExitsOne() throws {
        // No shipped criterion divides by a fact a unit may report as 0, so TN is written here:
        // printers ≥ 10 ÷ one-stop desks. The ready ward's 10 printers ≥ 10 ÷ 4 = 2,5 pass;
        // with 0 desks it is a division by zero, which is neither passed nor failed.
        let perDesk = SmallCriteria.criterion("TN", group: "equipment", title: "Máy in cho bàn một cửa", checks: """
              - id: per_desk
                title: { vi: "Máy in cho bàn một cửa", en: "Printers for the one-stop desks" }
                require: { fact: equipment.printers.working, at_least: { divide: [10, { fact: equipment.service_counter.desks }] } }
                remedy: { item: printer, quantity: shortfall, text: { vi: "Mua {quantity} máy in", en: "Buy printers: {quantity}" } }
            """)
        let city = try SmallCity(criteria: SmallCriteria.load(adding: [("TN", perDesk)], test: self), roster: nil, test: self)
        let audit = city.audit([try readyUnit(), ("10004-dong.yaml", try Ward.ready("10004", "Xã Đông", [(find: "desks: 4,", replace: "desks: 0,")]))])
        XCTAssertEqual(counted(audit), [0, 0, 0, 1, 0, 0])
        XCTAssertEqual(only(.notEvaluable).exitCode(for: audit), 1)
        XCTAssertEqual(allBut(.notEvaluable).exitCode(for: audit), 0)
    }

    func testAUnitThatHasNotSubmittedExitsOneWhenAskedFor() throws {
        let audit = try audit([try readyUnit()], roster: [("10001", "Phường An"), ("10007", "Xã Hà")])
        XCTAssertEqual(counted(audit), [0, 0, 0, 0, 1, 0])
        XCTAssertEqual(only(.notSubmitted).exitCode(for: audit), 1)
        XCTAssertEqual(allBut(.notSubmitted).exitCode(for: audit), 0)
        XCTAssertEqual(Gate().exitCode(for: audit), 0, "a city mid-collection still passes by default")
    }

    func testStaleFactsExitOneWhenAskedFor() throws {
        // Facts of 2025-07-05 judged on 2025-07-10: 5 days old, older than 4, not older than 5.
        let stale = try audit([try readyUnit()], staleAfter: 4)
        XCTAssertEqual(counted(stale), [0, 0, 0, 0, 0, 1])
        XCTAssertEqual(only(.stale).exitCode(for: stale), 1)
        XCTAssertEqual(allBut(.stale).exitCode(for: stale), 0)
        XCTAssertEqual(Gate().exitCode(for: stale), 0, "staleness is asked for, not assumed")
        XCTAssertEqual(only(.stale).exitCode(for: try audit([try readyUnit()], staleAfter: 5)), 0)
    }

    func testAnInvalidFileOutweighsAFailure() throws {
        let audit = try audit([("10002-binh.yaml", try Ward.ready("10002", "Phường Bình", [Ward.noFirewall])),
                               ("10005-em.yaml", try Ward.ready("10005", "Xã Em", [Ward.firewallYes]))])
        XCTAssertEqual(counted(audit), [1, 1, 0, 0, 0, 0])
        XCTAssertEqual(Gate().exitCode(for: audit), 2)
        XCTAssertEqual(only(.failed).exitCode(for: audit), 1)
    }

    func testAnAuditThatEvaluatedNoUnitExitsTwoWhateverTheGate() throws {
        // Its one file is invalid; a gate that chooses no kind at all still cannot pass it.
        let audit = try audit([("10005-em.yaml", try Ward.ready("10005", "Xã Em", [Ward.firewallYes]))])
        XCTAssertEqual(audit.valid, 0)
        XCTAssertEqual(Gate(failOn: []).exitCode(for: audit), 2)
        XCTAssertEqual(only(.failed).exitCode(for: audit), 2)
    }
}
