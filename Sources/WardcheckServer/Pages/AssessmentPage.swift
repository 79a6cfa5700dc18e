import Foundation
import WardcheckCore
import WardcheckReports

/// The self-assessment form, generated from the facts schema: one fieldset a block, one question
/// a field, in schema order, in the schema's words (`question`, `help`, `labels`, `answers`).
/// Nothing here knows any fact: a new field in criteria/facts.yaml is a new question on the next
/// page load, and a question the criteria only ask under a condition (`Applicability`) is shown
/// only when that condition holds.
///
/// Each control's `name` is the fact's path, so the script can send the answers without knowing
/// them. A yes-or-no question is three radio buttons (the field's two answers, and "not
/// answered"): a checkbox could not leave it unanswered, and an unanswered fact must stay "not
/// reported", never turn into a no.
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
    private func h(_ text: Localized) -> String { HTML.escape(text.text(language)) }

    /// The control's id for a fact: the scorecard links "answer this question" here.
    static func fieldID(_ path: String) -> String { "f-" + path }

    func render() -> String {
        let applicability = criteria.applicability
        var body = "<main class=\"assessment\">\n<div class=\"layout\">\n"
        body += "<form id=\"facts\" novalidate autocomplete=\"off\" aria-labelledby=\"page-title\">\n"
        body += tools()
        body += "<div id=\"n-\" class=\"notes\" data-notes-for=\"\" hidden></div>\n"
        for key in schema.keys(under: "") {
            guard let field = schema.field(key) else { continue }
            body += field.type == .block ? block(field, depth: 0, applicability) : control(field, applicability)
        }
        if acceptsSubmissions { body += submission() }
        body += "</form>\n"
        body += """
        <aside id="result" aria-labelledby="result-title">
        <h2 id="result-title">\(h(t("Kết quả chấm điểm", "Scorecard")))</h2>
        <p id="score-line" class="visually-hidden" role="status" aria-live="polite"></p>
        <p id="status" class="status"></p>
        <div id="scorecard"><p class="note">\(h(t("Trả lời các câu hỏi; kết quả hiện ở đây và cập nhật khi bạn trả lời.",
                                                      "Answer the questions; the scorecard shows here and follows your answers.")))</p></div>
        <details class="as-check"><summary>\(h(t("Xem như lệnh wardcheck check (cho người giữ tệp)", "As wardcheck check prints it (for whoever keeps the files)")))</summary>
        <pre id="check-text"></pre><ul id="check-diagnostics"></ul></details>
        </aside>
        </div>
        <a id="summary" class="summary-bar" href="#result">\(h(t("Chưa chấm điểm", "Not scored yet")))</a>
        </main>

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
                                ("data-text-required", t("Còn {n} câu bắt buộc chưa trả lời.", "{n} required questions still to answer.")),
                                ("data-text-required-done", t("Đã trả lời mọi câu bắt buộc.", "Every required question is answered.")),
                                ("data-text-answered", t("câu đã trả lời", "questions answered")),
                                ("data-text-downloaded-blank", t("Đã tải tệp. Những câu sau chưa đọc được nên để trống trong tệp: {list}.",
                                                                 "Downloaded. These answers could not be read and are left blank in the file: {list}.")),
                                ("data-text-downloaded", t("Đã tải tệp {name}.", "Downloaded {name}.")),
                                ("data-text-uploaded", t("Đã mở tệp {name}.", "Opened {name}.")),
                            ])
    }

    private func tools() -> String {
        """
        <section class="tools" aria-label="\(h(t("Công cụ", "Tools")))">
        <p class="intro">\(h(t("Trả lời những gì đơn vị đã có. Câu để trống là “chưa báo cáo”. Câu trả lời được lưu trên máy này cho đến khi bạn xoá.",
                               "Answer what the unit has. A question left empty is “not reported”. Answers stay saved on this device until you clear them.")))</p>
        <p id="required-count" class="required-count"></p>
        <div class="buttons">
        <label class="button" for="upload">\(h(t("Mở tệp số liệu đã có", "Open an existing facts file")))</label>
        <input id="upload" type="file" accept=".yaml,.yml,application/yaml,text/yaml" class="visually-hidden">
        <button type="button" id="download">\(h(t("Tải về tệp số liệu", "Download the facts file")))</button>
        <button type="button" id="clear" class="secondary">\(h(t("Xoá hết", "Clear all")))</button>
        </div>
        <p id="tool-status" class="status" role="status"></p>
        </section>

        """
    }

    private func block(_ field: FactsSchema.Field, depth: Int, _ applicability: Applicability) -> String {
        let classes = depth == 0 ? "block section" : "block"
        var out = "<fieldset class=\"\(classes)\" id=\"\(h(Self.fieldID(field.path)))\" data-block=\"\(h(field.path))\">\n"
        out += "<legend>\(h(field.label))"
        if depth == 0 {
            // "3/6 câu đã trả lời": the count is text, read with its words.
            out += " <span class=\"progress\"><span class=\"done\">0</span>/<span class=\"of\">0</span><span class=\"visually-hidden\"> \(h(t("câu đã trả lời", "questions answered")))</span></span>"
        }
        out += "</legend>\n"
        out += "<div class=\"notes\" id=\"n-\(h(field.path))\" data-notes-for=\"\(h(field.path))\" hidden></div>\n"
        for key in schema.keys(under: field.path) {
            guard let child = schema.field(field.path + "." + key) else { continue }
            out += child.type == .block ? block(child, depth: depth + 1, applicability) : control(child, applicability)
        }
        return out + "</fieldset>\n"
    }

    private func required(_ field: FactsSchema.Field) -> String {
        field.required ? " <span class=\"required\">(\(h(t("bắt buộc", "required"))))</span>" : ""
    }

    /// One question: its words, the control, the unit, a line of help, and the place its
    /// question back to the person and any note are shown.
    private func control(_ field: FactsSchema.Field, _ applicability: Applicability) -> String {
        let path = field.path
        let id = h(Self.fieldID(path))
        let name = h(path)
        // The format version is the tool's business, not the office's: it is sent, not asked.
        if path == schema.formatField {
            return "<input type=\"hidden\" name=\"\(name)\" value=\"\(schema.formats.last.map(String.init) ?? "")\">\n"
        }
        var attributes = " data-field=\"\(name)\""
        if field.required { attributes += " data-required=\"true\"" }
        if let condition = applicability.condition(for: path) {
            let json = JSON.object([("fact", .string(condition.fact)), ("values", .array(condition.values.map(JSON.string)))])
            attributes += " data-ask-when=\"\(h(json.serialised(pretty: false)))\""
        }
        var out = "<div class=\"field\"\(attributes)>\n"
        let question = h(field.question ?? field.label) + required(field)
        let helpText = field.help ?? (field.type == .date ? Localized(vi: "Ghi ngày/tháng/năm, ví dụ 15/10/2026", en: "Day, month and year, e.g. 15 Oct 2026") : nil)
        let helpID = "h-" + path
        let help = helpText.map { "<p class=\"hint\" id=\"\(h(helpID))\">\(h($0))</p>\n" } ?? ""
        let describedBy = helpText == nil ? "" : " aria-describedby=\"\(h(helpID))\""
        let requiredAria = field.required ? " aria-required=\"true\"" : ""
        switch field.type {
        case .boolean:
            out += "<fieldset class=\"choices\" id=\"\(id)\"\(describedBy)><legend class=\"label\">\(question)</legend>\n" + help
            let notAnswered = Localized(vi: "Chưa trả lời", en: "Not answered")
            for (value, text) in [("true", field.answers["true"]), ("false", field.answers["false"]), ("", notAnswered)] {
                out += "<label><input type=\"radio\" name=\"\(name)\" value=\"\(value)\"\(value.isEmpty ? " checked" : "")> \(h(text ?? notAnswered))</label>\n"
            }
            out += "</fieldset>\n"
        case .enumeration(let values, _):
            out += "<label for=\"\(id)\">\(question)</label>\n" + help
            out += "<select id=\"\(id)\" name=\"\(name)\"\(describedBy)\(requiredAria)>\n"
            out += "<option value=\"\">\(h(t("— chưa trả lời —", "— not answered —")))</option>\n"
            for value in values {
                out += "<option value=\"\(h(value))\">\(h((field.labels[value] ?? Localized(value)).capitalised))</option>\n"
            }
            out += "</select>\n"
        case .date:
            let value = path == schema.referenceDate ? " value=\"\(h(today.written(language).replacingOccurrences(of: "\u{00A0}", with: " ")))\"" : ""
            out += "<label for=\"\(id)\">\(question)</label>\n" + help
            out += "<input id=\"\(id)\" name=\"\(name)\" type=\"text\" spellcheck=\"false\"\(value)\(describedBy)\(requiredAria)>\n"
        case .count, .number:
            // Text with a number keypad, not type=number: a browser silently drops what a number
            // field cannot hold ("1,5" on an English phone), and the office would never be asked about it.
            let mode = field.type == .count ? "numeric" : "decimal"
            out += "<label for=\"\(id)\">\(question)</label>\n" + help
            let input = "<input id=\"\(id)\" name=\"\(name)\" type=\"text\" inputmode=\"\(mode)\" spellcheck=\"false\"\(describedBy)\(requiredAria)>"
            out += field.unit.map { "<div class=\"with-unit\">\(input)<span class=\"unit\" aria-hidden=\"true\">\(h($0))</span></div>\n" } ?? input + "\n"
        case .code:
            let roster = path == schema.codeField && self.roster != nil ? " list=\"roster\" data-roster=\"code\"" : ""
            out += "<label for=\"\(id)\">\(question)</label>\n" + help
            if !roster.isEmpty {
                out += "<p class=\"hint\">\(h(t("Chọn mã trong danh sách của thành phố để điền sẵn tên, loại đơn vị và địa hình.", "Pick a code from the city's roster to fill in the name, type and terrain.")))</p>\n"
            }
            out += "<input id=\"\(id)\" name=\"\(name)\" type=\"text\" spellcheck=\"false\"\(roster)\(describedBy)\(requiredAria)>\n"
        case .text, .block:
            out += "<label for=\"\(id)\">\(question)</label>\n" + help
            out += "<input id=\"\(id)\" name=\"\(name)\" type=\"text\"\(describedBy)\(requiredAria)>\n"
        }
        out += "<p class=\"question-back\" id=\"q-\(name)\" data-question-for=\"\(name)\" hidden></p>\n"
        out += "<p class=\"note\" id=\"n-\(name)\" data-notes-for=\"\(name)\" hidden></p>\n"
        return out + "</div>\n"
    }

    private func submission() -> String {
        """
        <fieldset class="block section" id="submit-section">
        <legend>\(h(t("Nộp cho thành phố", "Submit to the city")))</legend>
        <p class="hint" id="token-hint">\(h(t("Dùng mã bí mật thành phố đã cấp riêng cho đơn vị.",
                              "Use the secret the city gave your unit.")))</p>
        <div class="field"><label for="token">\(h(t("Mã bí mật của đơn vị", "Your unit's secret")))</label>
        <input id="token" type="password" autocomplete="off" spellcheck="false" aria-describedby="token-hint"></div>
        <button type="button" id="submit-button">\(h(t("Nộp số liệu", "Submit the facts")))</button>
        <p id="submit-status" class="status" role="status"></p>
        </fieldset>

        """
    }

    /// The roster as suggestions for the code field; each carries the facts it fills in, by path,
    /// as the page's controls take them.
    private func rosterList() -> String {
        guard let roster else { return "" }
        let reader = AnswerReader(schema: schema, language: language)
        var out = "<datalist id=\"roster\">\n"
        for unit in roster.units {
            var fill: [(String, JSON)] = [(schema.codeField, .string(unit.code)), (schema.nameField, .string(unit.name))]
            for recorded in unit.facts where recorded.path != schema.codeField && recorded.path != schema.nameField {
                fill.append((recorded.path, .string(reader.shown(recorded.value))))
            }
            out += "<option value=\"\(h(unit.code))\" label=\"\(h(unit.code + " — " + unit.name))\" data-fill=\"\(h(JSON.object(fill).serialised(pretty: false)))\"></option>\n"
        }
        return out + "</datalist>\n"
    }
}
