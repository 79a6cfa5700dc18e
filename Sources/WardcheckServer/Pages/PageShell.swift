import WardcheckCore
import WardcheckReports

/// The served pages' frame: the one every wardcheck page has (`PageFrame`), with the served
/// style sheet (no inline script or style, so the Content-Security-Policy can forbid them) and a
/// top bar to move between the pages and languages.
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
        PageFrame(language: language, title: title, generator: "wardcheck serve", style: .linked(Assets.stylePath),
                  script: script ? Assets.scriptPath : nil, bodyAttributes: bodyAttributes)
            .render(header(title: title, path: path) + "\n" + body)
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
