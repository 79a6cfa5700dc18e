import WardcheckCore

/// The frame of every page wardcheck writes, a report saved to a file or a page the server
/// serves: the head (language, viewport, generator, title, style), the top bar's look and the
/// palette. One frame so that the city's report and the form the wards fill read as one tool,
/// in the same colours for the same outcomes.
public struct PageFrame {
    /// Where the page's style comes from: written into the page (a report file stands alone) or
    /// the server's style sheet (its Content-Security-Policy forbids inline style on its own pages).
    public enum Style {
        case inline(String)
        case linked(String)
    }

    public var language: Language
    public var title: String
    public var generator: String
    public var style: Style
    /// A script the server serves (never inline), loaded once the page is read.
    public var script: String?
    /// Attributes of `<body>` (values escaped here).
    public var bodyAttributes: [(String, String)]

    public init(language: Language, title: String, generator: String, style: Style, script: String? = nil, bodyAttributes: [(String, String)] = []) {
        (self.language, self.title, self.generator, self.style) = (language, title, generator, style)
        (self.script, self.bodyAttributes) = (script, bodyAttributes)
    }

    /// The whole page around `body` (already markup).
    public func render(_ body: String) -> String {
        opening() + body + Self.closing
    }

    /// The page up to its body's content: a page written piece by piece writes this, its body,
    /// then `closing`.
    public func opening() -> String {
        let h = HTML.escape
        let styleTag: String
        switch style {
        case .inline(let css): styleTag = "<style>\(css)</style>"
        case .linked(let path): styleTag = "<link rel=\"stylesheet\" href=\"\(h(path))\">"
        }
        let scriptTag = script.map { "<script src=\"\(h($0))\" defer></script>\n" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(h(generator))">
        <title>\(h(title))</title>
        <link rel="icon" href="data:,">
        \(styleTag)
        \(scriptTag)</head>
        <body\(bodyAttributes.map { " \($0.0)=\"\(h($0.1))\"" }.joined())>

        """
    }

    /// What follows the body's content.
    public static let closing = "\n</body>\n</html>\n"

    /// The palette and what every page shares: outcome colours (each with a background light
    /// enough for its text to keep a 4.5:1 contrast), type, links, the top bar with tap targets
    /// of 44 px, text kept for screen readers alone.
    public static let palette = """

    :root { --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #b42318; --failed-bg: #ffe4e0; --not_reported: #8a5a00; --not_reported-bg: #fff3c4;
            --not_evaluable: #6e40c9; --not_evaluable-bg: #efe6ff; --waived: #0b5cad; --waived-bg: #dcecff; --line: #d0d7de; --muted: #57606a;
            --accent: #0b5cad; --bar: #0b3d6e; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1f2328; background: #fff; line-height: 1.45; }
    a { color: var(--accent); }
    nav.top { display: flex; flex-wrap: wrap; gap: .2rem .4rem; }
    nav.top a { color: #fff; display: inline-flex; align-items: center; min-height: 44px; min-width: 44px; padding: 0 .5rem; border-radius: 6px; }
    nav.top a[aria-current=page] { text-decoration: none; background: rgba(255,255,255,.15); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media print { nav.top { display: none; } }

    """
}
