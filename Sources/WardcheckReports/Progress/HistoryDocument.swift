import WardcheckCore

/// The audit over time as one document: the change from the first reading to the last, each
/// period's figures (drawn as lines on a page), and each criterion's pass count period by period.
/// A last period still under way says so wherever it is named ("10/2025 (đang diễn ra)") and in a
/// note, so that its part of a month is not read as a fall. Every format but JSON (its own
/// schema, `HistoryJSON`) is written from this, by the document's writers.
public enum HistoryDocument {
    public static func build(_ history: History, language: Language) -> ReportDocument {
        let w = { (words: Localized) in words.text(language) }
        let total = history.criteriaCount
        let names = history.points.indices.map { name($0, history, language) }
        let title = w(Localized(vi: "Diễn biến qua các kỳ", en: "Progress over time")) + " — " + history.path + ", " + w(history.every.name)
        var subject = w(Localized(vi: "Diễn biến mức độ sẵn sàng theo \(total) tiêu chí của các đơn vị hành chính cấp xã qua các kỳ",
                                  en: "Readiness of the commune-level units against the \(total) criteria over time"))
        if let first = history.points.first, let last = history.points.last {
            subject += " (" + w(history.every.name) + w(Localized(vi: ", từ ", en: ", from ")) + periodName(history.every, first.end, language)
                + w(Localized(vi: " đến ", en: " to ")) + periodName(history.every, last.end, language) + ")"
        }
        var document = ReportDocument(kind: "history", language: language, title: title, subject: subject,
                                      headline: headline(history, language))
        document.figures = figures(history, names, w)
        // Every period is judged by today's criteria: which set that is, as every report built on audits says.
        if let identity = history.criteriaSet {
            document.figures.append(.init(key: "criteria_set", label: w(Vocabulary.criteriaSet), value: .text(w(identity.words))))
        }
        guard !history.points.isEmpty else {
            document.sections = [.init(key: "periods", heading: w(Localized(vi: "Từng kỳ", en: "Each period")),
                                       blocks: [.paragraph(w(Localized(vi: "Không có kỳ nào trong khoảng đã chọn.", en: "No period in the chosen range.")))])]
            return document
        }
        document.sections = [change(history, names, w, language), periods(history, names, w, language), criteria(history, names, w)].compactMap { $0 }
        return document
    }

    private typealias Words = (Localized) -> String
    private typealias Cell = ReportDocument.Cell
    private typealias Column = ReportDocument.Column

    /// A period as people name it: "07/2025", "Quý 3/2025", "tuần 30/06–06/07/2025"; "Jul 2025",
    /// "Q3 2025", "week 30 Jun–6 Jul 2025". (JSON and the CSV's column names keep "2025-07".)
    static func periodName(_ every: Period, _ end: Day, _ language: Language) -> String {
        let (y, m, _) = end.components
        let year = String(y)
        switch (every, language) {
        case (.month, .vi): return (m < 10 ? "0\(m)" : "\(m)") + "/" + year
        case (.month, .en): return months[m - 1] + "\u{00A0}" + year
        case (.quarter, .vi): return "Quý \((m - 1) / 3 + 1)/" + year
        case (.quarter, .en): return "Q\((m - 1) / 3 + 1)\u{00A0}" + year
        case (.week, _):
            // Monday to Sunday: "tuần 30/06–06/07/2025", "week 30 Jun–6 Jul 2025".
            let start = Day(ordinal: end.ordinal - 6)
            let (_, sm, sd) = start.components
            let from = language == .vi ? (sd < 10 ? "0\(sd)" : "\(sd)") + "/" + (sm < 10 ? "0\(sm)" : "\(sm)") : "\(sd)\u{00A0}" + months[sm - 1]
            return (language == .vi ? "tuần " : "week ") + from + "–" + end.written(language)
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The period's name, marked when it is the last and still under way.
    private static func name(_ index: Int, _ history: History, _ language: Language) -> String {
        let name = periodName(history.every, history.points[index].end, language)
        guard history.lastIsUnderWay, index == history.points.count - 1 else { return name }
        return name + " (" + Vocabulary.inProgress.text(language) + ")"
    }

    /// The means as shown, two decimals, so that a change is the difference of the figures shown.
    private static func shown(_ mean: Double) -> Double { (mean * 100).rounded() / 100 }

    static func headline(_ history: History, _ language: Language) -> String {
        let total = history.criteriaCount
        let vi = language == .vi
        guard !history.points.isEmpty else { return vi ? "Không có kỳ nào trong khoảng đã chọn." : "No period in the chosen range." }
        let audited = history.points.compactMap { point in point.figures.map { (point, $0) } }
        var out: String
        if let first = audited.first, let last = audited.last {
            let a = periodName(history.every, first.0.end, language), b = periodName(history.every, last.0.end, language)
            let mean = { (f: History.Figures) in NumberText.decimal(f.meanPassed, language, places: 2) }
            if audited.count == 1 {
                out = vi
                    ? "\(a): \(NumberText.grouped(first.1.ready, language)) đơn vị đạt \(total)/\(total) trong \(NumberText.grouped(first.1.valid, language)) đơn vị đã đánh giá; bình quân tiêu chí đạt \(mean(first.1)); chi phí kế hoạch còn lại \(NumberText.money(first.1.totalCost, language))."
                    : "\(a): \(NumberText.grouped(first.1.ready, language)) of \(NumberText.counted(first.1.valid, vi: "", en: "unit", language)) evaluated ready; mean criteria met \(mean(first.1)); remaining plan cost \(NumberText.money(first.1.totalCost, language))."
            } else {
                let ready = NumberText.grouped(first.1.ready, language) + " → " + NumberText.grouped(last.1.ready, language)
                    + " (" + ReportDocument.Cell.change(.count(last.1.ready - first.1.ready)).text(language) + ")"
                let cost = NumberText.money(first.1.totalCost, language) + " → " + NumberText.money(last.1.totalCost, language)
                out = vi
                    ? "Từ \(a) đến \(b): số đơn vị đạt \(total)/\(total) \(ready); bình quân tiêu chí đạt \(mean(first.1)) → \(mean(last.1)); chi phí kế hoạch còn lại \(cost)."
                    : "From \(a) to \(b): units ready \(ready); mean criteria met \(mean(first.1)) → \(mean(last.1)); remaining plan cost \(cost)."
            }
        } else {
            out = vi ? "Không kỳ nào kiểm tra được thư mục." : "No period's folder could be audited."
        }
        if history.lastIsUnderWay, let last = history.points.last {
            out += " " + underWay(last, history, language)
        }
        return out
    }

    /// "Kỳ 10/2025 đang diễn ra: …": the note under every table that names the period.
    private static func underWay(_ point: History.Point, _ history: History, _ language: Language) -> String {
        let period = periodName(history.every, point.end, language)
        return language == .vi
            ? "Kỳ \(period) đang diễn ra: số liệu tính đến ngày \(point.judgedOn.written(.vi)), chưa trọn kỳ, nên một con số thấp hơn chưa phải là giảm."
            : "\(period) is still in progress: its figures stand as of \(point.judgedOn.written(.en)) and cover part of the period, so a lower figure is not yet a fall."
    }

    private static func figures(_ history: History, _ names: [String], _ w: Words) -> [ReportDocument.Figure] {
        let total = history.criteriaCount
        var out: [ReportDocument.Figure] = [
            .init(key: "periods", label: w(Localized(vi: "Số kỳ", en: "Periods")), value: .count(history.points.count)),
        ]
        guard let index = history.points.lastIndex(where: { $0.figures != nil }), let last = history.points[index].figures else { return out }
        let period = names[index]
        out += [
            .init(key: "ready", label: w(Localized(vi: "Đạt \(total)/\(total), kỳ \(period)", en: "Ready (\(total)/\(total)), \(period)")),
                  value: .count(last.ready), tone: .good),
            .init(key: "mean_passed", label: w(Localized(vi: "Bình quân tiêu chí đạt, kỳ \(period)", en: "Mean criteria met, \(period)")),
                  value: .decimal(last.meanPassed, places: 2)),
            .init(key: "total_cost", label: w(Localized(vi: "Chi phí kế hoạch còn lại, kỳ \(period)", en: "Remaining plan cost, \(period)")),
                  value: .money(last.totalCost), tone: .money),
        ]
        return out
    }

    /// The first reading against the last: ready, evaluated, the mean, the cost.
    private static func change(_ history: History, _ names: [String], _ w: Words, _ language: Language) -> ReportDocument.Section? {
        let audited = history.points.indices.compactMap { i in history.points[i].figures.map { (i, $0) } }
        guard audited.count > 1, let first = audited.first, let last = audited.last else { return nil }
        let total = history.criteriaCount
        let (a, b) = (first.1, last.1)
        let rows: [[Cell]] = [
            [.text(w(Vocabulary.ready(total))), .count(a.ready), .count(b.ready), .change(.count(b.ready - a.ready))],
            [.text(w(Localized(vi: "Đơn vị đã đánh giá", en: "Units evaluated"))), .count(a.valid), .count(b.valid), .change(.count(b.valid - a.valid))],
            [.text(w(Vocabulary.meanMet)), .decimal(a.meanPassed, places: 2), .decimal(b.meanPassed, places: 2),
             .change(.decimal(shown(b.meanPassed) - shown(a.meanPassed), places: 2))],
            [.text(w(Localized(vi: "Chi phí kế hoạch còn lại", en: "Remaining plan cost"))), .money(a.totalCost), .money(b.totalCost),
             .change(.money(b.totalCost - a.totalCost))],
        ]
        var blocks: [ReportDocument.Block] = [.table(.init(key: "change", columns: [
            Column("indicator", w(Vocabulary.figure)), Column("first", names[first.0]), Column("last", names[last.0]),
            Column("change", w(Vocabulary.change)),
        ], rows: rows))]
        if history.lastIsUnderWay, last.0 == history.points.count - 1 {
            blocks.append(.paragraph(underWay(history.points[last.0], history, language)))
        }
        let heading = Localized(vi: "Từ \(periodName(history.every, history.points[first.0].end, .vi)) đến \(periodName(history.every, history.points[last.0].end, .vi))",
                                en: "From \(periodName(history.every, history.points[first.0].end, .en)) to \(periodName(history.every, history.points[last.0].end, .en))")
        return .init(key: "change", heading: w(heading), blocks: blocks)
    }

    private static func periods(_ history: History, _ names: [String], _ w: Words, _ language: Language) -> ReportDocument.Section {
        let total = history.criteriaCount
        let rows = zip(history.points, names).map { point, name -> [Cell] in
            let head: [Cell] = [.text(name), .date(point.end), .date(point.judgedOn), .code(point.commit.short), .date(point.commit.day)]
            switch point.reading {
            case .audited(let f):
                return head + [.count(f.files), .count(f.valid), .count(f.invalid), .count(f.auditErrors), f.notSubmitted.map { .count($0) } ?? .empty,
                               .count(f.ready), .count(f.stale), .decimal(f.meanPassed, places: 2), .money(f.totalCost), .empty]
            case .absent:
                return head + Array(repeating: .empty, count: 9) + [.text(w(Localized(vi: "không có thư mục", en: "no folder")))]
            case .failed(let reason):
                return head + Array(repeating: .empty, count: 9)
                    + [.text(w(Localized(vi: "không kiểm tra được", en: "could not be audited")) + ": " + w(reason))]
            }
        }
        var table = ReportDocument.Table(key: "periods", columns: [
            Column("period", w(Vocabulary.period)), Column("end", w(Vocabulary.periodEnd)), Column("judged_on", w(Vocabulary.judgedOn)),
            Column("commit", w(Vocabulary.revision)), Column("commit_date", w(Vocabulary.revisionDate)),
            Column("files", w(Vocabulary.fileCount)), Column("valid", w(Vocabulary.evaluated)), Column("invalid", w(Vocabulary.invalid)),
            Column("audit_errors", w(Vocabulary.rosterErrors)), Column("not_submitted", w(Vocabulary.notSubmitted)),
            Column("ready", w(Vocabulary.ready(total))), Column("stale", w(Vocabulary.stale)), Column("mean_passed", w(Vocabulary.meanMet)),
            Column("total_cost", w(Vocabulary.remainingCost)), Column("reason", w(Vocabulary.note)),
        ], rows: rows)
        table.rowHeader = 0
        table.charts = [
            .init(heading: w(Localized(vi: "Đơn vị đạt \(total)/\(total) và đơn vị đã đánh giá", en: "Units ready (\(total)/\(total)) and units evaluated")),
                  label: 0, series: [10, 6]),
            .init(heading: w(Localized(vi: "Bình quân tiêu chí đạt (trên \(total))", en: "Mean criteria met (of \(total))")), label: 0, series: [12],
                  top: Double(total)),
            .init(heading: w(Localized(vi: "Chi phí kế hoạch còn lại", en: "Remaining plan cost")), label: 0, series: [13]),
        ]
        let judged = history.evaluatedOn.map { day in
            w(Localized(vi: "Mọi kỳ đánh giá theo ngày \(day.written(.vi)).", en: "Every reading judged as of \(day.written(.en))."))
        } ?? w(Localized(vi: "Mỗi kỳ đánh giá theo ngày cuối kỳ (kỳ chưa kết thúc: theo ngày hôm nay), bằng bộ tiêu chí hiện hành.",
                         en: "Each reading judged as of its period's last day (a period not yet over: today), by today's criteria."))
        var blocks: [ReportDocument.Block] = [.paragraph(judged), .table(table)]
        blocks.append(.paragraph(w(Localized(
            vi: "Không hợp lệ: tệp không hợp lệ; lỗi đối chiếu: mã không có trong danh sách hoặc nộp trùng. Quá hạn: số liệu cũ hơn hạn cho phép vào ngày đánh giá.",
            en: "Invalid: files that are not valid; roster errors: codes not in the roster or sent twice. Stale: facts older than allowed on the day judged."))))
        if history.points.contains(where: { $0.figures == nil }) {
            blocks.append(.paragraph(w(Localized(
                vi: "Kỳ không có số liệu: thư mục không có ở phiên bản đó, hoặc không kiểm tra được (xem ghi chú); biểu đồ để trống kỳ đó.",
                en: "A period without figures: the folder did not exist at that commit, or could not be audited (see the note); charts leave it blank."))))
        }
        if history.lastIsUnderWay, let last = history.points.last {
            blocks.append(.paragraph(underWay(last, history, language)))
        }
        return .init(key: "periods", heading: w(Localized(vi: "Từng kỳ", en: "Each period")), blocks: blocks)
    }

    private static func criteria(_ history: History, _ names: [String], _ w: Words) -> ReportDocument.Section {
        var table = ReportDocument.Table(key: "criteria_by_period",
                                         columns: [Column("criterion", w(Vocabulary.code)), Column("title", w(Vocabulary.criterion))]
                                            + zip(history.points, names).map { Column($0.period, $1) },
                                         rows: history.criteria.map { c in
            [.code(c.id), .text(w(c.title))] + history.points.map { point in point.figures.map { .count($0.passed[c.id] ?? 0) } ?? .empty }
        })
        table.rowHeader = 1
        return .init(key: "criteria", heading: w(Localized(vi: "Số đơn vị đạt từng tiêu chí", en: "Units meeting each criterion")),
                     blocks: [.table(table)])
    }
}
