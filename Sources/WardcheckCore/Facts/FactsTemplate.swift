import Foundation
import YAMLTree

/// A blank facts file written from the schema, for an office to fill in: every field in schema
/// order, nested blocks in block style, each under a one-line comment in the user's language. Values are left
/// empty ("not reported", which validates) except the few that `init` is told or can know.
public struct FactsTemplate: Sendable {
    public let schema: FactsSchema

    public init(schema: FactsSchema) {
        self.schema = schema
    }

    /// Why a value given to `init` cannot go into the template, and what to give instead.
    public struct Rejection: Error, Sendable {
        public var message: Localized
        public var hint: Localized?
    }

    /// The block that holds the identity code: the unit's own description, where a choice such as
    /// `--type` lands. Empty when the code sits at the top level.
    public var identityBlock: String {
        schema.field(schema.codeField)?.parent ?? ""
    }

    /// The enum field a named choice fills: the field of that name in the identity block.
    public func choiceField(_ option: String) -> FactsSchema.Field? {
        let path = identityBlock.isEmpty ? option : identityBlock + "." + option
        guard let field = schema.field(path), case .enumeration = field.type else { return nil }
        return field
    }

    /// The values `init` writes, by path, or every reason they cannot be written.
    /// `choices` pairs a field name in the identity block with the value given for it.
    public func values(code: String, name: String, choices: [(field: String, value: String)], asOf: Day)
        -> Result<[String: FactValue], Rejections> {
        var values: [String: FactValue] = [:]
        var problems: [Rejection] = []
        if let last = schema.formats.last {
            values[schema.formatField] = .number(Decimal(last))
        }
        values[schema.referenceDate] = .date(asOf)

        let code = code.precomposedStringWithCanonicalMapping
        if case .code(let pattern, let hint)? = schema.field(schema.codeField)?.type,
           (try? Regex(pattern).wholeMatch(in: code)) == nil {
            problems.append(Rejection(
                message: Localized(vi: "mã đơn vị `\(code)` không đúng dạng", en: "unit code `\(code)` has the wrong form"),
                hint: hint ?? Localized(vi: "dạng: \(pattern)", en: "form: \(pattern)")))
        } else if code.isEmpty {
            problems.append(Rejection(message: Localized(vi: "mã đơn vị trống", en: "the unit code is empty"), hint: nil))
        } else {
            values[schema.codeField] = .text(code)
        }

        // Names typed on another system may arrive decomposed; the file always holds NFC.
        let name = name.precomposedStringWithCanonicalMapping
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(Rejection(message: Localized(vi: "tên đơn vị trống", en: "the unit name is empty"), hint: nil))
        } else if let (position, scalar) = HiddenCharacters.first(in: name) {
            // The same rule `validate` applies to one-line text: what init writes must validate.
            problems.append(Rejection(
                message: Localized(vi: "tên đơn vị chứa ký tự điều khiển hoặc ký tự ẩn \(HiddenCharacters.describe(scalar)) ở ký tự thứ \(position)",
                                   en: "the unit name holds a control or invisible character, \(HiddenCharacters.describe(scalar)), at character \(position)"),
                hint: Localized(vi: "gõ tên trên một dòng, bằng chữ thường", en: "type the name as plain text on one line")))
        } else {
            values[schema.nameField] = .text(name)
        }

        for (option, given) in choices {
            let value = given.precomposedStringWithCanonicalMapping
            guard let field = choiceField(option), case .enumeration(let allowed, let hints) = field.type else {
                let place = identityBlock.isEmpty ? option : identityBlock + "." + option
                problems.append(Rejection(
                    message: Localized(vi: "lược đồ không có trường liệt kê `\(place)`", en: "the schema has no enum field `\(place)`"),
                    hint: Localized(vi: "xem \(schema.file)", en: "see \(schema.file)")))
                continue
            }
            guard allowed.contains(value) else {
                let meant = hints[value.lowercased()] ?? Suggestion.nearest(to: value, among: allowed)
                let list = allowed.joined(separator: ", ")
                problems.append(Rejection(
                    message: Localized(vi: "`\(value)` không phải giá trị hợp lệ của `\(field.key)`", en: "`\(value)` is not a valid `\(field.key)`"),
                    hint: Localized(vi: (meant.map { "có phải ý bạn là `\($0)`? " } ?? "") + "giá trị hợp lệ: \(list)",
                                    en: (meant.map { "did you mean `\($0)`? " } ?? "") + "valid values: \(list)")))
                continue
            }
            values[field.path] = .text(value)
        }
        return problems.isEmpty ? .success(values) : .failure(Rejections(all: problems))
    }

    /// What `validate` would report about `text` once written to `path`: empty for every template
    /// `init` writes, which is how it keeps its promise that a new file validates.
    public func problems(in text: String, path: String, checks: FileChecks = FileChecks()) -> [Diagnostic] {
        FactsFile.load(text: text, path: path, validator: FactsValidator(schema: schema), checks: checks).diagnostics
    }

    /// Every rejection at once, so one run names every wrong option.
    public struct Rejections: Error, Sendable {
        public var all: [Rejection]
    }

    /// The template text, its comments in `language`. Fields not in `values` are written with an empty value.
    public func render(_ values: [String: FactValue], language: Language = .vi) -> String {
        var scalars: [String: String] = [:]
        for (path, value) in values {
            if let field = schema.field(path), field.type != .block { scalars[path] = scalar(value, for: field) }
        }
        return render(scalars: scalars, language: language)
    }

    /// The template filled with answers as typed into a form, by path. An answer that reads as
    /// its field's type is written exactly as `init` writes that value, so a form's file and
    /// `init`'s are the same text. One that does not read is still written, as typed, so that
    /// `validate` reports it like any mistake in a file: plain when it cannot change the YAML's
    /// shape (`4,5`, `yes`, `05/07/2025` get their usual hints), quoted otherwise. Empty answers,
    /// blocks and paths the schema does not have are left out.
    public func render(answers: [String: String], language: Language = .vi) -> String {
        var scalars: [String: String] = [:]
        for (path, answer) in answers {
            guard let field = schema.field(path), field.type != .block else { continue }
            let text = answer.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if let value = read(text, as: field) {
                scalars[path] = scalar(value, for: field)
            } else if case .text = field.type {
                scalars[path] = YAMLText.doubleQuoted(text)
            } else if case .code = field.type {
                scalars[path] = YAMLText.doubleQuoted(text)
            } else if case .enumeration = field.type {
                scalars[path] = scalar(.text(text), for: field)
            } else {
                scalars[path] = YAMLText.isSafePlain(text) ? text : YAMLText.doubleQuoted(text)
            }
        }
        return render(scalars: scalars, language: language)
    }

    /// Reads an answer with the same strict readers a file's values go through.
    private func read(_ text: String, as field: FactsSchema.Field) -> FactValue? {
        let node = YAMLNode(kind: .scalar(text, .plain), start: .start, end: .start)
        switch field.type {
        case .block: return nil
        case .boolean: return try? ScalarReading.boolean(node).map(FactValue.boolean).get()
        case .count: return try? ScalarReading.count(node).map(FactValue.number).get()
        case .number: return try? ScalarReading.number(node).map(FactValue.number).get()
        case .date: return try? ScalarReading.date(node).map(FactValue.date).get()
        case .text: return try? ScalarReading.text(node).map(FactValue.text).get()
        case .enumeration(let values, _): return values.contains(text) ? .text(text) : nil
        case .code(let pattern, _):
            guard (try? Regex(pattern).wholeMatch(in: text)) != nil else { return nil }
            return .text(text)
        }
    }

    private func render(scalars: [String: String], language: Language) -> String {
        let version = schema.formats.last.map(String.init) ?? "?"
        var out = language == .vi ? """
        # Tệp dữ kiện của một đơn vị, định dạng \(version), lập bằng `wardcheck init`.
        # Điền số liệu sau dấu hai chấm. Trường để trống nghĩa là "chưa báo cáo".

        """ : """
        # Facts for one unit, format \(version), written by `wardcheck init`.
        # Fill in each value after its colon; a field left empty means "not reported".

        """
        write(under: "", depth: 0, scalars, language, into: &out)
        return out
    }

    /// Children in schema order under their parent, so a block's fields stay together even when
    /// the schema declares one of them further down.
    private func write(under parent: String, depth: Int, _ scalars: [String: String], _ language: Language, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        for key in schema.keys(under: parent) {
            let path = parent.isEmpty ? key : parent + "." + key
            guard let field = schema.field(path) else { continue }
            if depth == 0 { out += "\n" }
            out += indent + "# " + comment(field, language) + "\n"
            out += indent + YAMLText.key(key) + ":"
            if field.type != .block, let scalar = scalars[path] {
                out += " " + scalar
            }
            out += "\n"
            if field.type == .block {
                write(under: path, depth: depth + 1, scalars, language, into: &out)
            }
        }
    }

    private func comment(_ field: FactsSchema.Field, _ language: Language) -> String {
        let line = field.description.text(language).split(whereSeparator: \.isNewline).joined(separator: " ")
        return field.required ? line + (language == .vi ? " — bắt buộc" : " — required") : line
    }

    private func scalar(_ value: FactValue, for field: FactsSchema.Field) -> String {
        switch value {
        case .boolean, .number, .date:
            return value.display
        case .text(let text):
            if case .enumeration = field.type, YAMLText.isPlainWord(text) { return text }
            return YAMLText.doubleQuoted(text)
        }
    }
}

/// Writing YAML scalars that read back exactly as meant.
public enum YAMLText {
    /// A YAML double-quoted scalar; every character that could end, fold or corrupt it is escaped.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // YAML 1.1 reads these as line breaks inside quotes and folds them to spaces.
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Letters, digits and underscores, and not a word YAML reads as empty: safe to write unquoted.
    public static func isPlainWord(_ text: String) -> Bool {
        !text.isEmpty && !["null", "Null", "NULL"].contains(text)
            && text.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    }

    /// Text that reads back as the same plain scalar and cannot change the shape of the YAML
    /// around it: letters, digits, spaces inside, and `. , - + / _`, starting with a letter or
    /// digit (or a sign before a digit). No `:`, `#`, quotes, brackets or line breaks.
    public static func isSafePlain(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, last != " " else { return false }
        let wordLike = { (s: Unicode.Scalar) in s.properties.isAlphabetic || s.properties.numericType != nil }
        if !wordLike(first) {
            guard first == "-" || first == "+", scalars.count > 1, ("0"..."9").contains(scalars[1]) else { return false }
        }
        if ["null", "Null", "NULL", "~"].contains(text) { return false }
        return scalars.allSatisfy { wordLike($0) || ".,-+/_ ".unicodeScalars.contains($0) }
    }

    /// A mapping key, quoted only when it must be.
    public static func key(_ key: String) -> String {
        isPlainWord(key) ? key : doubleQuoted(key)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
