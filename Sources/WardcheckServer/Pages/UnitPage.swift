import Foundation
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
    /// Behind the city office's login: the bar offers to log out.
    var signedIn = false

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    func render() -> String {
        let name = report?.scorecard?.name ?? rosterName ?? code
        var body = "<main class=\"unit-page\">\n"
        body += "<p><a href=\"\(h(PageShell.link("/city", language)))\">← \(h(t("Về trang toàn thành phố", "Back to the city page")))</a></p>\n"
        if let report {
            if files.count > 1 {
                // Which files, by their names only: where the server keeps them is no one's business here.
                let names = files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
                body += "<p class=\"question-back\">" + h(t("Đơn vị này nộp \(files.count) tệp số liệu; thành phố chưa tính đơn vị cho đến khi chỉ còn một tệp.",
                                                         "This unit submitted \(files.count) facts files; the city leaves it out until only one is left."))
                    + "</p>\n<details class=\"technical\"><summary>\(h(t("Các tệp", "The files")))</summary><p>\(h(names))</p></details>\n"
            }
            body += "<h2>\(h(t("Kết quả chấm điểm", "Scorecard")))</h2>\n"
            body += ScorecardHTML(criteria: criteria, language: language).render(report)
        } else {
            body += "<section class=\"scorecard\"><div class=\"verdict invalid\"><b>\(h(t("Chưa nộp số liệu", "Not submitted")))</b></div>"
            body += "<p>\(h(t("Đơn vị có trong danh sách nhưng chưa nộp tệp số liệu cho thành phố.", "The unit is in the roster but has not sent its facts file to the city.")))</p></section>\n"
        }
        body += "</main>\n"
        return PageShell(language: language, hasCity: true, signedIn: signedIn)
            .render(title: "\(name) (\(code))", path: "/city/unit/" + code, body: body)
    }
}
