import Foundation
import YAMLTree

/// Checks a facts tree against the schema and produces typed `Facts`. Generic: every key,
/// type, bound and cross-field rule comes from criteria/facts.yaml. All errors are reported.
public struct FactsValidator: Sendable {
    public let schema: FactsSchema
    private let patterns: [String: String]
    // Compiled once; a Regex is immutable, so sharing it across threads is safe.
    nonisolated(unsafe) private let regexes: [String: Regex<AnyRegexOutput>]

    public init(schema: FactsSchema) {
        self.schema = schema
        var patterns: [String: String] = [:]
        for field in schema.fields {
            if case .code(let pattern, _) = field.type { patterns[field.path] = pattern }
        }
        self.patterns = patterns
        self.regexes = patterns.compactMapValues { try? Regex($0) }
    }

    /// `partial` skips the required-field check: criterion examples are snippets, not whole files.
    public func validate(_ root: YAMLNode, file: String, sink: DiagnosticSink, partial: Bool = false) -> Facts {
        var facts = Facts(file: file)
        if !partial {
            guard checkFormat(root, sink) else { return facts }
        }
        walk(root, parent: "", into: &facts, sink)
        if !partial { checkRequired(root, facts, sink) }
        checkBounds(facts, sink)
        checkDates(facts, sink)
        facts.code = facts[schema.codeField].map { $0.value.display }
        facts.name = facts[schema.nameField].map { $0.value.display }
        let contact = schema.contactFields.compactMap { facts[$0]?.value.display }.filter { !$0.isEmpty }
        facts.contact = contact.isEmpty ? nil : contact.joined(separator: ", ")
        if case .date(let day)? = facts[schema.referenceDate]?.value { facts.asOf = day }
        return facts
    }

    /// Reads the version first: a file of another format cannot be checked field by field.
    private func checkFormat(_ root: YAMLNode, _ sink: DiagnosticSink) -> Bool {
        let key = schema.formatField
        guard let entry = root.entry(key), !entry.value.isNull else { return true }  // reported as missing later
        guard case .success(let version) = ScalarReading.count(entry.value) else { return true }  // reported by the walk
        let number = NSDecimalNumber(decimal: version).intValue
        if schema.formats.contains(number) { return true }
        let supported = schema.formats.map(String.init).joined(separator: ", ")
        sink.error(.unsupportedFormat, at: entry.value.start, end: entry.value.end,
                   Localized(vi: "định dạng \(number) chưa được hỗ trợ", en: "format \(number) is not supported"),
                   hint: Localized(vi: "phiên bản này đọc định dạng \(supported); viết `\(key): \(schema.formats.last ?? 1)` hoặc cập nhật wardcheck",
                                   en: "this version reads format \(supported); write `\(key): \(schema.formats.last ?? 1)` or update wardcheck"))
        return false
    }

    private func walk(_ node: YAMLNode, parent: String, into facts: inout Facts, _ sink: DiagnosticSink) {
        for entry in node.entries ?? [] {
            let path = parent.isEmpty ? entry.key : parent + "." + entry.key
            guard let field = schema.field(path) else {
                reportUnknown(entry, parent: parent, sink)
                continue
            }
            let value = entry.value
            if value.isNull { continue }
            if case .rejected = value.kind { continue }
            if field.type == .block {
                guard value.entries != nil else {
                    sink.error(.wrongShape, at: value.start, end: value.end,
                               Localized(vi: "`\(path)` là một khối, cần các trường con thụt lề bên dưới", en: "`\(path)` is a block: its fields go indented below it"),
                               hint: Localized(vi: "các trường của nó: \(schema.keys(under: path).joined(separator: ", "))",
                                               en: "its fields: \(schema.keys(under: path).joined(separator: ", "))"))
                    continue
                }
                facts.blocks[path] = entry.keyStart
                walk(value, parent: path, into: &facts, sink)
                continue
            }
            if let typed = read(value, as: field, sink) {
                facts.values[path] = Located(typed, start: value.start, end: value.end)
            }
        }
    }

    private func read(_ node: YAMLNode, as field: FactsSchema.Field, _ sink: DiagnosticSink) -> FactValue? {
        let result: Result<FactValue, ScalarRejection>
        switch field.type {
        case .block: return nil
        case .boolean: result = ScalarReading.boolean(node).map(FactValue.boolean)
        case .count: result = ScalarReading.count(node).map(FactValue.number)
        case .number: result = ScalarReading.number(node).map(FactValue.number)
        case .date: result = ScalarReading.date(node).map(FactValue.date)
        case .text: result = ScalarReading.text(node).map(FactValue.text)
        case .enumeration(let values, let hints):
            result = ScalarReading.text(node).flatMap { text in
                if values.contains(text) { return .success(.text(text)) }
                let meant = hints[text.lowercased()] ?? Suggestion.nearest(to: text, among: values)
                return .failure(ScalarRejection(code: .notInEnum,
                    message: Localized(vi: "`\(text)` không phải giá trị hợp lệ của `\(field.key)`", en: "`\(text)` is not a valid `\(field.key)`"),
                    hint: Localized(
                        vi: (meant.map { "có phải ý bạn là `\($0)`? " } ?? "") + "giá trị hợp lệ: \(values.joined(separator: ", "))",
                        en: (meant.map { "did you mean `\($0)`? " } ?? "") + "valid values: \(values.joined(separator: ", "))")))
            }
        case .code(_, let hint):
            result = ScalarReading.text(node).flatMap { text in
                if let regex = regexes[field.path], (try? regex.wholeMatch(in: text)) != nil {
                    return .success(.text(text))
                }
                return .failure(ScalarRejection(code: .badPattern,
                    message: Localized(vi: "`\(text)` không đúng dạng của `\(field.key)`", en: "`\(text)` is not a valid `\(field.key)`"),
                    hint: hint ?? Localized(vi: "dạng: \(patterns[field.path] ?? "")", en: "form: \(patterns[field.path] ?? "")")))
            }
        }
        if case .success(.number(let n)) = result, let minimum = field.minimum, n < minimum {
            let least = NumberText.plain(minimum)
            sink.error(.outOfRange, at: node.start, end: node.end,
                       Localized(vi: "\(field.path): \(NumberText.plain(n)) nhỏ hơn mức tối thiểu \(least)",
                                 en: "\(field.path): \(NumberText.plain(n)) is below the minimum of \(least)"),
                       hint: Localized(vi: "\(field.description.vi): ít nhất \(least)", en: "\(field.description.en): at least \(least)"))
            return nil
        }
        switch result {
        case .success(let value): return value
        case .failure(let rejection):
            sink.error(rejection.code, at: node.start, end: node.end,
                       rejection.message.map { "\(field.path): \($0)" }, hint: rejection.hint)
            return nil
        }
    }

    private func reportUnknown(_ entry: YAMLNode.Entry, parent: String, _ sink: DiagnosticSink) {
        let valid = schema.keys(under: parent)
        let place = parent.isEmpty ? Localized(vi: "ở cấp ngoài cùng", en: "at the top level")
            : Localized(vi: "trong `\(parent)`", en: "in `\(parent)`")
        var hint: Localized
        if let near = Suggestion.nearest(to: entry.key, among: valid) {
            hint = Localized(vi: "có phải ý bạn là `\(near)`?", en: "did you mean `\(near)`?")
        } else if let home = schema.fields.first(where: { $0.key == entry.key && $0.parent != parent }) {
            let where_ = home.parent.isEmpty ? Localized(vi: "ở cấp ngoài cùng", en: "at the top level") : Localized(vi: "trong `\(home.parent)`", en: "under `\(home.parent)`")
            hint = Localized(vi: "`\(entry.key)` thuộc \(where_.vi)", en: "`\(entry.key)` belongs \(where_.en)")
        } else {
            hint = Localized(vi: "các khoá hợp lệ: \(valid.joined(separator: ", "))", en: "valid keys: \(valid.joined(separator: ", "))")
        }
        sink.error(.unknownKey, at: entry.keyStart, end: entry.keyEnd,
                   Localized(vi: "khoá không hợp lệ `\(entry.key)` \(place.vi)", en: "unknown key `\(entry.key)` \(place.en)"), hint: hint)
    }

    private func checkRequired(_ root: YAMLNode, _ facts: Facts, _ sink: DiagnosticSink) {
        for field in schema.fields where field.required {
            let present = field.type == .block ? facts.blocks[field.path] != nil : facts.values[field.path] != nil
            if present { continue }
            // A missing field inside a missing block is covered by the block's own error.
            if !field.parent.isEmpty, facts.blocks[field.parent] == nil { continue }
            // A field that was written but rejected already has its error.
            if writtenNode(root, field.path).map({ !$0.isNull }) == true { continue }
            let at = field.parent.isEmpty ? Mark.start : facts.blocks[field.parent]!
            sink.error(.missingRequired, at: at,
                       Localized(vi: "thiếu trường bắt buộc `\(field.path)` (\(field.description.vi))", en: "missing required field `\(field.path)` (\(field.description.en))"),
                       hint: Localized(vi: "thêm dòng `\(field.key): …`" + (field.parent.isEmpty ? "" : " trong `\(field.parent)`"),
                                       en: "add a `\(field.key): …` line" + (field.parent.isEmpty ? "" : " under `\(field.parent)`")))
        }
    }

    private func writtenNode(_ root: YAMLNode, _ path: String) -> YAMLNode? {
        var node: YAMLNode? = root
        for key in path.split(separator: ".") { node = node?[String(key)] }
        return node
    }

    private func checkBounds(_ facts: Facts, _ sink: DiagnosticSink) {
        for bound in schema.bounds {
            guard let value = facts[bound.fact], let limit = facts[bound.atMost],
                  let v = value.value.number, let l = limit.value.number, v > l else { continue }
            let filled = bound.message.filling(["value": Localized(NumberText.plain(v)), "limit": Localized(NumberText.plain(l))])
            sink.error(.crossField, at: value.start, end: value.end,
                       filled.map { "\(bound.fact): \($0)" },
                       hint: Localized(vi: "kiểm tra lại `\(bound.fact)` và `\(bound.atMost)` (dòng \(limit.start.line))",
                                       en: "check `\(bound.fact)` and `\(bound.atMost)` (line \(limit.start.line))"))
        }
    }

    private func checkDates(_ facts: Facts, _ sink: DiagnosticSink) {
        guard case .date(let reference)? = facts[schema.referenceDate]?.value else { return }
        for (path, located) in facts.values.sorted(by: { $0.key < $1.key }) where path != schema.referenceDate {
            guard case .date(let day) = located.value, day > reference else { continue }
            sink.error(.dateAfterAsOf, at: located.start, end: located.end,
                       Localized(vi: "\(path): ngày \(day) sau ngày số liệu \(schema.referenceDate) (\(reference))",
                                 en: "\(path): \(day) is after the facts date \(schema.referenceDate) (\(reference))"),
                       hint: Localized(vi: "sửa ngày này, hoặc cập nhật `\(schema.referenceDate)` thành ngày lập số liệu",
                                       en: "correct this date, or set `\(schema.referenceDate)` to the day the facts were gathered"))
        }
    }
}

/// Loads one facts file end to end: YAML, schema, typed facts, and diagnostics with source lines.
public struct FactsFile: Sendable {
    public var path: String
    public var facts: Facts?
    public var diagnostics: [Diagnostic]
    /// The unit code as written, when it could be read, even if the file is invalid.
    public var code: String?

    public var isValid: Bool { facts != nil }

    public static func load(path: String, validator: FactsValidator) -> FactsFile {
        let loaded = YAMLLoader.load(path: path)
        let sink = DiagnosticSink(file: path)
        for problem in loaded.problems { sink.report(problem) }
        var facts: Facts?
        if let root = loaded.root {
            facts = validator.validate(root, file: path, sink: sink)
        }
        let diagnostics = sink.finished(source: loaded.source)
        return FactsFile(path: path, facts: sink.hasErrors ? nil : facts, diagnostics: diagnostics, code: facts?.code)
    }
}
