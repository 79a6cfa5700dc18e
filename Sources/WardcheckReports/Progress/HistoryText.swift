import WardcheckCore

/// `history` in a terminal: one line per period (ready units, mean criteria met, remaining cost),
/// the change from the first reading to the last, and each criterion's pass count per period.
public struct HistoryText {
    public let language: Language
    public let colour: Bool

    public init(language: Language, colour: Bool = false) {
        self.language = language
        self.colour = colour
    }

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func p(_ text: String) -> String { AuditLayout.plain(text) }

    /// Periods shown in the criteria table; a terminal is only so wide (JSON, CSV and HTML carry them all).
    static let criteriaColumns = 12

    public func render(_ history: History) -> String {
        let paint = Painter(enabled: colour)
        let total = history.criteriaCount
        var out = paint(.bold, t("DIỄN BIẾN QUA CÁC KỲ", "PROGRESS OVER TIME") + " — " + p(history.path) + ", " + history.every.name.text(language)) + "\n"
        out += "  (" + ProgressLayout.judgedEachPeriod(history.evaluatedOn, language) + ")\n\n"
        guard !history.points.isEmpty else { return out + "  " + t("Không có kỳ nào trong khoảng đã chọn.", "No period in the chosen range.") + "\n" }

        var table = TextTable(headers: [t("Kỳ", "Period"), t("Commit", "Commit"), t("Ngày", "Date"), t("Tệp", "Files"), t("Đánh giá", "Evaluated"),
                                        t("Không HL", "Invalid"), t("Chưa nộp", "Missing"), t("Đạt \(total)/\(total)", "Ready"),
                                        t("Quá hạn", "Stale"), t("Bình quân", "Mean met"), t("Chi phí còn lại", "Remaining cost"), t("Ghi chú", "Note")],
                              right: [3, 4, 5, 6, 7, 8, 9, 10])
        for point in history.points {
            var row: [TextTable.Cell] = [.init(point.period), .init(point.commit.short), .init(point.commit.day.written(language))]
            switch point.reading {
            case .audited(let f):
                row += [.init("\(f.files)"), .init("\(f.valid)"),
                        .init("\(f.invalid + f.auditErrors)", paint, f.invalid + f.auditErrors > 0 ? .red : nil),
                        .init(f.notSubmitted.map(String.init) ?? "—"), .init("\(f.ready)", paint, .green),
                        .init("\(f.stale)", paint, f.stale > 0 ? .yellow : nil),
                        .init(AuditLayout.decimal(f.meanPassed, language, places: 2)), .init(NumberText.money(f.totalCost, language))]
            case .absent:
                row += Array(repeating: .init("—"), count: 8) + [.init(t("không có thư mục", "no folder"))]
            case .failed:
                row += Array(repeating: .init("—"), count: 8) + [.init(t("không kiểm tra được", "could not be audited"), paint, .red)]
            }
            table.add(row)
        }
        out += table.render()
        out += "\n  " + t("Không HL = tệp không hợp lệ + mã không có trong danh sách hoặc nộp hai lần. Quá hạn: số liệu cũ hơn hạn cho phép vào ngày cuối kỳ.",
                          "Invalid = invalid files + codes not in the roster or submitted twice. Stale: facts older than allowed on the period's last day.") + "\n"

        let audited = history.points.compactMap { point in point.figures.map { (point, $0) } }
        if let first = audited.first, let last = audited.last, audited.count > 1 {
            out += "\n" + paint(.bold, t("THAY ĐỔI TỪ \(first.0.period) ĐẾN \(last.0.period)", "CHANGE FROM \(first.0.period) TO \(last.0.period)")) + "\n\n"
            let lines: [(String, String)] = [
                (t("Đạt \(total)/\(total)", "Ready"), "\(first.1.ready) → \(last.1.ready) (" + ProgressLayout.signed(last.1.ready - first.1.ready, language) + ")"),
                (t("Bình quân tiêu chí đạt", "Mean criteria met"), AuditLayout.decimal(first.1.meanPassed, language, places: 2) + " → "
                    + AuditLayout.decimal(last.1.meanPassed, language, places: 2) + " ("
                    + ProgressLayout.signedDecimal(((last.1.meanPassed - first.1.meanPassed) * 100).rounded() / 100, language) + ")"),
                (t("Chi phí còn lại", "Remaining cost"), NumberText.money(first.1.totalCost, language) + " → " + NumberText.money(last.1.totalCost, language)
                    + " (" + ProgressLayout.signedMoney(last.1.totalCost - first.1.totalCost, language) + ")"),
            ]
            let width = lines.map(\.0.count).max() ?? 0
            for (label, value) in lines { out += "  " + AuditLayout.pad(label + ":", width + 1) + "  " + value + "\n" }
        }

        let shown = Array(history.points.suffix(Self.criteriaColumns))
        out += "\n" + paint(.bold, t("SỐ ĐƠN VỊ ĐẠT TỪNG TIÊU CHÍ", "UNITS MEETING EACH CRITERION")) + "\n\n"
        var criteria = TextTable(headers: [t("Mã", "Id")] + shown.map(\.period), right: Set(1...max(1, shown.count)))
        for c in history.criteria {
            criteria.add([.init(p(c.id))] + shown.map { point in .init(point.figures.map { "\($0.passed[c.id] ?? 0)" } ?? "—") })
        }
        out += criteria.render()
        if history.points.count > shown.count {
            out += "\n  " + t("Chỉ hiện \(shown.count) kỳ gần nhất; JSON, CSV và HTML có đủ \(history.points.count) kỳ.",
                              "Only the last \(shown.count) periods are shown; JSON, CSV and HTML carry all \(history.points.count).") + "\n"
        }
        return out
    }
}
