import WardcheckCore
import WardcheckReports

/// One unit's page under the city page: its scorecard read from its file as it is now, or why
/// there is none (not submitted, invalid, submitted twice).
struct UnitPage {
    let criteria: CriteriaSet
    let language: Language
    let code: String
    let rosterName: String?
    /// Every file in the folder carrying this code, in order; the first is shown.
    let files: [String]
    let report: UnitReport?

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    func render() -> String {
        let name = report?.scorecard?.name ?? rosterName ?? code
        var body = "<main class=\"unit-page\">\n"
        body += "<p><a href=\"\(h(PageShell.link("/city", language)))\">← \(h(t("Về trang toàn thành phố", "Back to the city page")))</a></p>\n"
        if let report {
            body += "<p class=\"note\">\(h(t("Tệp", "File"))): <code>\(h(report.file))</code></p>\n"
            if files.count > 1 {
                body += "<p class=\"diagnostic sev-error\">" + h(t("Mã \(code) có trong nhiều tệp; thành phố chưa tính đơn vị này: ", "Code \(code) is in several files; the audit leaves the unit out: "))
                    + files.map { "<code>\(h($0))</code>" }.joined(separator: ", ") + "</p>\n"
            }
            body += ScorecardHTML(criteria: criteria, language: language).render(report)
        } else {
            body += "<section class=\"scorecard\"><div class=\"verdict invalid\"><b>\(h(t("Chưa nộp số liệu", "Not submitted")))</b></div>"
            body += "<p>\(h(t("Đơn vị có trong danh sách nhưng chưa có tệp dữ kiện trong thư mục của thành phố.", "The unit is in the roster but has no facts file in the city's folder.")))</p></section>\n"
        }
        body += "</main>\n"
        return PageShell(language: language, hasCity: true)
            .render(title: "\(name) (\(code))", path: "/city/unit/" + code, body: body)
    }
}
