import Foundation
import WardcheckCore

/// `audit --format xlsx`: the audit as an Excel workbook for the offices that work in Excel.
/// One sheet a table: the summary; the unit × criterion matrix in ranked order, cells coloured
/// by outcome; the purchase plan by responsible party; what each unit needs from each party;
/// the actions; the units that have not submitted; the files that could not be read. Counts and
/// amounts are numbers (amounts formatted in đồng, grouped the way the reader's Excel groups),
/// header rows stay in view and carry filters.
public enum AuditXLSX {
    public static func render(_ audit: Audit, language: Language) throws -> Data {
        try workbook(audit, language: language).data()
    }

    public static func workbook(_ audit: Audit, language: Language) -> Workbook {
        let vi = language == .vi
        func t(_ a: String, _ b: String) -> String { vi ? a : b }
        let total = audit.criteriaCount
        let title = t("Kiểm tra sẵn sàng \(total) tiêu chí", "Readiness audit, \(total) criteria") + (audit.province.map { " — " + $0 } ?? "")
        var book = Workbook(title: title)
        book.dateFormat = Workbook.dateFormat(language)

        // Summary: the figures, then the criteria biggest blocker first.
        var summary = Workbook.Sheet(name: t("Tóm tắt", "Summary"))
        summary.widths = [44, 22, 12, 12, 12, 12, 12]
        summary.add([.text(title, .title)])
        summary.add([.text(AuditSummary.headline(audit, language))])
        summary.add([])
        summary.add([.text(t("Mục", "Item"), .header), .text(t("Giá trị", "Value"), .header)])
        for figure in AuditSummary(audit).figures {
            let value: Workbook.Cell
            switch figure.value {
            case .count(let n): value = .int(n)
            case .money(let amount): value = .money(amount, .totalMoney)
            case .score(let mean, _): value = .number((mean * 100).rounded() / 100, .decimal)
            case .text(let text): value = .text(text.text(language))
            }
            summary.add([.text(figure.label.text(language)), value])
        }
        if let file = audit.rosterFile { summary.add([.text(t("Danh sách đơn vị", "Roster")), .text(file)]) }
        summary.add([])
        summary.add([.text(t("Tiêu chí — vướng nhiều đơn vị nhất trước", "Criteria — biggest blocker first"), .totalLabel)])
        summary.add([t("Tiêu chí", "Criterion"), t("Đạt", "Passed"), t("Không đạt", "Failed"), t("Chưa báo cáo", "Not reported"),
                     t("Không đánh giá được", "Not evaluable"), t("Miễn trừ", "Waived"), t("Vướng", "Blocking")].map { .text($0, .header) })
        for tally in audit.tallies {
            summary.add([.text(tally.id + " " + tally.title.text(language)), .int(tally.passed), .int(tally.failed),
                         .int(tally.notReported), .int(tally.notEvaluable), .int(tally.waived), .int(tally.blocking, .totalLabel)])
        }
        book.sheets.append(summary)

        // Matrix: one row a unit, one column a criterion, frozen on the header and the unit's name.
        var matrix = Workbook.Sheet(name: t("Bảng đơn vị", "Units"))
        let layout = AuditLayout(audit)
        matrix.add([t("Hạng", "Rank"), t("Mã", "Code"), t("Đơn vị", "Unit"), t("Ngày số liệu", "Facts date")].map { .text($0, .header) }
            + layout.columns.map { .text($0.id + " " + $0.title.text(language), .header) }
            + [t("Đạt", "Met"), t("Đạt đủ", "Ready"), t("Chi phí", "Cost"), t("Số liệu quá hạn", "Stale facts"), t("Liên hệ", "Contact"), t("Tệp", "File")]
                .map { .text($0, .header) })
        matrix.widths = [7, 8, 26, 12] + layout.columns.map { _ in 12 } + [7, 8, 16, 10, 28, 36]
        matrix.frozenRows = 1
        matrix.frozenColumns = 3
        matrix.filterRow = 1
        for (row, rank) in zip(audit.rows, AuditLayout.ranks(audit.rows)) {
            var cells: [Workbook.Cell] = [.int(rank), .text(row.code), .text(row.name), row.asOf.map(date) ?? .empty]
            for column in layout.columns {
                let outcome = layout.outcome(row, column)
                cells.append(outcome.map { .text($0.label.text(language), style($0)) } ?? .empty)
            }
            cells += [.int(row.passed), .text(row.ready ? t("có", "yes") : t("không", "no")), .money(row.cost),
                      row.stale ? .text(t("có", "yes"), .notReported) : .text(t("không", "no")),
                      row.contact.map { .text($0) } ?? .empty, .text(row.file)]
            matrix.add(cells)
        }
        book.sheets.append(matrix)

        // The plan by party: what each one buys, with the total.
        var plan = Workbook.Sheet(name: t("Kế hoạch mua sắm", "Purchase plan"))
        plan.add([t("Ai mua", "Bought by"), t("Hạng mục", "Item"), t("Số lượng", "Quantity"), t("Số đơn vị", "Units"),
                  t("Đơn giá", "Unit cost"), t("Thành tiền", "Total"), t("Đơn vị chưa tính được số lượng", "Units not yet counted")].map { .text($0, .header) })
        plan.widths = [44, 36, 11, 11, 16, 18, 16]
        plan.frozenRows = 1
        plan.filterRow = 1
        for party in audit.parties {
            for i in party.plan {
                let line = audit.plan[i]
                plan.add([.text(line.who.text(language)), .text(line.name.text(language)), .int(line.quantity), .int(line.units),
                          .money(line.unitCost), .money(line.total), line.unpricedUnits > 0 ? .int(line.unpricedUnits) : .empty])
            }
        }
        if !audit.plan.isEmpty { plan.add([.text(t("Tổng cộng", "Total"), .totalLabel), .empty, .empty, .empty, .empty, .money(audit.grandTotal, .totalMoney)]) }
        book.sheets.append(plan)

        // What each unit needs from each party: the plan and the actions unit by unit, ready to filter.
        var byUnit = Workbook.Sheet(name: t("Theo đơn vị thực hiện", "By party and unit"))
        byUnit.add([t("Ai thực hiện", "Who acts"), t("Mã", "Code"), t("Đơn vị", "Unit"), t("Loại", "Kind"), t("Hạng mục hoặc việc", "Item or action"),
                    t("Số lượng", "Quantity"), t("Đơn giá", "Unit cost"), t("Thành tiền", "Cost")].map { .text($0, .header) })
        byUnit.widths = [44, 8, 26, 10, 36, 10, 14, 16]
        byUnit.frozenRows = 1
        byUnit.filterRow = 1
        for party in audit.parties {
            for (row, needs) in AuditLayout.units(of: party, in: audit) {
                for need in needs {
                    let task = audit.tasks[Int(need.index)]
                    let kind = task.kind == .item ? t("mua sắm", "purchase") : t("việc", "action")
                    byUnit.add([.text(party.who.text(language)), .text(row.code), .text(row.name), .text(kind), .text(task.name.text(language)),
                                .int(Int(need.quantity)), task.unitCost.map { .money($0) } ?? .empty,
                                task.unitCost.map { .money(Money.times($0, Int(need.quantity))) } ?? .empty])
                }
            }
        }
        book.sheets.append(byUnit)

        // Actions: every remedy of every unit, with its own words, criterion and party.
        var actions = Workbook.Sheet(name: t("Việc cần làm", "Actions"))
        actions.add([t("Mã", "Code"), t("Đơn vị", "Unit"), t("Tiêu chí", "Criterion"), t("Việc cần làm", "What to do"),
                     t("Ai thực hiện", "Who acts"), t("Số lượng", "Quantity"), t("Chi phí", "Cost")].map { .text($0, .header) })
        actions.widths = [8, 26, 9, 70, 44, 10, 16]
        actions.frozenRows = 1
        actions.filterRow = 1
        for row in audit.rows.sorted(by: { $0.code < $1.code }) {
            for remedy in row.remedies {
                actions.add([.text(row.code), .text(row.name), .text(remedy.criterion), .text(remedy.text.text(language), .wrapped),
                             .text(remedy.who.text(language)), remedy.quantity.map { .int($0) } ?? .empty,
                             remedy.unitCost == nil ? .empty : .money(remedy.cost)])
            }
        }
        book.sheets.append(actions)

        // Units that have not submitted, with the roster's own columns.
        var missing = Workbook.Sheet(name: t("Chưa nộp", "Not submitted"))
        missing.add(([t("Mã", "Code"), t("Đơn vị", "Unit")] + audit.rosterColumns.map { $0.label.text(language) }).map { .text($0, .header) })
        missing.widths = [8, 30] + audit.rosterColumns.map { _ in 14 }
        missing.frozenRows = 1
        missing.filterRow = 1
        for unit in audit.notSubmitted {
            missing.add([.text(unit.code), .text(unit.name)] + audit.rosterColumns.map { column in
                let value = AuditLayout.attribute(unit, column, language)
                return Int(value).map { .int($0) } ?? .text(value)
            })
        }
        book.sheets.append(missing)

        // Files that could not be evaluated, and audit findings: the problems in words, then the
        // file and the file view (line, code, message) for whoever edits it, at the right.
        var invalid = Workbook.Sheet(name: t("Tệp lỗi", "Invalid files"))
        invalid.add([t("Tệp", "File"), t("Mã", "Code"), t("Đơn vị", "Unit"), t("Số vấn đề", "Problems"), t("Vấn đề", "What is wrong"),
                     t("Chi tiết kỹ thuật (cho người sửa tệp)", "Technical details (for whoever edits the file)")].map { .text($0, .header) })
        invalid.widths = [34, 8, 26, 10, 70, 70]
        invalid.frozenRows = 1
        invalid.filterRow = 1
        for file in audit.invalid {
            let words = file.firstErrors.map { $0.people.text(language) }
            let technical = file.firstErrors.map { "\($0.start.line):\($0.start.column) \($0.code.rawValue) \($0.message.text(language))" }
            invalid.add([.text(file.file), file.code.map { .text($0) } ?? .empty, file.name.map { .text($0) } ?? .empty, .int(file.errorCount),
                         .text(words.joined(separator: "\n"), .wrapped), .text(technical.joined(separator: "\n"), .wrapped)])
        }
        for d in audit.diagnostics {
            invalid.add([.text(d.file), .empty, .empty, .empty, .text(d.people.text(language), .wrapped),
                         .text("\(d.severity.rawValue)[\(d.code.rawValue)] \(d.message.text(language))", .wrapped)])
        }
        book.sheets.append(invalid)
        return book
    }

    /// A day as an Excel date serial (days since 1899-12-30), shown as the reader writes dates.
    private static func date(_ day: Day) -> Workbook.Cell {
        .number(Double(day.ordinal + 25_569), .date)
    }

    private static func style(_ outcome: Outcome) -> Workbook.Style {
        switch outcome {
        case .passed: return .passed
        case .failed: return .failed
        case .notReported: return .notReported
        case .waived: return .waived
        case .notEvaluable: return .muted
        }
    }
}
