import WardcheckCore

/// How a report page prints: A4, the report's title at the top of every sheet and "Trang n / N"
/// at the bottom, through CSS `@page` margin boxes (Chromium prints them from version 131).
/// One place, so every HTML report numbers its pages the same way.
enum PrintedPages {
    static func css(title: String, language: Language, landscape: Bool = false) -> String {
        let page = language == .vi ? "Trang" : "Page"
        return """

        @page { size: A4\(landscape ? " landscape" : ""); margin: 16mm 12mm 16mm 12mm;
          @top-center { content: "\(cssString(title))"; font-size: 9pt; color: #57606a; }
          @bottom-center { content: "\(page) " counter(page) " / " counter(pages); font-size: 9pt; } }

        """
    }

    /// Text inside a CSS string: quotes, backslashes and markup characters written as CSS escapes,
    /// controls too, so ward text in a title can neither end the string nor the style element.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in HiddenCharacters.escaped(text).unicodeScalars {
            if scalar == "\"" || scalar == "\\" || scalar == "<" || scalar == ">" || scalar == "&" || scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
