import WardcheckCore
import WardcheckReports

/// The frame every page shares: head with the served style sheet (no inline script, so the
/// Content-Security-Policy can forbid them), a top bar to move between the pages and languages.
struct PageShell {
    let language: Language
    /// Whether the city page is served (only with `--wards`), so the bar links to it.
    let hasCity: Bool
    /// Whether the page is the city office's, behind its login: the bar offers to log out.
    var signedIn = false

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    /// A path of this server in this page's language: Vietnamese is the default, so it needs no query.
    static func link(_ path: String, _ language: Language) -> String {
        language == .vi ? path : path + "?lang=" + language.rawValue
    }

    func render(title: String, path: String, body: String, script: Bool = false, bodyAttributes: [(String, String)] = []) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="wardcheck serve">
        <title>\(h(title))</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="\(Assets.stylePath)">
        \(script ? "<script src=\"\(Assets.scriptPath)\" defer></script>\n" : "")</head>
        <body\(bodyAttributes.map { " \($0.0)=\"\(h($0.1))\"" }.joined())>
        \(header(title: title, path: path))
        \(body)
        </body>
        </html>

        """
    }

    /// The bar at the top of every page: its title, the way to the form and to the city page,
    /// and the other language. The current page is marked for screen readers.
    func header(title: String, path: String) -> String {
        "<header class=\"top\"><h1 id=\"page-title\">\(h(title))</h1>\(bar(path: path))</header>"
    }

    /// The links alone, for a page that has its own heading (the city page).
    func bar(path: String) -> String {
        let other: Language = language == .vi ? .en : .vi
        func item(_ target: String, _ text: String) -> String {
            let current = target == path ? " aria-current=\"page\"" : ""
            return "<a href=\"\(h(Self.link(target, language)))\"\(current)>\(h(text))</a>"
        }
        var nav = [item("/", t("Tự đánh giá", "Self-assessment"))]
        if hasCity { nav.append(item("/city", t("Toàn thành phố", "City"))) }
        if signedIn { nav.append(item("/city/logout", t("Đăng xuất", "Log out"))) }
        nav.append("<a href=\"\(h(Self.link(path, other)))\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\">\(other == .en ? "English" : "Tiếng Việt")</a>")
        return "<nav class=\"top\" aria-label=\"\(h(t("Các trang", "Pages")))\">\(nav.joined(separator: " "))</nav>"
    }
}
