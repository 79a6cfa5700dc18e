import Foundation
import WardcheckCore
import WardcheckReports

/// The self-assessment form, generated from the facts schema: one fieldset a block, one control a
/// field, in schema order, labelled in the page's language. Nothing here knows any fact: a new
/// field in criteria/facts.yaml is a new control on the next page load.
///
/// Each control's `name` is the fact's path, so the script can send the answers without knowing
/// them. A boolean is three radio buttons (yes, no, not reported): a checkbox could not leave it
/// unanswered, and an unanswered fact must stay "not reported", never turn into `false`.
struct AssessmentPage {
    let criteria: CriteriaSet
    let roster: Roster?
    let language: Language
    let hasCity: Bool
    let acceptsSubmissions: Bool
    let today: Day

    private var schema: FactsSchema { criteria.schema }
    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }
    private func h(_ text: String) -> String { HTML.escape(text) }

    /// The form control's id for a fact: the scorecard links "fill it in" here.
    static func fieldID(_ path: String) -> String { "f-" + path }

    func render() -> String {
        var body = "<main class=\"assessment\">\n<div class=\"layout\">\n"
        body += "<form id=\"facts\" novalidate autocomplete=\"off\">\n"
        body += tools()
        body += "<div id=\"general-errors\" class=\"errors\" data-errors-for=\"\" hidden></div>\n"
        for key in schema.keys(under: "") {
            guard let field = schema.field(key) else { continue }
            body += field.type == .block ? block(field, depth: 0) : control(field)
        }
        if acceptsSubmissions { body += submission() }
        body += "</form>\n"
        body += """
        <aside id="result" aria-live="polite">
        <h2>\(h(t("Kết quả chấm điểm", "Scorecard")))</h2>
        <p id="status" class="status"></p>
        <div id="scorecard"><p class="note">\(h(t("Điền mã, tên, loại đơn vị và ngày số liệu; kết quả hiện ở đây và cập nhật khi bạn điền.",
                                                      "Fill in the unit's code, name, type and the facts date; the scorecard shows here and follows your answers.")))</p></div>
        <details class="as-check"><summary>\(h(t("Xem như lệnh wardcheck check", "As `wardcheck check` prints it")))</summary><pre id="check-text"></pre></details>
        </aside>
        </div>
        </main>
        <a id="summary" class="summary-bar" href="#result">\(h(t("Chưa chấm điểm", "Not scored yet")))</a>

        """
        body += rosterList()
        let shell = PageShell(language: language, hasCity: hasCity)
        return shell.render(title: t("Tự đánh giá \(criteria.criteria.count) tiêu chí", "Self-assessment, \(criteria.criteria.count) criteria"),
                            path: "/", body: body, script: true, bodyAttributes: [
                                ("data-text-busy", t("Đang chấm điểm…", "Scoring…")),
                                ("data-text-offline", t("Không kết nối được máy chủ; câu trả lời vẫn được giữ trên máy này.",
                                                        "Cannot reach the server; your answers are kept on this device.")),
                                ("data-text-restored", t("Đã khôi phục câu trả lời lưu trên máy này.", "Restored the answers saved on this device.")),
                                ("data-text-confirm-clear", t("Xoá mọi câu trả lời trên trang?", "Clear every answer on the page?")),
                            ])
    }

    private func tools() -> String {
        """
        <section class="tools">
        <p class="intro">\(h(t("Điền những gì đơn vị đã có. Ô để trống là “chưa báo cáo”. Câu trả lời được lưu trên máy này cho đến khi bạn xoá.",
                               "Fill in what the unit has. A field left empty is “not reported”. Answers stay saved on this device until you clear them.")))</p>
        <div class="buttons">
        <label class="button" for="upload">\(h(t("Mở tệp YAML đã có", "Open an existing YAML file")))</label>
        <input id="upload" type="file" accept=".yaml,.yml,application/yaml,text/yaml" class="visually-hidden">
        <button type="button" id="download">\(h(t("Tải về tệp YAML", "Download the YAML file")))</button>
        <button type="button" id="clear" class="secondary">\(h(t("Xoá hết", "Clear all")))</button>
        </div>
        </section>

        """
    }

    private func block(_ field: FactsSchema.Field, depth: Int) -> String {
        let classes = depth == 0 ? "block section" : "block"
        var out = "<fieldset class=\"\(classes)\" id=\"\(h(Self.fieldID(field.path)))\" data-block=\"\(h(field.path))\">\n"
        out += "<legend>\(h(field.description.text(language)))\(required(field))"
        if depth == 0 { out += " <span class=\"progress\" aria-label=\"\(h(t("đã điền", "answered")))\"></span>" }
        out += "</legend>\n"
        out += "<div class=\"errors\" data-errors-for=\"\(h(field.path))\" hidden></div>\n"
        for key in schema.keys(under: field.path) {
            guard let child = schema.field(field.path + "." + key) else { continue }
            out += child.type == .block ? block(child, depth: depth + 1) : control(child)
        }
        return out + "</fieldset>\n"
    }

    private func required(_ field: FactsSchema.Field) -> String {
        field.required ? " <span class=\"required\">\(h(t("bắt buộc", "required")))</span>" : ""
    }

    /// One field: label, control, unit and hint, and the place its diagnostics are shown.
    private func control(_ field: FactsSchema.Field) -> String {
        let id = h(Self.fieldID(field.path))
        let name = h(field.path)
        // The format version is the tool's business, not the office's: it is sent, not asked.
        if field.path == schema.formatField {
            return "<input type=\"hidden\" name=\"\(name)\" value=\"\(schema.formats.last.map(String.init) ?? "")\">\n"
        }
        var out = "<div class=\"field\" data-field=\"\(name)\">\n"
        let labelText = h(label(field)) + required(field)
        switch field.type {
        case .boolean:
            out += "<fieldset class=\"choices\" id=\"\(id)\"><legend class=\"label\">\(labelText)</legend>\n"
            for (value, text) in [("true", t("Có", "Yes")), ("false", t("Không", "No")), ("", t("Chưa báo cáo", "Not reported"))] {
                out += "<label><input type=\"radio\" name=\"\(name)\" value=\"\(value)\"\(value.isEmpty ? " checked" : "")> \(h(text))</label>\n"
            }
            out += "</fieldset>\n"
        case .enumeration(let values, let hints):
            out += "<label for=\"\(id)\">\(labelText)</label>\n<select id=\"\(id)\" name=\"\(name)\">\n"
            out += "<option value=\"\">\(h(t("— chưa báo cáo —", "— not reported —")))</option>\n"
            for value in values {
                out += "<option value=\"\(h(value))\">\(h(choiceLabel(value, field: field, hints: hints)))</option>\n"
            }
            out += "</select>\n"
        case .date:
            let value = field.path == schema.referenceDate ? " value=\"\(today)\" max=\"\(today)\"" : " max=\"\(today)\""
            out += "<label for=\"\(id)\">\(labelText)</label>\n<input id=\"\(id)\" name=\"\(name)\" type=\"date\"\(value)>\n"
        case .count, .number:
            // Text with a number keypad, not type=number: a browser silently drops what a number
            // field cannot hold, and the office would never see the error `validate` reports.
            let mode = field.type == .count ? "numeric" : "decimal"
            out += "<label for=\"\(id)\">\(labelText)</label>\n"
            let input = "<input id=\"\(id)\" name=\"\(name)\" type=\"text\" inputmode=\"\(mode)\" spellcheck=\"false\">"
            out += field.unit.map { "<div class=\"with-unit\">\(input)<span class=\"unit\">\(h($0.text(language)))</span></div>\n" } ?? input + "\n"
        case .code(_, let hint):
            let roster = field.path == schema.codeField && self.roster != nil ? " list=\"roster\" data-roster=\"code\"" : ""
            out += "<label for=\"\(id)\">\(labelText)</label>\n<input id=\"\(id)\" name=\"\(name)\" type=\"text\" spellcheck=\"false\"\(roster)>\n"
            if let hint { out += "<p class=\"hint\">\(h(hint.text(language)))</p>\n" }
            if !roster.isEmpty {
                out += "<p class=\"hint\">\(h(t("Chọn mã trong danh sách của thành phố để điền sẵn tên, loại đơn vị và địa hình.", "Pick a code from the city's roster to fill in the name, type and terrain.")))</p>\n"
            }
        case .text, .block:
            out += "<label for=\"\(id)\">\(labelText)</label>\n<input id=\"\(id)\" name=\"\(name)\" type=\"text\">\n"
        }
        out += "<div class=\"errors\" data-errors-for=\"\(name)\" hidden></div>\n"
        return out + "</div>\n"
    }

    /// The schema's description, without the "(true/false)" note meant for people writing YAML:
    /// the form's own buttons say yes, no or not reported.
    private func label(_ field: FactsSchema.Field) -> String {
        let text = field.description.text(language)
        guard field.type == .boolean, text.hasSuffix(" (true/false)") else { return text }
        return String(text.dropLast(" (true/false)".count))
    }

    /// "phường (ward)": how the schema says the value reads (its `labels`), with the value the file
    /// holds when the two differ. A schema without labels gives the Vietnamese word its hints map
    /// to the value: of several, one with Vietnamese letters, then the longest.
    private func choiceLabel(_ value: String, field: FactsSchema.Field, hints: [String: String]) -> String {
        if let label = field.labels[value]?.text(language) {
            let same = label.lowercased() == value.replacingOccurrences(of: "_", with: " ").lowercased()
            return same ? label : "\(label) (\(value))"
        }
        let words = hints.filter { $0.value == value }.map(\.key).sorted { a, b in
            let (va, vb) = (a.unicodeScalars.contains { !$0.isASCII }, b.unicodeScalars.contains { !$0.isASCII })
            if va != vb { return va }
            return a.count != b.count ? a.count > b.count : a < b
        }
        guard let word = words.first else { return value }
        return language == .vi ? "\(word) (\(value))" : "\(value) (\(word))"
    }

    private func submission() -> String {
        """
        <fieldset class="block section" id="submit-section">
        <legend>\(h(t("Nộp cho thành phố", "Submit to the city")))</legend>
        <p class="hint">\(h(t("Dùng mã bí mật thành phố đã cấp riêng cho đơn vị. Tệp được lưu thay cho tệp trước của đơn vị.",
                              "Use the secret the city gave your unit. The file replaces the unit's previous one.")))</p>
        <div class="field"><label for="token">\(h(t("Mã bí mật của đơn vị", "Your unit's secret")))</label>
        <input id="token" type="password" autocomplete="off" spellcheck="false"></div>
        <button type="button" id="submit-button">\(h(t("Nộp tệp", "Submit the file")))</button>
        <p id="submit-status" class="status" role="status"></p>
        </fieldset>

        """
    }

    /// The roster as suggestions for the code field; each carries the facts it fills in, by path.
    private func rosterList() -> String {
        guard let roster else { return "" }
        let block = FactsTemplate(schema: schema).identityBlock
        var out = "<datalist id=\"roster\">\n"
        for unit in roster.units {
            var fill: [(String, JSON)] = [(schema.codeField, .string(unit.code)), (schema.nameField, .string(unit.name))]
            for (key, value) in unit.attributes {
                fill.append((block.isEmpty ? key : block + "." + key, .string(value)))
            }
            out += "<option value=\"\(h(unit.code))\" label=\"\(h(unit.code + " — " + unit.name))\" data-fill=\"\(h(JSON.object(fill).serialised(pretty: false)))\"></option>\n"
        }
        return out + "</datalist>\n"
    }
}
