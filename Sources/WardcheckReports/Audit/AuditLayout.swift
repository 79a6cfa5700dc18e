import Foundation
import WardcheckCore

/// How every audit renderer lays out the same `Audit`: matrix columns in report-group order, ranks,
/// outcome symbols, the mean. Presentation only: the counts themselves come from the model.
struct AuditLayout {
    struct Column {
        let index: Int
        let id: String
        let title: Localized
    }

    struct Group {
        let key: String
        let label: Localized
        let columns: [Column]
    }

    let groups: [Group]
    /// Each group's criterion numbers, in `groups` order.
    private let groupColumns: [[Int]]

    init(_ audit: Audit) {
        self.init(criteria: audit.criteria, groups: audit.groups)
    }

    init(criteria: [(id: String, group: String, title: Localized)], groups listedGroups: [(key: String, label: Localized)]) {
        let columns = criteria.enumerated().map { (i, c) in (group: c.group, column: Column(index: i, id: c.id, title: c.title)) }
        var groups = listedGroups.compactMap { g -> Group? in
            let inGroup = columns.filter { $0.group == g.key }.map(\.column)
            return inGroup.isEmpty ? nil : Group(key: g.key, label: g.label, columns: inGroup)
        }
        // A criterion whose group the catalogue does not list still gets a column, at the end.
        let listed = Set(listedGroups.map(\.key))
        var extra: [String] = []
        for c in columns where !listed.contains(c.group) && !extra.contains(c.group) { extra.append(c.group) }
        for key in extra {
            groups.append(Group(key: key, label: Localized(key), columns: columns.filter { $0.group == key }.map(\.column)))
        }
        self.groups = groups
        groupColumns = groups.map { $0.columns.map(\.index) }
    }

    var columns: [Column] { groups.flatMap(\.columns) }

    /// Criteria passed in each group, in `groups` order.
    func subtotals(_ row: Audit.Row) -> [Int] {
        // Counted over the groups' criterion numbers: every unit's part asks, and filtering
        // copies of the columns was a tenth of writing it.
        var totals: [Int] = []
        totals.reserveCapacity(groupColumns.count)
        for columns in groupColumns {
            var passed = 0
            for index in columns where index < row.outcomes.count && row.outcomes[index] == .passed { passed += 1 }
            totals.append(passed)
        }
        return totals
    }


    func outcome(_ row: Audit.Row, _ column: Column) -> Outcome? {
        column.index < row.outcomes.count ? row.outcomes[column.index] : nil
    }

    /// Competition ranking over the model's order (most criteria met first): equal scores share a rank.
    static func ranks(_ rows: [Audit.Row]) -> [Int] {
        var ranks: [Int] = []
        for (i, row) in rows.enumerated() {
            ranks.append(i > 0 && rows[i - 1].passed == row.passed ? ranks[i - 1] : i + 1)
        }
        return ranks
    }

    /// How ready the city is, as a tone: good when every unit judged is ready, warn from half of
    /// them, bad below (and when no unit could be judged). Never green for 1 in 87.
    static func readiness(_ ready: Int, of valid: Int) -> String {
        guard valid > 0 else { return "bad" }
        if ready == valid { return "good" }
        return ready * 2 >= valid ? "warn" : "bad"
    }

    static func symbol(_ outcome: Outcome?) -> String {
        switch outcome {
        case .passed: return "✓"
        case .failed: return "✗"
        case .notReported: return "?"
        case .notEvaluable: return "!"
        case .waived: return "~"
        case nil: return " "
        }
    }

    static let legendOrder: [Outcome] = [.passed, .failed, .notReported, .notEvaluable, .waived]

    /// "13,4" in Vietnamese, "13.4" in English.
    static func decimal(_ value: Double, _ language: Language, places: Int = 1) -> String {
        NumberText.decimal(value, language, places: places)
    }

    /// One need in words: "Máy tính × 2", "Báo cáo số liệu còn thiếu".
    static func need(_ need: Audit.Need, _ audit: Audit, _ language: Language) -> String {
        let task = audit.tasks[Int(need.index)]
        let name = task.name.text(language)
        let quantity = NumberText.grouped(Int(need.quantity), language)
        if let counts = task.counts {
            // "Phủ sóng di động: 5 thôn lõm sóng, trắng sóng": the quantity in its own words.
            return name + ": " + counts.filling(["value": Localized(vi: quantity, en: quantity)]).text(language)
        }
        return task.kind == .item || task.measured || need.quantity > 1 ? name + " × " + quantity : name
    }

    /// What a unit's needs from one party cost (actions cost nothing).
    static func cost(_ needs: [Audit.Need], _ audit: Audit) -> Int {
        Money.sum(needs.map { Money.times(audit.tasks[Int($0.index)].unitCost ?? 0, Int($0.quantity)) })
    }

    /// A roster unit's value for a column, as the schema labels it.
    static func attribute(_ unit: Roster.Unit, _ column: Audit.RosterColumn, _ language: Language) -> String {
        unit.attributes.first { $0.key == column.key }.map { column.display($0.value).text(language) } ?? ""
    }

    /// A share as a whole percentage, "0" when there is nothing to divide.
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded())
    }

    /// The ids with their shared prefix removed ("TC01"… → "01"…), for narrow column headers.
    static func shortIDs(_ ids: [String]) -> [String] {
        guard var prefix = ids.first.map(Array.init) else { return [] }
        for id in ids.dropFirst() {
            let chars = Array(id)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        // Keep at least one character of every id.
        let drop = min(prefix.count, (ids.map(\.count).min() ?? 1) - 1)
        return ids.map { String($0.dropFirst(max(0, drop))) }
    }

    /// Pads by `Character` count, so "Phường Hòa Xuân" lines up however its diacritics are encoded.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// Cut to `width` characters with an ellipsis, so one long name cannot widen every row.
    static func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    /// Ward text for a terminal or a Markdown table, on one line: control characters (line breaks,
    /// escape sequences that could repaint the terminal), bidirectional overrides and zero-width
    /// characters are shown as `\u{…}`.
    static func plain(_ text: String) -> String {
        HiddenCharacters.escaped(text)
    }
}
