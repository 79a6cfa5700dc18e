import Foundation
import WardcheckCore
import XCTest

/// A city small enough to work out by hand: each unit is a facts text (the ready ward of
/// Tests/Fixtures/facts with a line or two changed), judged on one day and reduced by
/// `AuditAccumulator` as `wardcheck audit` reduces a folder, but without a file on disk.
struct SmallCity {
    /// The day every unit is judged on. The ready ward's facts are of 2025-07-05 (5 days back),
    /// its video endpoint tested on 2025-07-01 (9 days back, within 30), its generator on
    /// 2025-06-20 (20 days back, within 90): on this day it meets all 16 shipped criteria.
    static let day = Day(iso: "2025-07-10")!

    let criteria: CriteriaSet
    let roster: Roster?
    var asOf: Day? = SmallCity.day
    var staleAfterDays = AuditAccumulator.defaultStaleAfterDays

    /// `roster`: the roster's units as (code, name), written as a roster file; nil for an audit without one.
    init(criteria: CriteriaSet, roster units: [(code: String, name: String)]?, test: XCTestCase) throws {
        let text = units.map { units in
            "roster: 1\nprovince: \"Thành phố Thử\"\nunits:\n" + units.map { "  - { code: \"\($0.code)\", name: \"\($0.name)\" }\n" }.joined()
        }
        try self.init(criteria: criteria, rosterText: text, test: test)
    }

    /// `rosterText`: a roster file's whole text, for rosters that record more than code and name.
    init(criteria: CriteriaSet, rosterText: String?, test: XCTestCase) throws {
        self.criteria = criteria
        guard let rosterText else {
            roster = nil
            return
        }
        let (loaded, diagnostics) = Roster.load(path: try Repo.write(rosterText, name: "roster.yaml", test: test), schema: criteria.schema)
        roster = try XCTUnwrap(loaded, diagnostics.map(\.message.en).joined(separator: "; "))
    }

    /// The audit of these files, added in the order given, each shown by its name.
    func audit(_ files: [(name: String, facts: String)]) -> Audit {
        let evaluator = Evaluator(criteria: criteria, asOf: asOf, today: asOf, roster: roster)
        let accumulator = AuditAccumulator(criteria: criteria, roster: roster, asOf: asOf, staleAfterDays: staleAfterDays)
        for file in files {
            let loaded = FactsFile.load(text: file.facts, path: file.name, validator: criteria.validator, checks: UnitReport.checks(evaluator))
            accumulator.add(UnitReport.check(loaded, evaluator: evaluator))
        }
        return accumulator.finish()
    }
}

/// Facts texts for a small city: the ready ward under another code and name, with lines changed.
enum Ward {
    typealias Edit = (find: String, replace: String)

    struct EditNotFound: Error, CustomStringConvertible {
        var find: String
        var description: String { "the ready ward does not hold `\(find)` exactly once" }
    }

    /// The ready ward (16/16 on `SmallCity.day`) as unit `code`, `name`, with each `find` replaced.
    /// A `find` that is not in the text exactly once throws: an edit that changed nothing would
    /// leave a test working out figures for a ward that is not the one judged.
    static func ready(_ code: String, _ name: String, _ edits: [Edit] = []) throws -> String {
        var text = try edited(Repo.readyWard, "code: \"99001\", name: \"Phường Thử Nghiệm\"", "code: \"\(code)\", name: \"\(name)\"")
        for edit in edits { text = try edited(text, edit.find, edit.replace) }
        return text
    }

    private static func edited(_ text: String, _ find: String, _ replace: String) throws -> String {
        guard text.components(separatedBy: find).count == 2 else { throw EditNotFound(find: find) }
        return text.replacingOccurrences(of: find, with: replace)
    }

    // One-line changes to the ready ward, each worked out against the shipped criteria.

    /// TC16 fails: no firewall; its remedy buys 1 firewall (30.000.000 ₫, city procurement).
    static let noFirewall: Edit = (find: "  firewall: true\n", replace: "  firewall: false\n")
    /// TC16 not reported: the firewall left out.
    static let firewallLeftOut: Edit = (find: "  firewall: true\n", replace: "")
    /// An invalid file: `yes` is not a boolean (WC103), though the unit code can still be read.
    static let firewallYes: Edit = (find: "  firewall: true\n", replace: "  firewall: yes\n")
    /// TC01 fails: no fibre; its remedy is 1 fibre upgrade (5.000.000 ₫, the telecom operator).
    /// The speed check applies only to fibre, so it asks for nothing more.
    static let noFibre: Edit = (find: "fibre: true", replace: "fibre: false")
    /// TC04 fails: no 4G at the office; the telecom operator must extend coverage (an action
    /// without a quantity; every village has signal, so no remedy with one beside it).
    static let no4GAtTheOffice: Edit = (find: "headquarters_4g: true", replace: "headquarters_4g: false")
    /// TC11 fails: no IT officer; the unit's chair must designate one (an action without a quantity).
    static let noITOfficer: Edit = (find: "  it_officer: true\n", replace: "  it_officer: false\n")
    /// TC10 not reported: the printers left out.
    static let printersLeftOut: Edit = (find: "  printers: { working: 10 }\n", replace: "")
    /// TC10 fails: 6 printers for ⌈45 ÷ 5⌉ = 9, 3 short (3 × 6.000.000 ₫).
    static let sixPrinters: Edit = (find: "printers: { working: 10 }", replace: "printers: { working: 6 }")
    /// TC10 fails: 8 printers for ⌈45 ÷ 5⌉ = 9, 1 short (6.000.000 ₫).
    static let eightPrinters: Edit = (find: "printers: { working: 10 }", replace: "printers: { working: 8 }")
    /// TC13 fails: 19 trained of ⌈0,9 × 45⌉ = 41, 22 short (22 × 500.000 = 11.000.000 ₫).
    static let nineteenTrained: Edit = (find: "  trained: 45\n", replace: "  trained: 19\n")
    /// The video endpoint tested on 2025-05-01: 70 days before 2025-07-10, past TC05's 30 (an action, no quantity).
    static let videoTestInMay: Edit = (find: "last_test: 2025-07-01", replace: "last_test: 2025-05-01")

    /// TC15 fails on two checks: 40 document accounts for 45 officials (5 short) and 42 mailboxes (3 short).
    static let accountsShort: [Edit] = [("document_accounts: 45", "document_accounts: 40"), ("email_accounts: 45", "email_accounts: 42")]
    /// TC15 fails on one check: 44 mailboxes for 45 officials (1 short).
    static let oneMailboxShort: Edit = (find: "email_accounts: 45", replace: "email_accounts: 44")

    /// TC08 fails: `working` computers for 45 officials, 45 − working short. Protected computers
    /// cannot exceed working ones (a rule of the schema), so they come down too and TC16 still holds.
    static func computers(_ working: Int) -> [Edit] {
        [("computers: { working: 45 }", "computers: { working: \(working) }"),
         ("  protected_computers: 45\n", "  protected_computers: \(working)\n")]
    }
}
