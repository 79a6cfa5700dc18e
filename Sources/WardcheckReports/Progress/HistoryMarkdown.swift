import WardcheckCore

/// `history --format markdown`: the series as tables for a wiki page or an issue.
public enum HistoryMarkdown {
    public static func render(_ history: History, language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
        let e = Markdown.escape
        let total = history.criteriaCount
        var out = "# " + t("Diễn biến qua các kỳ", "Progress over time") + " — " + e(history.path) + ", " + history.every.name.text(language) + "\n\n"
        out += e(ProgressLayout.judgedEachPeriod(history.evaluatedOn, language)) + "\n\n"
        out += DiffMarkdown.table([t("Kỳ", "Period"), "Commit", t("Ngày", "Date"), t("Tệp", "Files"), t("Đánh giá", "Evaluated"),
                                   t("Không hợp lệ", "Invalid"), t("Chưa nộp", "Not submitted"), t("Đạt \(total)/\(total)", "Ready"),
                                   t("Quá hạn", "Stale"), t("Bình quân", "Mean met"), t("Chi phí còn lại", "Remaining cost")],
                                  right: [3, 4, 5, 6, 7, 8, 9, 10],
                                  history.points.map { point in
            let head = [e(point.period), "`\(point.commit.short)`", point.commit.day.written(language)]
            switch point.reading {
            case .audited(let f):
                return head + ["\(f.files)", "\(f.valid)", "\(f.invalid + f.auditErrors)", f.notSubmitted.map(String.init) ?? "—", "**\(f.ready)**", "\(f.stale)",
                               AuditLayout.decimal(f.meanPassed, language, places: 2), NumberText.money(f.totalCost, language)]
            case .absent:
                return head + [t("không có thư mục", "no folder"), "", "", "", "", "", "", ""]
            case .failed(let reason):
                return head + [t("không kiểm tra được", "could not be audited") + ": " + e(reason.text(language)), "", "", "", "", "", "", ""]
            }
        })

        out += "\n## " + t("Số đơn vị đạt từng tiêu chí", "Units meeting each criterion") + "\n\n"
        out += DiffMarkdown.table([t("Mã", "Id"), t("Tiêu chí", "Criterion")] + history.points.map { e($0.period) },
                                  right: Set(2..<(2 + history.points.count)),
                                  history.criteria.map { c in
            [e(c.id), e(c.title.text(language))] + history.points.map { $0.figures.map { "\($0.passed[c.id] ?? 0)" } ?? "—" }
        })
        return out
    }
}
