import Foundation
import YAMLTree

/// A city audit: the reduction of every unit's scorecard into what the city office reports up.
/// Built by `AuditAccumulator`, which keeps one small row per unit and never a parsed file.
public struct Audit: Sendable {
    /// One unit in the matrix: its outcome for each criterion (in `criteria` order) and what it needs.
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var contact: String?
        public var file: String
        public var outcomes: [Outcome]
        public var passed: Int
        public var ready: Bool
        public var cost: Int
        /// Catalogue item → quantity, and action kind → count, for the procurement plan.
        public var purchases: [String: Int]
        public var actions: [String: Int]
        public var remedies: [Remedy]
        /// The day the unit's facts describe, and whether that is older than the audit allows.
        public var asOf: Day?
        public var stale: Bool
        /// Criteria whose waiver for this unit has expired and was ignored.
        public var expiredWaivers: [String]
        /// Catalogue items this unit must buy but whose quantity waits on a fact it left out.
        public var unpriced: [String]
        /// Why each of its not-evaluable criteria could not be computed.
        public var problems: [EvaluationProblem]
    }

    public struct Invalid: Sendable {
        public var file: String
        /// The unit code, when the file got far enough to show it: the unit did submit.
        public var code: String?
        public var errorCount: Int
        /// The first few errors, enough to tell the unit what to fix first.
        public var firstErrors: [Diagnostic]
    }

    public struct Tally: Sendable {
        public var id: String
        public var group: String
        public var title: Localized
        public var passed = 0
        public var failed = 0
        public var notReported = 0
        public var notEvaluable = 0
        public var waived = 0
        /// Units kept below 16/16 by this criterion.
        public var blocking: Int { failed + notReported + notEvaluable }
    }

    public struct PlanLine: Sendable {
        public var item: String
        public var name: Localized
        public var unitCost: Int
        public var quantity: Int
        public var units: Int
        /// Units that need the item but have not reported what its quantity depends on: not in the total.
        public var unpricedUnits = 0
        public var total: Int { Money.times(unitCost, quantity) }
    }

    public struct ActionLine: Sendable {
        public var key: String
        public var name: Localized
        public var who: Localized
        public var count: Int
        public var units: Int
    }

    public var criteria: [(id: String, group: String, title: Localized)]
    public var groups: [(key: String, label: Localized)]
    public var province: String?
    public var rosterFile: String?
    public var rosterSize: Int?
    /// The one day every unit is judged on (`--as-of`, else the day of the run).
    public var evaluatedOn: Day?
    /// Facts older than this many days before `evaluatedOn` are stale.
    public var staleAfterDays: Int
    public var files: Int
    public var rows: [Row]
    public var invalid: [Invalid]
    /// Roster units with no file at all (an invalid file still counts as submitted).
    public var notSubmitted: [Roster.Unit]
    /// Audit-level problems: files whose code is not in the roster, codes submitted twice, roster mismatches.
    public var diagnostics: [Diagnostic]
    public var tallies: [Tally]
    public var plan: [PlanLine]
    public var actions: [ActionLine]

    public var valid: Int { rows.count }
    public var ready: Int { rows.filter(\.ready).count }
    public var stale: Int { rows.filter(\.stale).count }
    public var grandTotal: Int { Money.sum(plan.map(\.total)) }
    public var meanPassed: Double { rows.isEmpty ? 0 : Double(rows.reduce(0) { $0 + $1.passed }) / Double(rows.count) }
    public var criteriaCount: Int { criteria.count }
}

/// Folds unit reports into an `Audit` as they arrive, in any order; `finish` sorts and totals.
public final class AuditAccumulator {
    private let set: CriteriaSet
    private let roster: Roster?
    private let asOf: Day?
    private let staleAfterDays: Int
    private var rows: [Audit.Row] = []
    private var invalid: [Audit.Invalid] = []
    private var files = 0

    /// Facts older than this are stale unless the city says otherwise.
    public static let defaultStaleAfterDays = 90

    public init(criteria: CriteriaSet, roster: Roster?, asOf: Day? = nil, staleAfterDays: Int = AuditAccumulator.defaultStaleAfterDays) {
        self.set = criteria
        self.roster = roster
        self.asOf = asOf
        self.staleAfterDays = staleAfterDays
    }

    public func add(_ report: UnitReport) {
        files += 1
        guard let card = report.scorecard else {
            let errors = report.diagnostics.filter(\.isError)
            invalid.append(Audit.Invalid(file: report.file, code: report.code, errorCount: errors.count, firstErrors: Array(errors.prefix(3))))
            return
        }
        var purchases: [String: Int] = [:]
        var actions: [String: Int] = [:]
        var unpriced: [String] = []
        for remedy in card.remedies {
            switch remedy.kind {
            case .item(let key):
                guard let quantity = remedy.quantity else {
                    if !unpriced.contains(key) { unpriced.append(key) }
                    continue
                }
                purchases[key, default: 0] += quantity
            case .action(let key): actions[key, default: 0] += 1
            case .report: actions["report", default: 0] += 1
            }
        }
        rows.append(Audit.Row(code: card.code ?? "?", name: card.name ?? "?", contact: card.contact, file: report.file,
                              outcomes: card.results.map(\.outcome), passed: card.passed, ready: card.ready,
                              cost: card.totalCost, purchases: purchases, actions: actions, remedies: card.remedies, asOf: card.asOf,
                              stale: isStale(card.asOf), expiredWaivers: card.expiredWaivers.map(\.criterion), unpriced: unpriced,
                              problems: card.problems))
    }

    private func isStale(_ day: Day?) -> Bool {
        guard let day, let asOf else { return false }
        return asOf - day > staleAfterDays
    }

    public func finish() -> Audit {
        var diagnostics: [Diagnostic] = []
        // Two files for one unit: neither can be trusted, so both leave the counts and are named together.
        let byCode = Dictionary(grouping: rows, by: \.code)
        var kept: [Audit.Row] = []
        for (code, group) in byCode.sorted(by: { $0.key < $1.key }) {
            if group.count > 1 {
                let names = group.map(\.file).sorted()
                for file in names {
                    diagnostics.append(Diagnostic(file: file, at: .start, code: .duplicateUnit, message: Localized(
                        vi: "mã đơn vị \(code) có trong nhiều tệp: \(names.joined(separator: ", "))",
                        en: "unit code \(code) is submitted in several files: \(names.joined(separator: ", "))"),
                        hint: Localized(vi: "giữ một tệp cho mỗi đơn vị và xoá các tệp còn lại", en: "keep one file per unit and remove the others")))
                }
                continue
            }
            kept.append(group[0])
        }
        var notSubmitted: [Roster.Unit] = []
        if let roster {
            // A unit whose file is invalid did submit; it is listed with the invalid files instead.
            let submitted = Set(byCode.keys).union(invalid.compactMap(\.code))
            notSubmitted = roster.units.filter { !submitted.contains($0.code) }
            var inRoster: [Audit.Row] = []
            for row in kept {
                guard let unit = roster.unit(row.code) else {
                    diagnostics.append(Diagnostic(file: row.file, at: .start, code: .notInRoster, severity: .error, message: Localized(
                        vi: "mã đơn vị \(row.code) (\(row.name)) không có trong danh sách \(roster.file)",
                        en: "unit code \(row.code) (\(row.name)) is not in the roster \(roster.file)"),
                        hint: Localized(vi: "kiểm tra mã đơn vị, hoặc bổ sung đơn vị vào danh sách", en: "check the unit code, or add the unit to the roster")))
                    continue
                }
                inRoster.append(row)
                if unit.name != row.name {
                    diagnostics.append(Diagnostic(file: row.file, at: .start, code: .rosterMismatch, severity: .warning, message: Localized(
                        vi: "tên đơn vị \(row.code) là “\(row.name)”, danh sách ghi “\(unit.name)”",
                        en: "unit \(row.code) is named “\(row.name)” here but “\(unit.name)” in the roster")))
                }
            }
            // A file for a unit the city does not have cannot count towards any unit.
            kept = inRoster
        }
        kept.sort { ($0.passed, $1.code) > ($1.passed, $0.code) }

        var tallies = set.criteria.map { Audit.Tally(id: $0.id, group: $0.group, title: $0.title) }
        for row in kept {
            for (i, outcome) in row.outcomes.enumerated() where i < tallies.count {
                switch outcome {
                case .passed: tallies[i].passed += 1
                case .failed: tallies[i].failed += 1
                case .notReported: tallies[i].notReported += 1
                case .notEvaluable: tallies[i].notEvaluable += 1
                case .waived: tallies[i].waived += 1
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: set.criteria.enumerated().map { ($1.id, $0) })
        tallies.sort { ($0.blocking, order[$1.id]!) > ($1.blocking, order[$0.id]!) }

        let catalogue = set.catalogue
        let plan = catalogue.itemOrder.compactMap { key -> Audit.PlanLine? in
            let needing = kept.filter { ($0.purchases[key] ?? 0) > 0 }
            let unpriced = kept.filter { $0.unpriced.contains(key) }.count
            guard !needing.isEmpty || unpriced > 0, let item = catalogue.items[key] else { return nil }
            return Audit.PlanLine(item: key, name: item.name, unitCost: item.unitCost,
                                  quantity: needing.reduce(0) { $0 + $1.purchases[key]! }, units: needing.count, unpricedUnits: unpriced)
        }
        let actionKeys = catalogue.actionOrder + ["report"]
        let actions = actionKeys.compactMap { key -> Audit.ActionLine? in
            let needing = kept.filter { ($0.actions[key] ?? 0) > 0 }
            guard !needing.isEmpty else { return nil }
            let action = key == "report" ? catalogue.report : catalogue.actions[key]!
            return Audit.ActionLine(key: key, name: action.name, who: action.who,
                                    count: needing.reduce(0) { $0 + $1.actions[key]! }, units: needing.count)
        }
        if plan.contains(where: { Money.overflows($0.unitCost, $0.quantity) }) || Money.overflows(plan.map(\.total)) {
            diagnostics.append(Diagnostic(file: set.folder + "/" + CriteriaSet.catalogueFile, at: .start, code: .costOverflow, message: Localized(
                vi: "tổng chi phí vượt quá \(NumberText.money(Int.max, .vi)): số liệu không tính đúng được",
                en: "the cost total exceeds \(NumberText.money(Int.max, .en)): it cannot be computed exactly"),
                hint: Localized(vi: "kiểm tra đơn giá trong danh mục và số lượng trong các tệp", en: "check the unit costs in the catalogue and the quantities in the files")))
        }
        return Audit(criteria: set.criteria.map { ($0.id, $0.group, $0.title) }, groups: catalogue.groups,
                     province: roster?.province, rosterFile: roster?.file, rosterSize: roster?.units.count, evaluatedOn: asOf,
                     staleAfterDays: staleAfterDays,
                     files: files, rows: kept, invalid: invalid.sorted { $0.file < $1.file }, notSubmitted: notSubmitted,
                     diagnostics: diagnostics, tallies: tallies, plan: plan, actions: actions)
    }
}
