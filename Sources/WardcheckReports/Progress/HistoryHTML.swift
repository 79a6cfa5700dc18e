import Foundation
import WardcheckCore

/// `history --format html`: the series as charts (inline SVG) and tables on one self-contained
/// page: ready units, mean criteria met and the remaining cost over time, then each criterion.
public enum HistoryHTML {
    public static func render(_ history: History, language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        // Control characters first become spaces: a report read back from JSON may carry them.
        let h = { (text: String) in HTML.escape(AuditLayout.plain(text)) }
        let total = history.criteriaCount
        let title = t("Diễn biến qua các kỳ", "Progress over time") + " — " + history.path
        var meta = h(history.every.name.text(language)) + " · " + h(ProgressLayout.judgedEachPeriod(history.evaluatedOn, language))
        if let first = history.points.first, let last = history.points.last {
            meta += " · " + h(first.period) + " → " + h(last.period)
        }
        let labels = history.points.map(\.period)
        let figures = history.points.map(\.figures)

        var body = ""
        if history.points.isEmpty {
            body += "<p>\(h(t("Không có kỳ nào trong khoảng đã chọn.", "No period in the chosen range.")))</p>\n"
            return ProgressPage.wrap(title: h(title), meta: meta, body: body, generator: "wardcheck history", language: language)
        }

        let audited = history.points.compactMap { point in point.figures.map { (point.period, $0) } }
        if let first = audited.first, let last = audited.last {
            body += "<section id=\"summary\">\n<h2>\(h(t("Từ \(first.0) đến \(last.0)", "From \(first.0) to \(last.0)")))</h2>\n"
            let mean = ((last.1.meanPassed - first.1.meanPassed) * 100).rounded() / 100
            body += ProgressPage.table(["", h(first.0), h(last.0), h(t("Thay đổi", "Change"))], numeric: [1, 2, 3], [
                [h(t("Đạt \(total)/\(total)", "Ready (\(total)/\(total))")), "\(first.1.ready)", "\(last.1.ready)",
                 ProgressPage.change(ProgressLayout.signed(last.1.ready - first.1.ready, language), (last.1.ready - first.1.ready).signum())],
                [h(t("Đơn vị đã đánh giá", "Units evaluated")), "\(first.1.valid)", "\(last.1.valid)",
                 ProgressPage.change(ProgressLayout.signed(last.1.valid - first.1.valid, language), (last.1.valid - first.1.valid).signum())],
                [h(t("Bình quân tiêu chí đạt", "Mean criteria met")), h(AuditLayout.decimal(first.1.meanPassed, language, places: 2)),
                 h(AuditLayout.decimal(last.1.meanPassed, language, places: 2)),
                 ProgressPage.change(ProgressLayout.signedDecimal(mean, language), mean > 0 ? 1 : mean < 0 ? -1 : 0)],
                [h(t("Chi phí kế hoạch còn lại", "Remaining plan cost")), h(NumberText.money(first.1.totalCost, language)),
                 h(NumberText.money(last.1.totalCost, language)),
                 ProgressPage.change(ProgressLayout.signedMoney(last.1.totalCost - first.1.totalCost, language),
                                     (last.1.totalCost - first.1.totalCost).signum(), better: -1)],
            ])
            body += "</section>\n"
        }

        body += "<section id=\"charts\">\n<h2>\(h(t("Biểu đồ", "Charts")))</h2>\n<div class=\"charts\">\n"
        let whole: (Double) -> String = { NumberText.grouped(Int($0.rounded()), language) }
        let charts: [(String, LineChart)] = [
            (t("Đơn vị đạt \(total)/\(total) và đơn vị đã đánh giá", "Units ready (\(total)/\(total)) and units evaluated"),
             LineChart(labels: labels, series: [
                LineChart.Series(name: t("đạt \(total)/\(total)", "ready"), values: figures.map { $0.map { Double($0.ready) } }, style: "s1"),
                LineChart.Series(name: t("đã đánh giá", "evaluated"), values: figures.map { $0.map { Double($0.valid) } }, style: "s2"),
             ], top: nil, whole: true, format: whole, description: t("Số đơn vị đạt và đã đánh giá theo kỳ", "Ready and evaluated units by period"))),
            (t("Bình quân tiêu chí đạt (trên \(total))", "Mean criteria met (of \(total))"),
             LineChart(labels: labels, series: [
                LineChart.Series(name: t("bình quân", "mean"), values: figures.map { $0.map(\.meanPassed) }, style: "s1"),
             ], top: Double(total), whole: false, format: { AuditLayout.decimal($0, language, places: 1) },
                description: t("Bình quân tiêu chí đạt theo kỳ", "Mean criteria met by period"))),
            (t("Chi phí kế hoạch còn lại", "Remaining plan cost"),
             LineChart(labels: labels, series: [
                LineChart.Series(name: t("chi phí", "cost"), values: figures.map { $0.map { Double($0.totalCost) } }, style: "s1"),
             ], top: nil, whole: false, format: { compactMoney($0, language) },
                description: t("Chi phí kế hoạch còn lại theo kỳ", "Remaining plan cost by period"))),
        ]
        for (caption, chart) in charts {
            body += "<figure class=\"chart\"><figcaption>\(h(caption))</figcaption>\n\(chart.svg())\n</figure>\n"
        }
        body += "</div>\n<p class=\"note\">\(h(t("Điểm trống: kỳ đó không có thư mục hoặc không kiểm tra được.", "A gap: the folder was absent or could not be audited in that period.")))</p>\n</section>\n"

        body += "<section id=\"periods\">\n<h2>\(h(t("Từng kỳ", "Each period")))</h2>\n"
        body += ProgressPage.table([h(t("Kỳ", "Period")), "Commit", h(t("Ngày", "Date")), h(t("Tệp", "Files")), h(t("Đánh giá", "Evaluated")),
                                    h(t("Không hợp lệ", "Invalid")), h(t("Chưa nộp", "Not submitted")), h(t("Đạt \(total)/\(total)", "Ready")),
                                    h(t("Quá hạn", "Stale")), h(t("Bình quân", "Mean met")), h(t("Chi phí còn lại", "Remaining cost"))], numeric: [3, 4, 5, 6, 7, 8, 9, 10],
                                   history.points.map { point in
            let head = [h(point.period), "<code>\(h(point.commit.short))</code>", h(point.commit.day.written(language))]
            switch point.reading {
            case .audited(let f):
                return head + ["\(f.files)", "\(f.valid)", "\(f.invalid + f.auditErrors)", f.notSubmitted.map(String.init) ?? "—", "<b>\(f.ready)</b>", "\(f.stale)",
                               h(AuditLayout.decimal(f.meanPassed, language, places: 2)), h(NumberText.money(f.totalCost, language))]
            case .absent:
                return head + [h(t("không có thư mục", "no folder")), "", "", "", "", "", "", ""]
            case .failed(let reason):
                return head + ["<span class=\"loss\">" + h(t("không kiểm tra được", "could not be audited") + ": " + reason.text(language)) + "</span>", "", "", "", "", "", "", ""]
            }
        })
        body += "<p class=\"note\">\(h(t("Không hợp lệ = tệp không hợp lệ + mã không có trong danh sách hoặc nộp hai lần.", "Invalid = invalid files + codes not in the roster or submitted twice.")))</p>\n</section>\n"

        body += "<section id=\"criteria\">\n<h2>\(h(t("Số đơn vị đạt từng tiêu chí", "Units meeting each criterion")))</h2>\n<div style=\"overflow-x:auto\">\n"
        let evaluated = figures.map { $0?.valid }
        let largest = Double(evaluated.compactMap { $0 }.max() ?? 0)
        body += ProgressPage.table([h(t("Mã", "Id")), h(t("Tiêu chí", "Criterion")), h(t("Xu hướng", "Trend"))] + labels.map(h),
                                   numeric: Set(3..<(3 + labels.count)),
                                   history.criteria.map { c in
            let values = figures.map { $0.map { Double($0.passed[c.id] ?? 0) } }
            return [h(c.id), h(c.title.text(language)),
                    LineChart.sparkline(values, top: largest, description: c.id + " " + c.title.text(language))]
                + zip(figures, evaluated).map { f, valid in
                    guard let f, let valid else { return "—" }
                    let passed = f.passed[c.id] ?? 0
                    // Shade by the share of units evaluated that meet the criterion.
                    let share = valid == 0 ? 0 : Double(passed) / Double(valid)
                    return "<span style=\"display:block;background:rgba(26,127,55,\(String(format: "%.2f", share * 0.45)))\">\(passed)</span>"
                }
        })
        body += "</div>\n</section>\n"
        return ProgressPage.wrap(title: h(title), meta: meta, body: body, generator: "wardcheck history", language: language)
    }

    /// "2,8 tỷ ₫" / "2.8 bn ₫" for chart labels, where a full amount would not fit.
    static func compactMoney(_ amount: Double, _ language: Language) -> String {
        let vi = language == .vi
        if amount >= 1e9 { return AuditLayout.decimal(amount / 1e9, language, places: 1) + (vi ? " tỷ ₫" : " bn ₫") }
        if amount >= 1e6 { return AuditLayout.decimal(amount / 1e6, language, places: 0) + (vi ? " triệu ₫" : " m ₫") }
        return NumberText.grouped(Int(amount.rounded()), language) + " ₫"
    }
}
