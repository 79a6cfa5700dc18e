import WardcheckCore
import WardcheckReports

/// The frame every page shares: head with the served style sheet (no inline script, so the
/// Content-Security-Policy can forbid them), a top bar to move between the pages and languages.
struct PageShell {
    let language: Language
    /// Whether the city page is served (only with `--wards`), so the bar links to it.
    let hasCity: Bool

    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    /// A path of this server in this page's language: Vietnamese is the default, so it needs no query.
    static func link(_ path: String, _ language: Language) -> String {
        language == .vi ? path : path + "?lang=" + language.rawValue
    }

    func render(title: String, path: String, body: String, script: Bool = false, bodyAttributes: [(String, String)] = []) -> String {
        let other: Language = language == .vi ? .en : .vi
        var nav = ["<a href=\"\(h(Self.link("/", language)))\">\(h(t("Tự đánh giá", "Self-assessment")))</a>"]
        if hasCity { nav.append("<a href=\"\(h(Self.link("/city", language)))\">\(h(t("Toàn thành phố", "City")))</a>") }
        nav.append("<a href=\"\(h(Self.link(path, other)))\" lang=\"\(other.rawValue)\">\(other == .en ? "English" : "Tiếng Việt")</a>")
        let attributes = bodyAttributes.map { " \($0.0)=\"\(h($0.1))\"" }.joined()
        return """
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
        <body\(attributes)>
        <header class="top"><h1>\(h(title))</h1><nav>\(nav.joined(separator: " "))</nav></header>
        \(body)
        </body>
        </html>

        """
    }
}
