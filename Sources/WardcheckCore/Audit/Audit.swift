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
        /// What the unit needs, one entry a task it needs (indices into `Audit.tasks`), in task order.
        public var needs: [Need]
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
        /// Where the unit's file came in the run's input (0 for the first): how a report that
        /// rendered the unit's part while it was judged finds that part again.
        public var input: Int = 0

        public func count(_ outcome: Outcome) -> Int { outcomes.reduce(0) { $1 == outcome ? $0 + 1 : $0 } }
    }

    /// Something to buy or to do and the party responsible for it: a catalogue item or action
    /// with its usual `who`, or with the other party a criterion's remedy names.
    public struct Task: Sendable {
        public enum Kind: String, Sendable {
            case item, action, report
        }

        public var kind: Kind
        public var key: String
        public var name: Localized
        public var role: String
        public var who: Localized
        /// Items only: the catalogue's unit cost.
        public var unitCost: Int?
        /// Actions only: whether the criteria count it (5 villages to cover) or it is done once
        /// per unit (4G at the office). The two are different tasks, so no quantity mixes them.
        public var measured = false
        /// What a measured action counts, as the schema says its quantity's fact ("{value} thôn
        /// lõm sóng, trắng sóng"), when the quantity is that fact.
        public var counts: Localized? = nil
    }

    /// How much of one task one unit needs. Kept flat and small (12 bytes) because an audit
    /// keeps one list of these per unit, for every unit of a country.
    public struct Need: Sendable, Equatable {
        /// Index into `Audit.tasks`, or, in a plan line's `shares`, into `Audit.rows`.
        public var index: Int32
        /// Items: how many to buy; actions: the sum of the remedies' quantities, each remedy without one counting 1.
        public var quantity: Int32
        /// How many of the unit's remedies ask for it.
        public var remedies: Int32
    }

    public struct Invalid: Sendable {
        public var file: String
        /// The unit code, when the file got far enough to show it: the unit did submit.
        public var code: String?
        public var errorCount: Int
        /// The first few errors, enough to tell the unit what to fix first.
        public var firstErrors: [Diagnostic]
        /// The unit's name in the roster, when the file's code is there: how people know the unit.
        public var name: String? = nil
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

    /// One item to buy by one party, over every unit that needs it.
    public struct PlanLine: Sendable {
        public var task: Int
        public var item: String
        public var name: Localized
        public var role: String
        public var who: Localized
        public var unitCost: Int
        public var quantity: Int
        public var units: Int
        /// Each unit that needs the item: `index` into `rows` (ranked order) and its quantity.
        public var shares: [Need]
        /// Units that need the item but have not reported what its quantity depends on: not in the total.
        public var unpricedUnits = 0
        public var total: Int { Money.times(unitCost, quantity) }
    }

    /// One action (or "report the missing facts") by one party, over every unit that needs it.
    public struct ActionLine: Sendable {
        public var task: Int
        public var key: String
        public var name: Localized
        public var role: String
        public var who: Localized
        /// Remedies of this kind across the units.
        public var count: Int
        public var quantity: Int
        public var units: Int
        public var shares: [Need]
    }

    /// What one responsible party must buy or do: its lines of the plan and of the actions.
    public struct Party: Sendable {
        public var role: String
        public var who: Localized
        /// Indices into `plan` and `actions`.
        public var plan: [Int]
        public var actions: [Int]
        /// Units with at least one task for this party.
        public var units: Int
        public var total: Int
    }

    /// A unit code found in more than one file (valid or not).
    public struct Duplicate: Sendable {
        public var code: String
        /// The roster's name for the unit, else the name its first valid file gives.
        public var name: String?
        public var files: [String]
        public var inRoster: Bool
    }

    /// Every unit in exactly one place. With a roster, `ready + notReady + invalid + duplicated +
    /// notSubmitted` is the roster's size and `outside` counts the files that belong to no
    /// roster unit; without one, the four first add up to the units that sent files.
    public struct Accounting: Sendable, Equatable {
        public var roster: Int?
        public var ready: Int
        public var notReady: Int
        /// Units whose one file could not be evaluated.
        public var invalid: Int
        /// Units with more than one file.
        public var duplicated: Int
        public var notSubmitted: Int
        /// Files whose code is not in the roster, or that gave no code at all.
        public var outside: Int

        public init(roster: Int?, ready: Int, notReady: Int, invalid: Int, duplicated: Int, notSubmitted: Int, outside: Int) {
            (self.roster, self.ready, self.notReady, self.invalid) = (roster, ready, notReady, invalid)
            (self.duplicated, self.notSubmitted, self.outside) = (duplicated, notSubmitted, outside)
        }

        /// Units judged: the only ones a readiness share or a cost can speak for.
        public var judged: Int { ready + notReady }
        /// The units accounted for: the roster's size when there is one.
        public var units: Int { ready + notReady + invalid + duplicated + notSubmitted }
    }

    /// The roster's own columns (type, terrain, …) as the schema names them and labels their values.
    public struct RosterColumn: Sendable {
        public var key: String
        public var label: Localized
        public var values: [String: Localized]

        public func display(_ value: String) -> Localized { values[value] ?? Localized(value) }
    }

    public var criteria: [(id: String, group: String, title: Localized)]
    public var groups: [(key: String, label: Localized)]
    public var province: String?
    public var rosterFile: String?
    public var rosterSize: Int?
    public var rosterColumns: [RosterColumn]
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
    /// Units with more than one file: none of their files counts until only one is left.
    public var duplicates: [Duplicate]
    /// Where every unit stands, so that a headline accounts for all of them.
    public var accounting: Accounting
    public var tallies: [Tally]
    public var tasks: [Task]
    public var plan: [PlanLine]
    public var actions: [ActionLine]
    public var parties: [Party]
    /// The criteria the audit was made with, so that audits judged by different rules are never
    /// added together (`wardcheck rollup`).
    public var criteriaSet: CriteriaIdentity? = nil

    public var valid: Int { rows.count }
    public var ready: Int { rows.filter(\.ready).count }
    public var stale: Int { rows.filter(\.stale).count }
    /// Evaluated units with at least one criterion that could not be computed.
    public var withNotEvaluable: Int { rows.filter { $0.outcomes.contains(.notEvaluable) }.count }
    /// Evaluated units holding at least one active waiver.
    public var withWaivers: Int { rows.filter { $0.outcomes.contains(.waived) }.count }
    /// Evaluated units with at least one criterion not reported.
    public var incomplete: Int { rows.filter { $0.outcomes.contains(.notReported) }.count }
    /// A unit's needs that fall to one party, in task order.
    public func needs(of row: Row, role: String) -> [Need] { row.needs.filter { tasks[Int($0.index)].role == role } }
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

    /// Everything a remedy can ask for, in the order reports list them: known before the first unit.
    public let tasks: [Audit.Task]
    private let taskIndex: [TaskID: Int]

    /// Facts older than this are stale unless the city says otherwise.
    public static let defaultStaleAfterDays = 90

    public init(criteria: CriteriaSet, roster: Roster?, asOf: Day? = nil, staleAfterDays: Int = AuditAccumulator.defaultStaleAfterDays) {
        self.set = criteria
        self.roster = roster
        self.asOf = asOf
        self.staleAfterDays = staleAfterDays
        (tasks, taskIndex) = Self.tasks(criteria)
    }

    /// Room for the rows of `units` files, made once: grown a unit at a time, a country's rows
    /// (some 160 bytes each) were held in an array up to twice their size.
    public func expect(units: Int) {
        rows.reserveCapacity(units)
    }

    /// Every task a remedy can ask for, known before the first file: the catalogue's items and
    /// actions with their usual party, then any other party a criterion's remedy names, then "report".
    private static func tasks(_ set: CriteriaSet) -> ([Audit.Task], [TaskID: Int]) {
        let catalogue = set.catalogue
        var tasks: [Audit.Task] = []
        var index: [TaskID: Int] = [:]
        func add(_ kind: Audit.Task.Kind, _ key: String, _ role: String, measured: Bool = false, counts: Localized? = nil) {
            let id = Self.taskID(kind, key, role, measured: measured)
            guard index[id] == nil else { return }
            let who = catalogue.roles[role] ?? Localized(role)
            switch kind {
            case .item:
                guard let item = catalogue.items[key] else { return }
                tasks.append(Audit.Task(kind: .item, key: key, name: item.name, role: role, who: who, unitCost: item.unitCost))
            case .action:
                guard let action = catalogue.actions[key] else { return }
                tasks.append(Audit.Task(kind: .action, key: key, name: action.name, role: role, who: who, unitCost: nil,
                                        measured: measured, counts: counts))
            case .report:
                tasks.append(Audit.Task(kind: .report, key: key, name: catalogue.report.name, role: role, who: who, unitCost: nil))
            }
            index[id] = tasks.count - 1
        }
        for key in catalogue.itemOrder { add(.item, key, catalogue.items[key]!.role) }
        for key in catalogue.actionOrder { add(.action, key, catalogue.actions[key]!.role) }
        for criterion in set.criteria {
            for check in criterion.checks {
                switch check.remedy.kind {
                case .item(let key):
                    if let role = check.remedy.role { add(.item, key, role) }
                case .action(let key):
                    guard let usual = catalogue.actions[key]?.role else { continue }
                    let role = check.remedy.role ?? usual
                    if check.remedy.quantity == nil {
                        add(.action, key, role)
                    } else {
                        add(.action, key, role, measured: true, counts: Self.counts(check.remedy.quantity, set.schema))
                    }
                }
            }
        }
        add(.report, "report", catalogue.report.role)
        // Items, then actions, then "report", each in catalogue order; another party beside the usual one.
        let kinds: [Audit.Task.Kind] = [.item, .action, .report]
        let keys = catalogue.itemOrder + catalogue.actionOrder
        let placed = tasks.enumerated().sorted { a, b in
            let ka = (kinds.firstIndex(of: a.element.kind)!, keys.firstIndex(of: a.element.key) ?? keys.count, a.offset)
            let kb = (kinds.firstIndex(of: b.element.kind)!, keys.firstIndex(of: b.element.key) ?? keys.count, b.offset)
            return ka < kb
        }.map(\.element)
        var placedIndex: [TaskID: Int] = [:]
        for (i, task) in placed.enumerated() { placedIndex[taskID(task.kind, task.key, task.role, measured: task.measured)] = i }
        return (placed, placedIndex)
    }

    /// The words for what a measured action counts: its quantity's fact's `says`, when the
    /// quantity is that one fact.
    private static func counts(_ quantity: RemedySpec.Quantity?, _ schema: FactsSchema) -> Localized? {
        guard case .expression(.fact(let path, _, _)) = quantity else { return nil }
        return schema.field(path)?.says
    }

    fileprivate static func taskID(_ kind: Audit.Task.Kind, _ key: String, _ role: String, measured: Bool = false) -> TaskID {
        TaskID(kind: kind, key: key, role: role, measured: measured)
    }

    /// What tells one task from another. Hashed as it is: joining the parts into one string for
    /// every remedy of every unit was a third of making the unit's row.
    fileprivate struct TaskID: Hashable, Sendable {
        var kind: Audit.Task.Kind
        var key: String
        var role: String
        var measured: Bool
    }

    /// What one unit adds to the audit: its row, or the errors of its invalid file.
    public enum Entry: Sendable {
        case row(Audit.Row)
        case invalid(Audit.Invalid)
    }

    public func add(_ report: UnitReport) {
        add(entry(for: report, input: files))
    }

    /// Adds what `entry(for:input:)` made of a unit, in any order.
    public func add(_ entry: Entry) {
        files += 1
        switch entry {
        case .row(let row): rows.append(row)
        case .invalid(let invalid): self.invalid.append(invalid)
        }
    }

    /// A unit reduced to what the audit keeps of it, as `add(_ report:)` reduces it.
    public func entry(for report: UnitReport, input: Int) -> Entry {
        rowMaker.entry(for: report, input: input)
    }

    /// What reduces units to rows: it reads nothing the accumulator changes, so workers use it on
    /// their own cores while the units are judged, and only `add` takes turns.
    public var rowMaker: RowMaker {
        RowMaker(taskIndex: taskIndex, asOf: asOf, staleAfterDays: staleAfterDays)
    }

    public struct RowMaker: Sendable {
        fileprivate let taskIndex: [TaskID: Int]
        fileprivate let asOf: Day?
        fileprivate let staleAfterDays: Int

        public func entry(for report: UnitReport, input: Int) -> Entry {
            guard let card = report.scorecard else {
                let errors = report.diagnostics.filter(\.isError)
                return .invalid(Audit.Invalid(file: report.file, code: report.code, errorCount: errors.count, firstErrors: Array(errors.prefix(3))))
            }
            var needs: [Audit.Need] = []
            var unpriced: [String] = []
            let remedies = card.remedies
            for remedy in remedies {
                let kind: Audit.Task.Kind
                switch remedy.kind {
                case .item(let key):
                    // A purchase whose quantity waits on a left-out fact is listed, never guessed.
                    guard remedy.quantity != nil else {
                        if !unpriced.contains(key) { unpriced.append(key) }
                        continue
                    }
                    kind = .item
                case .action: kind = .action
                case .report: kind = .report
                }
                let measured = kind == .action && remedy.measured
                guard let task = taskIndex[AuditAccumulator.taskID(kind, remedy.kindKey, remedy.role, measured: measured)] else { continue }
                let quantity = Int32(clamping: remedy.quantity ?? 1)
                if let at = needs.firstIndex(where: { $0.index == Int32(task) }) {
                    needs[at].quantity = needs[at].quantity.addingReportingOverflow(quantity).overflow ? .max : needs[at].quantity + quantity
                    needs[at].remedies += 1
                } else {
                    needs.append(Audit.Need(index: Int32(task), quantity: quantity, remedies: 1))
                }
            }
            needs.sort { $0.index < $1.index }
            return .row(Audit.Row(code: card.code ?? "?", name: card.name ?? "?", contact: card.contact, file: report.file,
                                  outcomes: card.results.map(\.outcome), passed: card.passed, ready: card.ready,
                                  cost: Money.sum(remedies.map(\.cost)), needs: needs, remedies: remedies, asOf: card.asOf,
                                  stale: isStale(card.asOf), expiredWaivers: card.expiredWaivers.map(\.criterion), unpriced: unpriced,
                                  problems: card.problems, input: input))
        }

        private func isStale(_ day: Day?) -> Bool {
            guard let day, let asOf else { return false }
            return asOf - day > staleAfterDays
        }
    }

    /// Whether `code` is among `rows`, whose indices `byCode` lists in code order.
    private static func contains(_ code: String, in byCode: [Int], of rows: [Audit.Row]) -> Bool {
        var low = 0
        var high = byCode.count
        while low < high {
            let middle = (low + high) / 2
            if rows[byCode[middle]].code < code { low = middle + 1 } else { high = middle }
        }
        return low < byCode.count && rows[byCode[low]].code == code
    }

    /// Puts `rows[order[k]]` at place k for every k, by swapping one cycle of places at a time:
    /// each row is moved, never copied (a copy retains every string and array a row holds).
    static func permute<T>(_ rows: inout [T], into order: [Int]) {
        var placed = [Bool](repeating: false, count: rows.count)
        for start in rows.indices where !placed[start] {
            var k = start
            while true {
                placed[k] = true
                let from = order[k]
                if from == start { break }
                rows.swapAt(k, from)
                k = from
            }
        }
    }

    /// Sorts and totals what was added; call it once, as the rows move into the audit.
    public func finish() -> Audit {
        var diagnostics: [Diagnostic] = []
        // Rows by code, without copying them: the audit of a country holds nothing twice.
        let byCode = rows.indices.sorted { rows[$0].code < rows[$1].code }
        var keep = [Bool](repeating: true, count: rows.count)
        // Invalid files with a code: a unit that sent a broken file and a good one sent two.
        var invalidFiles: [String: [String]] = [:]
        for file in invalid { if let code = file.code { invalidFiles[code, default: []].append(file.file) } }
        var duplicates: [Audit.Duplicate] = []
        func duplicate(_ code: String, _ files: [String], name: String?) {
            let names = files.sorted()
            for file in names {
                diagnostics.append(Diagnostic(file: file, at: .start, code: .duplicateUnit, message: Localized(
                    vi: "mã đơn vị \(code) có trong nhiều tệp: \(names.joined(separator: ", "))",
                    en: "unit code \(code) is submitted in several files: \(names.joined(separator: ", "))"),
                    hint: Localized(vi: "giữ một tệp cho mỗi đơn vị và xoá các tệp còn lại", en: "keep one file per unit and remove the others"),
                    plain: Localized(vi: "Đơn vị \(code) nộp \(names.count) tệp số liệu; thành phố chưa tính đơn vị này cho đến khi chỉ còn một tệp",
                                     en: "Unit \(code) submitted \(names.count) facts files; the city leaves it out until only one is left")))
            }
            let rostered = roster?.unit(code)
            duplicates.append(Audit.Duplicate(code: code, name: rostered?.name ?? name, files: names, inRoster: roster == nil || rostered != nil))
        }
        var first = 0
        while first < byCode.count {
            var next = first + 1
            while next < byCode.count, rows[byCode[next]].code == rows[byCode[first]].code { next += 1 }
            let code = rows[byCode[first]].code
            let files = byCode[first..<next].map { rows[$0].file } + (invalidFiles[code] ?? [])
            if files.count > 1 {
                // Two files for one unit: neither can be trusted, so both leave the counts and are named together.
                duplicate(code, files, name: rows[byCode[first]].name)
                for i in byCode[first..<next] { keep[i] = false }
            }
            invalidFiles[code] = nil
            first = next
        }
        // Codes only in broken files, sent more than once.
        for (code, files) in invalidFiles.sorted(by: { $0.key < $1.key }) where files.count > 1 {
            duplicate(code, files, name: nil)
        }
        duplicates.sort { $0.code < $1.code }
        let duplicated = Set(duplicates.map(\.code))
        var notSubmitted: [Roster.Unit] = []
        var outside = 0
        if let roster {
            // A unit whose file is invalid did submit; it is listed with the invalid files instead.
            let invalidCodes = Set(invalid.compactMap(\.code))
            for i in invalid.indices { invalid[i].name = invalid[i].code.flatMap { roster.unit($0)?.name } }
            notSubmitted = roster.units.filter { unit in
                !invalidCodes.contains(unit.code) && !Self.contains(unit.code, in: byCode, of: rows)
            }
            for file in invalid where file.code.map({ roster.unit($0) == nil }) ?? true { outside += 1 }
            for group in duplicates where !group.inRoster {
                // Its invalid files are already counted above.
                outside += group.files.count - group.files.filter { f in invalid.contains { $0.file == f } }.count
            }
            // Read in place: copying a row out retains each of its dozen strings and arrays.
            for i in byCode where keep[i] {
                guard let unit = roster.unit(rows[i].code) else {
                    let row = rows[i]
                    diagnostics.append(Diagnostic(file: row.file, at: .start, code: .notInRoster, severity: .error, message: Localized(
                        vi: "mã đơn vị \(row.code) (\(row.name)) không có trong danh sách \(roster.file)",
                        en: "unit code \(row.code) (\(row.name)) is not in the roster \(roster.file)"),
                        hint: Localized(vi: "kiểm tra mã đơn vị, hoặc bổ sung đơn vị vào danh sách", en: "check the unit code, or add the unit to the roster"),
                        plain: Localized(vi: "Mã đơn vị \(row.code) (\(row.name)) không có trong danh sách đơn vị của thành phố",
                                         en: "Unit code \(row.code) (\(row.name)) is not in the city's roster")))
                    // A file for a unit the city does not have cannot count towards any unit.
                    keep[i] = false
                    outside += 1
                    continue
                }
                if unit.name != rows[i].name {
                    let row = rows[i]
                    diagnostics.append(Diagnostic(file: row.file, at: .start, code: .rosterMismatch, severity: .warning, message: Localized(
                        vi: "tên đơn vị \(row.code) là “\(row.name)”, danh sách ghi “\(unit.name)”",
                        en: "unit \(row.code) is named “\(row.name)” here but “\(unit.name)” in the roster"),
                        plain: Localized(vi: "Tệp của đơn vị \(row.code) ghi tên «\(row.name)», danh sách của thành phố ghi «\(unit.name)»",
                                         en: "The file of unit \(row.code) names it «\(row.name)», the city roster «\(unit.name)»")))
                }
            }
        }
        // Units whose one file is broken: with a roster, those it lists; without, every broken
        // file not part of a duplicate (a file without a code may be any unit's).
        let brokenUnits: Int
        if let roster {
            brokenUnits = Set(invalid.compactMap(\.code).filter { roster.unit($0) != nil && !duplicated.contains($0) }).count
        } else {
            brokenUnits = invalid.filter { $0.code.map { !duplicated.contains($0) } ?? true }.count
        }
        var kept = rows
        rows = []
        var written = 0
        for i in kept.indices where keep[i] {
            kept.swapAt(written, i)
            written += 1
        }
        kept.removeLast(kept.count - written)
        // Most passed first, then by code: the places sorted, then each row moved once, rather
        // than rows (a dozen strings and arrays each) copied at every step of the sort.
        let ranking = kept.indices.sorted { a, b in (kept[a].passed, kept[b].code) > (kept[b].passed, kept[a].code) }
        Self.permute(&kept, into: ranking)
        var readyCount = 0
        for r in kept.indices where kept[r].ready { readyCount += 1 }

        var tallies = set.criteria.map { Audit.Tally(id: $0.id, group: $0.group, title: $0.title) }
        for r in kept.indices {
            for (i, outcome) in kept[r].outcomes.enumerated() where i < tallies.count {
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

        // Every unit's share of every task, in ranked order.
        var shares = Array(repeating: [Audit.Need](), count: tasks.count)
        for r in kept.indices {
            for need in kept[r].needs { shares[Int(need.index)].append(Audit.Need(index: Int32(r), quantity: need.quantity, remedies: need.remedies)) }
        }
        var plan: [Audit.PlanLine] = []
        var actions: [Audit.ActionLine] = []
        for (i, task) in tasks.enumerated() {
            // Units that need an item not yet priced are counted on the item's usual party's line.
            var unpriced = 0
            if task.kind == .item && set.catalogue.items[task.key]?.role == task.role {
                for r in kept.indices where kept[r].unpriced.contains(task.key) { unpriced += 1 }
            }
            guard !shares[i].isEmpty || unpriced > 0 else { continue }
            let quantity = shares[i].reduce(0) { $0 + Int($1.quantity) }
            let count = shares[i].reduce(0) { $0 + Int($1.remedies) }
            if task.kind == .item {
                plan.append(Audit.PlanLine(task: i, item: task.key, name: task.name, role: task.role, who: task.who,
                                           unitCost: task.unitCost ?? 0, quantity: quantity, units: shares[i].count, shares: shares[i],
                                           unpricedUnits: unpriced))
            } else {
                actions.append(Audit.ActionLine(task: i, key: task.key, name: task.name, role: task.role, who: task.who,
                                                count: count, quantity: quantity, units: shares[i].count, shares: shares[i]))
            }
        }
        let roleOrder = set.catalogue.roleOrder + tasks.map(\.role).filter { !set.catalogue.roleOrder.contains($0) }
        var parties: [Audit.Party] = []
        for role in roleOrder {
            let planLines = plan.indices.filter { plan[$0].role == role }
            let actionLines = actions.indices.filter { actions[$0].role == role }
            guard !planLines.isEmpty || !actionLines.isEmpty else { continue }
            var units = Set<Int32>()
            for i in planLines { for s in plan[i].shares { units.insert(s.index) } }
            for i in actionLines { for s in actions[i].shares { units.insert(s.index) } }
            parties.append(Audit.Party(role: role, who: set.catalogue.roles[role] ?? Localized(role), plan: planLines, actions: actionLines,
                                       units: units.count, total: Money.sum(planLines.map { plan[$0].total })))
        }
        var columns: [Audit.RosterColumn] = []
        let block = set.schema.field(set.schema.codeField)?.parent ?? ""
        for unit in roster?.units ?? [] {
            for (key, _) in unit.attributes where !columns.contains(where: { $0.key == key }) {
                let field = set.schema.field(block.isEmpty ? key : block + "." + key)
                columns.append(Audit.RosterColumn(key: key, label: field?.label ?? Localized(key), values: field?.labels ?? [:]))
            }
        }
        if plan.contains(where: { Money.overflows($0.unitCost, $0.quantity) }) || Money.overflows(plan.map(\.total)) {
            diagnostics.append(Diagnostic(file: set.folder + "/" + CriteriaSet.catalogueFile, at: .start, code: .costOverflow, message: Localized(
                vi: "tổng chi phí vượt quá \(NumberText.money(Int.max, .vi)): số liệu không tính đúng được",
                en: "the cost total exceeds \(NumberText.money(Int.max, .en)): it cannot be computed exactly"),
                hint: Localized(vi: "kiểm tra đơn giá trong danh mục và số lượng trong các tệp", en: "check the unit costs in the catalogue and the quantities in the files")))
        }
        return Audit(criteria: set.criteria.map { ($0.id, $0.group, $0.title) }, groups: set.catalogue.groups,
                     province: roster?.province, rosterFile: roster?.file, rosterSize: roster?.units.count, rosterColumns: columns, evaluatedOn: asOf,
                     staleAfterDays: staleAfterDays,
                     files: files, rows: kept, invalid: invalid.sorted { $0.file < $1.file }, notSubmitted: notSubmitted,
                     diagnostics: diagnostics,
                     duplicates: duplicates,
                     accounting: Audit.Accounting(roster: roster?.units.count, ready: readyCount, notReady: kept.count - readyCount,
                                                  invalid: brokenUnits, duplicated: duplicates.filter(\.inRoster).count,
                                                  notSubmitted: notSubmitted.count, outside: outside),
                     tallies: tallies, tasks: tasks, plan: plan, actions: actions, parties: parties, criteriaSet: set.identity)
    }
}
