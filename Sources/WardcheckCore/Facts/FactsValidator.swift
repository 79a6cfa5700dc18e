import Foundation
import YAMLTree

/// Checks a facts tree against the schema and produces typed `Facts`. Generic: every key,
/// type, bound and cross-field rule comes from criteria/facts.yaml. All errors are reported.
public struct FactsValidator: Sendable {
    public let schema: FactsSchema
    private let patterns: [String: String]
    private let matchers: [String: CodeMatcher]

    public init(schema: FactsSchema) {
        self.schema = schema
        var patterns: [String: String] = [:]
        for field in schema.fields {
            if case .code(let pattern, _) = field.type { patterns[field.path] = pattern }
        }
        self.patterns = patterns
        self.matchers = patterns.mapValues(CodeMatcher.init)
    }

    /// `partial` skips the required-field check: criterion examples are snippets, not whole files.
    /// `inProgress` reports a required field left out as a note, not an error: a form being filled
    /// in is scored before it is complete (the file it downloads is checked whole).
    public func validate(_ root: YAMLNode, file: String, sink: DiagnosticSink, partial: Bool = false, inProgress: Bool = false) -> Facts {
        var facts = emptyFacts(file: file)
        if !partial, let entry = root.entry(schema.formatField) {
            guard checkFormat(entry.value, sink) else { return facts }
        }
        walk(root, parent: "", block: -1, into: &facts, sink)
        if !partial { checkRequired(root, facts, inProgress ? .note : .error, sink) }
        checkBounds(facts, sink)
        checkDates(facts, sink)
        identify(&facts)
        return facts
    }

    /// No facts yet, with a place for every field of the schema.
    func emptyFacts(file: String) -> Facts {
        Facts(file: file, numbering: schema.numbering)
    }

    /// The unit's code, name, contact and facts date, from the facts read.
    func identify(_ facts: inout Facts) {
        let known = schema.known
        let values = facts.values
        func display(_ path: String, _ n: Int) -> String? { fact(values, path, n)?.value.display }
        facts.code = display(schema.codeField, known.code)
        facts.name = display(schema.nameField, known.name)
        var contact = ""
        for (path, n) in zip(schema.contactFields, known.contacts) {
            guard let text = display(path, n), !text.isEmpty else { continue }
            contact += contact.isEmpty ? text : ", " + text
        }
        facts.contact = contact.isEmpty ? nil : contact
        if case .date(let day)? = fact(values, schema.referenceDate, known.referenceDate)?.value { facts.asOf = day }
    }

    /// The fact at `path`, field number `n` of the schema (see `FactsSchema.known`).
    private func fact(_ values: FieldTable<Located<FactValue>>, _ path: String, _ n: Int) -> Located<FactValue>? {
        values.value(path, number: n, in: schema.numbering)
    }

    /// Reads the version first: a file of another format cannot be checked field by field.
    /// `value` is what the top level writes under the format field.
    func checkFormat(_ value: YAMLNode, _ sink: DiagnosticSink) -> Bool {
        let key = schema.formatField
        guard !value.isNull else { return true }  // reported as missing later
        guard case .success(let version) = ScalarReading.count(value) else { return true }  // reported by the walk
        let number = NSDecimalNumber(decimal: version).intValue
        if schema.formats.contains(number) { return true }
        let supported = schema.formats.map(String.init).joined(separator: ", ")
        sink.error(.unsupportedFormat, at: value.start, end: value.end,
                   Localized(vi: "định dạng \(number) chưa được hỗ trợ", en: "format \(number) is not supported"),
                   hint: Localized(vi: "phiên bản này đọc định dạng \(supported); viết `\(key): \(schema.formats.last ?? 1)` hoặc cập nhật wardcheck",
                                   en: "this version reads format \(supported); write `\(key): \(schema.formats.last ?? 1)` or update wardcheck"),
                   plain: Localized(vi: "Tệp theo mẫu số \(number); phiên bản wardcheck này đọc mẫu số \(supported)",
                                    en: "The file follows form \(number); this version of wardcheck reads form \(supported)"))
        return false
    }

    /// `block` is the index in the schema of the block `node` is (-1 for the top level).
    private func walk(_ node: YAMLNode, parent: String, block: Int, into facts: inout Facts, _ sink: DiagnosticSink) {
        let entries = node.entries ?? []
        for (index, entry) in entries.enumerated() {
            // A key with a dot in it is looked up as the path it spells, as a path would be.
            let dotted = entry.key.utf8.contains(UInt8(ascii: "."))
            let found = dotted ? schema.index(of: parent.isEmpty ? entry.key : parent + "." + entry.key) : schema.child(entry.key, of: block)
            guard let fieldIndex = found else {
                let meant = reportUnknown(entry, previous: index > 0 ? entries[index - 1] : nil, in: node, parent: parent, facts: facts, sink)
                // A misspelled block hides every error inside it: check its contents as the block it
                // was probably meant to be, so that fixing the name does not bring a second round.
                if let meant, let meantIndex = schema.index(of: meant), schema.fields[meantIndex].type == .block, entry.value.entries != nil {
                    var scratch = Facts(file: facts.file, numbering: schema.numbering)
                    walk(entry.value, parent: meant, block: meantIndex, into: &scratch, sink)
                }
                continue
            }
            let field = schema.fields[fieldIndex]
            let path = field.path
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
                facts.blocks[field: fieldIndex] = entry.keyStart
                walk(value, parent: path, block: fieldIndex, into: &facts, sink)
                continue
            }
            if let typed = read(value, as: field, sink) {
                facts.values[field: fieldIndex] = Located(typed, start: value.start, end: value.end)
            }
        }
    }

    /// Whether text is a well-formed unit code (the schema's code field pattern).
    public func isValidCode(_ text: String) -> Bool {
        guard let matcher = matchers[schema.codeField] else { return true }
        return matcher.matches(text)
    }

    /// What a unit code looks like, for hints.
    public var codeHint: Localized? {
        if case .code(_, let hint)? = schema.field(schema.codeField)?.type { return hint }
        return nil
    }

    /// A single value read exactly as `validate` reads it in a file, or nil when it would be refused.
    public func strictValue(_ node: YAMLNode, path: String) -> FactValue? {
        let sink = DiagnosticSink(file: "")
        let value = typed(node, path: path, sink)
        return sink.hasErrors ? nil : value
    }

    /// A single value read as its field's type, with the same errors a facts file gets (the roster uses it).
    func typed(_ node: YAMLNode, path: String, _ sink: DiagnosticSink) -> FactValue? {
        schema.field(path).flatMap { read(node, as: $0, sink) }
    }

    func read(_ node: YAMLNode, as field: FactsSchema.Field, _ sink: DiagnosticSink) -> FactValue? {
        let result: Result<FactValue, ScalarRejection>
        switch field.type {
        case .block: return nil
        case .boolean: result = ScalarReading.boolean(node).map(FactValue.boolean)
        case .count: result = ScalarReading.count(node).map(FactValue.number)
        case .number: result = ScalarReading.number(node).map(FactValue.number)
        case .date: result = ScalarReading.date(node).map(FactValue.date)
        // Every text fact is one line (a name, a contact): see ScalarReading.line.
        case .text: result = ScalarReading.line(node).map(FactValue.text)
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
                if let matcher = matchers[field.path], matcher.matches(text) {
                    return .success(.text(text))
                }
                return .failure(ScalarRejection(code: .badPattern,
                    message: Localized(vi: "`\(text)` không đúng dạng của `\(field.key)`", en: "`\(text)` is not a valid `\(field.key)`"),
                    hint: hint ?? Localized(vi: "dạng: \(patterns[field.path] ?? "")", en: "form: \(patterns[field.path] ?? "")")))
            }
        }
        if case .success(.number(let n)) = result, let minimum = field.minimum, DecimalShortcuts.less(n, minimum) {
            let least = NumberText.plain(minimum)
            sink.error(.outOfRange, at: node.start, end: node.end,
                       Localized(vi: "\(field.path): \(NumberText.plain(n)) nhỏ hơn mức tối thiểu \(least)",
                                 en: "\(field.path): \(NumberText.plain(n)) is below the minimum of \(least)"),
                       hint: Localized(vi: "\(field.description.vi): ít nhất \(least)", en: "\(field.description.en): at least \(least)"),
                       plain: Localized(vi: "\(field.label.vi): \(NumberText.number(n, .vi)) — cần ít nhất \(NumberText.number(minimum, .vi))",
                                        en: "\(field.label.en): \(NumberText.number(n, .en)) — needs at least \(NumberText.number(minimum, .en))"))
            return nil
        }
        if case .success(.number(let n)) = result, case .number = field.type, let text = node.scalar,
           text.utf8.contains(UInt8(ascii: ".")), let thousand = ScalarReading.groupedWhole(text) {
            // Vietnamese writes a thousand as 1.000; YAML reads it as one. Accepted, but said.
            sink.warning(.ambiguousThousands, at: node.start, end: node.end,
                         Localized(vi: "\(field.path): `\(text)` được đọc là \(NumberText.plain(n))", en: "\(field.path): `\(text)` is read as \(NumberText.plain(n))"),
                         hint: Localized(vi: "nếu ý là \(thousand), viết \(thousand) không có dấu chấm", en: "if you mean \(thousand), write \(thousand) with no dot"),
                         plain: Localized(vi: "\(field.label.vi): tệp ghi «\(text)», được hiểu là \(NumberText.number(n, .vi))",
                                          en: "\(field.label.en): the file says «\(text)», read as \(NumberText.number(n, .en))"))
        }
        switch result {
        case .success(let value): return value
        case .failure(let rejection):
            sink.error(rejection.code, at: rejection.at ?? node.start, end: rejection.at == nil ? node.end : nil,
                       rejection.message.map { "\(field.path): \($0)" }, hint: rejection.hint,
                       plain: PlainProblems(schema: schema).value(rejection.code, field: field, written: node.scalar))
            return nil
        }
    }

    /// Did-you-mean searches per file: a file of thousands of unknown keys is not a typo.
    public static let suggestionsPerFile = 20

    /// Reports a key the schema does not have here, with the likeliest fix; returns the path it
    /// was probably meant to be, when that is a near spelling of a valid key.
    @discardableResult
    private func reportUnknown(_ entry: YAMLNode.Entry, previous: YAMLNode.Entry?, in node: YAMLNode, parent: String,
                               facts: Facts, _ sink: DiagnosticSink) -> String? {
        guard !sink.isFull else {
            sink.count(error: true)
            return nil
        }
        let valid = schema.keys(under: parent)
        let place = parent.isEmpty ? Localized(vi: "ở cấp ngoài cùng", en: "at the top level")
            : Localized(vi: "trong `\(parent)`", en: "in `\(parent)`")
        var hint: Localized
        var meant: String?
        let searching = sink.total < Self.suggestionsPerFile
        if let previous, entry.key.allSatisfy({ $0.isASCII && $0.isNumber }), entry.value.isNull,
           let number = previous.value.scalar, previous.value.style == .plain, number.allSatisfy({ $0.isASCII && $0.isNumber }),
           previous.keyStart.line == entry.keyStart.line {
            // `upload_mbps: 7,5` inside { }: the comma ended the value, and `5` became a key.
            // Three digits after the comma are a thousands separator (`1,000`), fewer a decimal comma.
            hint = entry.key.count == 3
                ? Localized(vi: "trong { }, dấu phẩy ngăn cách các trường; viết \(number)\(entry.key), không có dấu phân cách: `\(previous.key): \(number)\(entry.key)`",
                            en: "inside { } a comma separates fields; write \(number)\(entry.key) with no separator: `\(previous.key): \(number)\(entry.key)`")
                : Localized(vi: "trong { }, dấu phẩy ngăn cách các trường; số thập phân viết bằng dấu chấm: `\(previous.key): \(number).\(entry.key)`",
                            en: "inside { } a comma separates fields; write decimals with a dot: `\(previous.key): \(number).\(entry.key)`")
        } else if searching, let near = Suggestion.nearest(to: entry.key, among: valid) {
            hint = Localized(vi: "có phải ý bạn là `\(near)`?", en: "did you mean `\(near)`?")
            meant = parent.isEmpty ? near : parent + "." + near
        } else if searching, let home = schema.fields.first(where: { $0.key == entry.key && $0.parent != parent }) {
            if let (blockKey, line, column) = writtenBlock(home.parent, near: parent, in: node), column > entry.keyStart.column {
                // The key is right, its indentation is not: it sits one level out from its block.
                hint = Localized(vi: "`\(entry.key)` thuộc khối `\(home.parent)`: thụt dòng này vào cột \(column) như các trường của `\(blockKey):` (dòng \(line))",
                                 en: "`\(entry.key)` belongs in `\(home.parent)`: indent this line to column \(column), like the fields of `\(blockKey):` (line \(line))")
            } else {
                let where_ = home.parent.isEmpty ? Localized(vi: "ở cấp ngoài cùng", en: "at the top level") : Localized(vi: "trong `\(home.parent)`", en: "under `\(home.parent)`")
                hint = Localized(vi: "`\(entry.key)` thuộc \(where_.vi)", en: "`\(entry.key)` belongs \(where_.en)")
            }
        } else {
            hint = Localized(vi: "các khoá hợp lệ: \(valid.joined(separator: ", "))", en: "valid keys: \(valid.joined(separator: ", "))")
        }
        sink.error(.unknownKey, at: entry.keyStart, end: entry.keyEnd,
                   Localized(vi: "khoá không hợp lệ `\(entry.key)` \(place.vi)", en: "unknown key `\(entry.key)` \(place.en)"), hint: hint,
                   plain: PlainProblems(schema: schema).unknown(entry.key, in: parent, meant: meant))
        return meant
    }

    /// When `block` is a child of `parent` written in this mapping as an indented block: its key,
    /// the line it is on, and the column its first field starts at.
    private func writtenBlock(_ block: String, near parent: String, in node: YAMLNode) -> (String, Int, Int)? {
        let key = String(block.split(separator: ".").last ?? "")
        guard (parent.isEmpty ? key : parent + "." + key) == block, let entry = node.entry(key),
              let first = entry.value.entries?.first, first.keyStart.line > entry.keyStart.line else { return nil }
        return (key, entry.keyStart.line, first.keyStart.column)
    }

    private func checkRequired(_ root: YAMLNode, _ facts: Facts, _ severity: Severity, _ sink: DiagnosticSink) {
        for field in schema.fields where isMissing(field, from: facts) {
            let written = writtenNode(root, field.path)
            // A field that was written but rejected already has its error.
            if written.map({ !$0.isNull }) == true { continue }
            if let empty = written {
                sink.append(Diagnostic(file: sink.file, at: empty.start, code: .missingRequired, severity: severity, message:
                           Localized(vi: "trường bắt buộc `\(field.path)` đang để trống (\(field.description.vi))",
                                     en: "the required field `\(field.path)` is empty (\(field.description.en))"),
                           hint: Localized(vi: "viết giá trị sau dấu hai chấm: `\(field.key): …`", en: "write its value after the colon: `\(field.key): …`"),
                           plain: PlainProblems.missing(field)))
                continue
            }
            let at = field.parent.isEmpty ? Mark.start : facts.blocks[field.parent]!
            sink.append(Diagnostic(file: sink.file, at: at, code: .missingRequired, severity: severity, message:
                       Localized(vi: "thiếu trường bắt buộc `\(field.path)` (\(field.description.vi))", en: "missing required field `\(field.path)` (\(field.description.en))"),
                       hint: Localized(vi: "thêm dòng `\(field.key): …`" + (field.parent.isEmpty ? "" : " trong `\(field.parent)`"),
                                       en: "add a `\(field.key): …` line" + (field.parent.isEmpty ? "" : " under `\(field.parent)`")),
                       plain: PlainProblems.missing(field)))
        }
    }

    /// A required field the facts lack, where it would be reported: one inside a block left out
    /// is not, the block's own error covers it.
    func isMissing(_ field: FactsSchema.Field, from facts: Facts) -> Bool {
        guard field.required else { return false }
        let present = field.type == .block ? facts.blocks[field.path] != nil : facts.values[field.path] != nil
        if present { return false }
        return field.parent.isEmpty || facts.blocks[field.parent] != nil
    }

    private func writtenNode(_ root: YAMLNode, _ path: String) -> YAMLNode? {
        var node: YAMLNode? = root
        for key in path.split(separator: ".") { node = node?[String(key)] }
        return node
    }

    func checkBounds(_ facts: Facts, _ sink: DiagnosticSink) {
        for (bound, number) in zip(schema.bounds, schema.known.bounds) {
            guard let value = fact(facts.values, bound.fact, number.fact), let limit = fact(facts.values, bound.atMost, number.atMost),
                  let v = value.value.number, let l = limit.value.number, DecimalShortcuts.less(l, v) else { continue }
            let filled = bound.message.filling(["value": Localized(NumberText.plain(v)), "limit": Localized(NumberText.plain(l))])
            // For people, the same words with the numbers as they write them.
            let said = bound.message.filling(["value": FactWords.quantity(v, unit: nil), "limit": FactWords.quantity(l, unit: nil)]).capitalised
            sink.error(.crossField, at: value.start, end: value.end,
                       filled.map { "\(bound.fact): \($0)" },
                       hint: Localized(vi: "kiểm tra lại `\(bound.fact)` và `\(bound.atMost)` (dòng \(limit.start.line))",
                                       en: "check `\(bound.fact)` and `\(bound.atMost)` (line \(limit.start.line))"),
                       plain: said)
        }
    }

    func checkDates(_ facts: Facts, _ sink: DiagnosticSink) {
        guard case .date(let reference)? = fact(facts.values, schema.referenceDate, schema.known.referenceDate)?.value else { return }
        // Only date fields hold dates; in path order, as the report lists them.
        for (path, number) in zip(schema.datePaths, schema.known.dates) where path != schema.referenceDate {
            guard let located = fact(facts.values, path, number), case .date(let day) = located.value, day > reference else { continue }
            sink.error(.dateAfterAsOf, at: located.start, end: located.end,
                       Localized(vi: "\(path): ngày \(day) sau ngày số liệu \(schema.referenceDate) (\(reference))",
                                 en: "\(path): \(day) is after the facts date \(schema.referenceDate) (\(reference))"),
                       hint: Localized(vi: "sửa ngày này, hoặc cập nhật `\(schema.referenceDate)` thành ngày lập số liệu",
                                       en: "correct this date, or set `\(schema.referenceDate)` to the day the facts were gathered"),
                       plain: FactWords(schema: schema).statement(.date(day), of: path)
                           + Localized(vi: ", sau ngày số liệu \(reference.written(.vi))", en: ", after the facts date, \(reference.written(.en))"))
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

    /// The YAML as read, when it got that far: where each key and value of the file is written.
    public var tree: YAMLNode?

    public var isValid: Bool { facts != nil }

    /// A file on disk, as an audit reads every unit. Most are valid: those are read straight from
    /// libyaml's events (`FactsReader`), and only a file that reader declines is read into a tree,
    /// which says what is wrong. So the `tree` of a file read from a path may be nil.
    public static func load(path: String, validator: FactsValidator, checks: FileChecks = FileChecks()) -> FactsFile {
        let limits = YAMLLimits.standard
        switch InputFile.read(path, limit: limits.maxFileBytes) {
        case .failure(let failure):
            return check(YAMLLoader.unreadable(failure), path: path, validator: validator, checks: checks)
        case .success(let bytes):
            let input = YAMLInput(bytes, limits: limits)
            if let facts = FactsReader(validator: validator, limits: limits).read(input, file: path) {
                return check(facts, input: input, path: path, validator: validator, checks: checks)
            }
            return check(YAMLLoader.load(input: input, limits: limits), path: path, validator: validator, checks: checks)
        }
    }

    /// Text that is not (yet) a file, such as the template `init` is about to write, checked
    /// exactly as `validate` would check it once written. `inProgress`: a form still being filled
    /// in, whose required fields left out are notes (see `FactsValidator.validate`).
    public static func load(text: String, path: String, validator: FactsValidator, checks: FileChecks = FileChecks(), inProgress: Bool = false) -> FactsFile {
        check(YAMLLoader.load(string: text), path: path, validator: validator, checks: checks, inProgress: inProgress)
    }

    /// Bytes as they would be read from a file (the fuzz target's input).
    public static func load(bytes: [UInt8], path: String, validator: FactsValidator, checks: FileChecks = FileChecks()) -> FactsFile {
        check(YAMLLoader.load(bytes: bytes), path: path, validator: validator, checks: checks)
    }

    /// A path that could not be read as a file at all (a folder that cannot be listed, a link
    /// not followed), reported like a file that cannot be read so that it is counted, not lost.
    public static func unreadable(path: String, message: Localized, hint: Localized? = nil) -> FactsFile {
        // The reason is already in plain words: people read it whole, with what to do, as a sentence.
        func sentence(_ message: String, _ hint: String?) -> String {
            message.prefix(1).uppercased() + message.dropFirst() + (hint.map { " — " + $0 } ?? "")
        }
        let plain = Localized(vi: sentence(message.vi, hint?.vi), en: sentence(message.en, hint?.en))
        return FactsFile(path: path, facts: nil,
                         diagnostics: [Diagnostic(file: path, at: .start, code: .fileUnreadable, message: message, hint: hint, plain: plain)], code: nil)
    }

    private static func check(_ loaded: YAMLLoadResult, path: String, validator: FactsValidator, checks: FileChecks, inProgress: Bool = false) -> FactsFile {
        let sink = DiagnosticSink(file: path)
        for problem in loaded.problems { sink.report(problem) }
        var facts: Facts?
        if let root = loaded.root {
            var read = validator.validate(root, file: path, sink: sink, inProgress: inProgress)
            if !sink.hasErrors { checks.apply(to: &read, schema: validator.schema, sink: sink) }
            facts = read
        }
        let diagnostics = sink.finished(source: loaded.source)
        return FactsFile(path: path, facts: sink.hasErrors ? nil : facts, diagnostics: diagnostics, code: facts?.code, tree: loaded.root)
    }

    /// Facts the quick read gave, which had nothing to say: only the checks beyond the schema are left.
    /// `facts` is taken, not copied: a fact the roster supplies is then written in place, where
    /// a shared copy made the table be copied whole for every unit of a rostered city.
    private static func check(_ facts: consuming Facts, input: YAMLInput, path: String, validator: FactsValidator, checks: FileChecks) -> FactsFile {
        let sink = DiagnosticSink(file: path)
        checks.apply(to: &facts, schema: validator.schema, sink: sink)
        // The text is only decoded when there is a line to quote, which a valid file seldom has.
        let diagnostics = sink.finished(source: sink.diagnostics.isEmpty ? "" : input.source)
        return FactsFile(path: path, facts: sink.hasErrors ? nil : facts, diagnostics: diagnostics, code: facts.code)
    }
}
