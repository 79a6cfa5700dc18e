import Foundation
import YAMLTree

/// The facts format as data (criteria/facts.yaml): every field, its type, bounds and meaning.
/// The validator, the criteria compiler and `init` all read it; no fact is named in Swift.
public struct FactsSchema: Sendable {
    public enum FieldType: Sendable, Equatable {
        case block
        case boolean
        case count
        case number(unit: Localized?)
        case date
        case enumeration(values: [String], hints: [String: String])
        case text
        case code(pattern: String, hint: Localized?)

        /// Whether comparisons can order values of this type.
        public var isNumeric: Bool {
            switch self {
            case .count, .number: return true
            default: return false
            }
        }

        public var name: String {
            switch self {
            case .block: return "block"
            case .boolean: return "boolean"
            case .count: return "count"
            case .number: return "number"
            case .date: return "date"
            case .enumeration: return "enum"
            case .text: return "text"
            case .code: return "code"
            }
        }
    }

    /// One field of the schema. A class: the validator and the evaluator look a field up for
    /// every value and comparison, and copying its strings and tables each time was a tenth
    /// of an audit. It never changes once the schema is loaded.
    public final class Field: Sendable {
        public let path: String
        public let type: FieldType
        public let required: Bool
        /// The comment above the field in a facts file, for people who write the file.
        public let description: Localized
        /// The field's short name, for people who never see the file: a column header, a section
        /// heading, the start of a sentence ("Tốc độ tải xuống", "Máy phát điện dự phòng").
        public let label: Localized
        /// The field as the form asks it ("Trụ sở có Internet cáp quang không?"); nil for blocks.
        public let question: Localized?
        /// One line under the question on the form ("5 chữ số, ví dụ 20194").
        public let help: Localized?
        /// Enum fields: how each value reads inside a sentence or a list ("mountain" → "miền núi");
        /// the file keeps the value.
        public let labels: [String: Localized]
        /// What an answer says as a whole sentence, by value as the file writes it: a boolean's
        /// "true" and "false" ("Đã có máy phát điện" / "Chưa có máy phát điện"), an enum's values
        /// ("Chưa có đường truyền dự phòng").
        public let answers: [String: Localized]
        /// How a number or a date reads as a sentence, `{value}` standing for it
        /// ("{value} máy tính đang hoạt động"); without it, "label: value".
        public let says: Localized?
        public let mark: Mark
        /// The smallest value a count or number may take, when zero is impossible (a unit has at least one official).
        public let minimum: Decimal?
        /// The last part of the path, as a file writes it ("capacity_kva").
        public let key: String
        /// The block the field is in ("power.generator"), "" at the top level.
        public let parent: String
        /// What a file's reader may take from a plain scalar's bytes alone (`FactsReader.quick`),
        /// known without copying `type` and its words out of the field for every value read.
        let plainly: Plainly
        /// Whether the field is a block, for the same reason.
        let isBlock: Bool

        enum Plainly: Sendable {
            case nothing, boolean, number
        }

        public init(path: String, type: FieldType, required: Bool, description: Localized, label: Localized,
                    question: Localized? = nil, help: Localized? = nil, labels: [String: Localized] = [:],
                    answers: [String: Localized] = [:], says: Localized? = nil, mark: Mark, minimum: Decimal? = nil) {
            self.path = path
            self.type = type
            self.required = required
            self.description = description
            self.label = label
            self.question = question
            self.help = help
            self.labels = labels
            self.answers = answers
            self.says = says
            self.mark = mark
            self.minimum = minimum
            self.key = String(path.split(separator: ".").last ?? "")
            self.parent = path.lastIndex(of: ".").map { String(path[..<$0]) } ?? ""
            switch type {
            case .boolean: plainly = .boolean
            case .count, .number: plainly = .number
            default: plainly = .nothing
            }
            if case .block = type { isBlock = true } else { isBlock = false }
        }

        /// A value of this field as a reader sees it: an enum value's label, else the value itself.
        public func display(_ value: String) -> Localized { labels[value] ?? Localized(value) }

        public var unit: Localized? {
            if case .number(let unit) = type { return unit }
            return nil
        }
    }

    /// A fact that may not exceed another (trained ≤ officials).
    public struct Bound: Sendable {
        public var fact: String
        public var atMost: String
        public var message: Localized
    }

    public var file: String
    public var formatField: String
    public var formats: [Int]
    public var referenceDate: String
    public var codeField: String
    public var nameField: String
    /// Facts shown beside a unit in reports so the city knows whom to call.
    public var contactFields: [String]
    public var fields: [Field]
    public var bounds: [Bound]
    /// The fields numbered as `fields` lists them: how facts and comparisons find a field.
    public private(set) var numbering: FieldNumbering
    /// The numbers of the fields every file is asked for, -1 for a path with none: a file's
    /// code, name, contact and date, the bounds' facts and the dates, found by number rather than
    /// by hashing their paths in every file.
    struct KnownFields: Sendable {
        var code = -1, name = -1, referenceDate = -1
        var contacts: [Int] = []
        var bounds: [(fact: Int, atMost: Int)] = []
        /// `datePaths`' numbers, in the same order.
        var dates: [Int] = []
    }
    private(set) var known = KnownFields()
    private var childKeys: [String: [String]]

    public func field(_ path: String) -> Field? {
        numbering.number(of: path).map { fields[$0] }
    }

    /// Where the field of `path` is in `fields`.
    func index(of path: String) -> Int? { numbering.number(of: path) }

    /// The field written as `key` inside the block at `fields[block]` (-1 for the top level):
    /// a walk down a file looks keys up where it stands, never building a path to hash.
    /// A block holds a handful of keys: comparing short strings one by one is cheaper than hashing.
    func child(_ key: String, of block: Int) -> Int? {
        for child in children[block + 1] where fields[child].key == key { return child }
        return nil
    }

    /// The same, for a key's UTF-8 bytes as the file writes them (ASCII: no normalisation to do).
    func child(_ key: UnsafeBufferPointer<UInt8>, of block: Int) -> Int? {
        keyIndex.field(key, in: block)
    }

    /// The keys laid out for `child(_:of:)` on bytes.
    private var keyIndex = KeyIndex(keys: [], parents: [])

    /// For the top level, then for each field: the fields inside it, in schema order.
    private var children: [[Int]] = []

    /// Where each field's block is in `fields`; -1 for a field at the top level.
    private(set) var parentIndex: [Int] = []

    /// The keys allowed inside a block ("" for the top level), in schema order.
    public func keys(under parent: String) -> [String] {
        childKeys[parent] ?? []
    }

    public var allPaths: [String] { fields.map(\.path) }

    /// The paths of the date fields, sorted, for the check that no date follows the facts date.
    public var datePaths: [String] { dates }
    private var dates: [String] = []

    /// Loads and checks the schema; diagnostics go to the sink, nil when it cannot be used.
    public static func load(path: String, sink: DiagnosticSink) -> FactsSchema? {
        let (tree, _) = loadConfigTree(path, sink)
        guard let root = tree,
              var reader = MappingReader(root, sink, allowed: ["schema", "format_field", "formats", "reference_date", "identity", "fields", "rules"], what: "facts schema")
        else { return nil }
        let formatField = reader.string("format_field")
        let formats = reader.required("formats").flatMap { reader.strings($0) }?.compactMap(Int.init) ?? []
        let referenceDate = reader.string("reference_date")
        var codeField: String?
        var nameField: String?
        var contactFields: [String] = []
        if let identity = reader.required("identity"), var ids = MappingReader(identity, sink, allowed: ["code", "name", "contact"], what: "identity") {
            codeField = ids.string("code")
            nameField = ids.string("name")
            contactFields = ids.optional("contact").flatMap { ids.strings($0) } ?? []
        }
        var fields: [Field] = []
        var byPath: [String: Int] = [:]
        for node in reader.required("fields")?.items ?? [] {
            guard let field = readField(node, sink) else { continue }
            if byPath[field.path] != nil {
                sink.error(.configInvalid, at: field.mark, Localized(vi: "trường `\(field.path)` khai báo hai lần", en: "field `\(field.path)` declared twice"))
                continue
            }
            if !field.parent.isEmpty, byPath[field.parent].map({ fields[$0].type }) != .block {
                sink.error(.configInvalid, at: field.mark, Localized(
                    vi: "trường `\(field.path)` nằm trong `\(field.parent)`, nhưng `\(field.parent)` chưa được khai báo là block ở phía trên",
                    en: "field `\(field.path)` sits inside `\(field.parent)`, which is not declared as a block above it"))
                continue
            }
            byPath[field.path] = fields.count
            fields.append(field)
        }
        var bounds: [Bound] = []
        for node in reader.optional("rules")?.items ?? [] {
            guard var rule = MappingReader(node, sink, allowed: ["fact", "at_most", "vi", "en"], what: "rule") else { continue }
            guard let fact = rule.string("fact"), let limit = rule.string("at_most"),
                  let vi = rule.string("vi"), let en = rule.string("en") else { continue }
            for (name, key) in [(fact, "fact"), (limit, "at_most")] {
                let type = byPath[name].map { fields[$0].type }
                if type == nil || !(type!.isNumeric) {
                    sink.error(.unknownFact, at: rule.entry(key)?.value.start ?? node.start,
                               Localized(vi: "`\(name)` không phải trường số trong lược đồ", en: "`\(name)` is not a numeric field of the schema"),
                               hint: Suggestion.nearest(to: name, among: Array(byPath.keys)).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
                }
            }
            bounds.append(Bound(fact: fact, atMost: limit, message: Localized(vi: vi, en: en)))
        }
        for (label, path) in [("format_field", formatField), ("reference_date", referenceDate), ("identity.code", codeField), ("identity.name", nameField)]
            + contactFields.map({ ("identity.contact", Optional($0)) }) {
            if let path, byPath[path] == nil {
                sink.error(.unknownFact, at: root.start, Localized(vi: "`\(label)` chỉ đến trường không có: `\(path)`", en: "`\(label)` names a field that does not exist: `\(path)`"))
            }
        }
        guard !sink.hasErrors, let formatField, let referenceDate, let codeField, let nameField else { return nil }
        return FactsSchema(file: path, formatField: formatField, formats: formats, referenceDate: referenceDate,
                           codeField: codeField, nameField: nameField, contactFields: contactFields, fields: fields, bounds: bounds)
    }

    /// A schema from fields already checked (by `load`, or kept compiled): the look-ups are built
    /// here. Nil when a field's block is not among the fields before it.
    init?(file: String, formatField: String, formats: [Int], referenceDate: String, codeField: String, nameField: String,
          contactFields: [String], fields: [Field], bounds: [Bound]) {
        (self.file, self.formatField, self.formats, self.referenceDate) = (file, formatField, formats, referenceDate)
        (self.codeField, self.nameField, self.contactFields, self.fields, self.bounds) = (codeField, nameField, contactFields, fields, bounds)
        numbering = FieldNumbering(paths: fields.map(\.path))
        childKeys = [:]
        children = Array(repeating: [], count: fields.count + 1)
        parentIndex = []
        parentIndex.reserveCapacity(fields.count)
        for (i, field) in fields.enumerated() {
            let parent: Int
            if field.parent.isEmpty {
                parent = -1
            } else {
                // The block must come before the fields inside it.
                guard let found = numbering.number(of: field.parent), found < i else { return nil }
                parent = found
            }
            childKeys[field.parent, default: []].append(field.key)
            children[parent + 1].append(i)
            parentIndex.append(parent)
        }
        dates = fields.filter { $0.type == .date }.map(\.path).sorted()
        let numbering = numbering
        func number(_ path: String) -> Int { numbering.number(of: path) ?? -1 }
        known = KnownFields(code: number(codeField), name: number(nameField), referenceDate: number(referenceDate),
                            contacts: contactFields.map(number), bounds: bounds.map { (number($0.fact), number($0.atMost)) },
                            dates: dates.map(number))
        keyIndex = KeyIndex(keys: fields.map(\.key), parents: parentIndex)
    }

    private static func readField(_ node: YAMLNode, _ sink: DiagnosticSink) -> Field? {
        guard var reader = MappingReader(node, sink, allowed: ["path", "type", "required", "vi", "en", "unit", "values", "hints", "pattern", "pattern_hint",
                                                              "minimum", "label", "labels", "question", "help", "answers", "says"], what: "field") else { return nil }
        guard let path = reader.string("path"), let typeName = reader.string("type"),
              let vi = reader.string("vi"), let en = reader.string("en") else { return nil }
        let required = reader.boolean("required", required: false) ?? false
        let type: FieldType
        switch typeName {
        case "block": type = .block
        case "boolean": type = .boolean
        case "count": type = .count
        case "number":
            // `unit: kVA` reads the same in both languages; `unit: { vi: giờ, en: h }` does not.
            if let node = reader.optional("unit"), node.scalar == nil {
                type = .number(unit: MappingReader.localized(node, sink))
            } else {
                type = .number(unit: reader.string("unit", required: false).map { Localized($0) })
            }
        case "date": type = .date
        case "text": type = .text
        case "enum":
            let values = reader.required("values").flatMap { reader.strings($0) } ?? []
            var hints: [String: String] = [:]
            for entry in reader.optional("hints")?.entries ?? [] {
                if let target = entry.value.scalar { hints[entry.key.lowercased()] = target }
            }
            type = .enumeration(values: values, hints: hints)
        case "code":
            guard let pattern = reader.string("pattern") else { return nil }
            if !CodeMatcher.isValid(pattern) {
                sink.error(.configInvalid, at: reader.entry("pattern")!.value.start, Localized(vi: "mẫu không hợp lệ: \(pattern)", en: "invalid pattern: \(pattern)"))
                return nil
            }
            type = .code(pattern: pattern, hint: reader.localized("pattern_hint", required: false))
        default:
            let types = ["block", "boolean", "count", "number", "date", "enum", "text", "code"]
            sink.error(.configInvalid, at: reader.entry("type")!.value.start,
                       Localized(vi: "kiểu không hợp lệ `\(typeName)`", en: "unknown type `\(typeName)`"),
                       hint: Localized(vi: "một trong: \(types.joined(separator: ", "))", en: "one of: \(types.joined(separator: ", "))"))
            return nil
        }
        var minimum: Decimal?
        if let node = reader.optional("minimum") {
            guard type.isNumeric, case .success(let value) = ScalarReading.number(node) else {
                sink.error(.configInvalid, at: node.start, Localized(vi: "`minimum` là một số không âm, cho trường count hoặc number",
                                                                    en: "`minimum` is a non-negative number, for a count or number field"))
                return nil
            }
            minimum = value
        }
        var labels: [String: Localized] = [:]
        if let node = reader.optional("labels") {
            guard case .enumeration(let values, _) = type else {
                sink.error(.configInvalid, at: node.start, Localized(vi: "`labels` chỉ dùng cho trường enum", en: "`labels` is for enum fields only"))
                return nil
            }
            for entry in node.entries ?? [] {
                guard values.contains(entry.key) else {
                    sink.error(.configInvalid, at: entry.keyStart, Localized(vi: "`\(entry.key)` không có trong `values`", en: "`\(entry.key)` is not one of `values`"),
                               hint: Suggestion.nearest(to: entry.key, among: values).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
                    continue
                }
                if let text = MappingReader.localized(entry.value, sink) { labels[entry.key] = text }
            }
        }
        // The words people read: every field is named, every question asked, every yes and no
        // said, so that no page or report ever falls back on a key path or a raw value.
        guard let label = reader.localized("label") else { return nil }
        let question = type == .block ? reader.localized("question", required: false) : reader.localized("question")
        let help = reader.localized("help", required: false)
        var says: Localized?
        if let node = reader.optional("says") {
            switch type {
            case .count, .number, .date:
                says = MappingReader.localized(node, sink)
                if let says, !(says.vi.contains("{value}") && says.en.contains("{value}")) {
                    sink.error(.configInvalid, at: node.start, Localized(vi: "`says` cần có `{value}` ở cả hai ngôn ngữ, chỗ giá trị được đặt vào",
                                                                       en: "`says` needs `{value}` in both languages, where the value goes"))
                    return nil
                }
            default:
                sink.error(.configInvalid, at: node.start, Localized(vi: "`says` chỉ dùng cho trường count, number hoặc date", en: "`says` is for count, number and date fields only"),
                           hint: Localized(vi: "trường boolean và enum dùng `answers`", en: "boolean and enum fields use `answers`"))
                return nil
            }
        }
        var answers: [String: Localized] = [:]
        let answerNode = reader.optional("answers")
        switch type {
        case .boolean:
            guard let answerNode else {
                sink.error(.configInvalid, at: node.start, Localized(vi: "trường boolean `\(path)` cần `answers` cho \"true\" và \"false\"",
                                                                   en: "boolean field `\(path)` needs `answers` for \"true\" and \"false\""),
                           hint: Localized(vi: "ví dụ: answers: { \"true\": { vi: \"Đã có …\", en: \"Has …\" }, \"false\": { vi: \"Chưa có …\", en: \"No …\" } }",
                                           en: "e.g. answers: { \"true\": { vi: \"Đã có …\", en: \"Has …\" }, \"false\": { vi: \"Chưa có …\", en: \"No …\" } }"))
                return nil
            }
            answers = readAnswers(answerNode, allowed: ["true", "false"], all: true, sink) ?? [:]
            if answers.count != 2 { return nil }
        case .enumeration(let values, _):
            if let answerNode {
                guard let read = readAnswers(answerNode, allowed: values, all: false, sink) else { return nil }
                answers = read
            }
            // Every value has words: a list of choices never shows a raw value.
            if let missing = values.first(where: { labels[$0] == nil }) {
                sink.error(.configInvalid, at: reader.entry("labels")?.value.start ?? node.start,
                           Localized(vi: "trường enum `\(path)` thiếu `labels` cho giá trị `\(missing)`", en: "enum field `\(path)` has no `labels` for the value `\(missing)`"),
                           hint: Localized(vi: "thêm `\(missing): { vi: \"…\", en: \"…\" }` dưới `labels`", en: "add `\(missing): { vi: \"…\", en: \"…\" }` under `labels`"))
                return nil
            }
        default:
            if let answerNode {
                sink.error(.configInvalid, at: answerNode.start, Localized(vi: "`answers` chỉ dùng cho trường boolean hoặc enum", en: "`answers` is for boolean and enum fields only"))
                return nil
            }
        }
        guard type == .block || question != nil else { return nil }
        return Field(path: path, type: type, required: required, description: Localized(vi: vi, en: en),
                     label: label, question: question, help: help, labels: labels, answers: answers, says: says,
                     mark: node.start, minimum: minimum)
    }

    /// `{ value: { vi, en }, … }` for the values `allowed`; `all` when every one must be there.
    private static func readAnswers(_ node: YAMLNode, allowed: [String], all: Bool, _ sink: DiagnosticSink) -> [String: Localized]? {
        guard let entries = node.entries else {
            sink.error(.configInvalid, at: node.start, Localized(vi: "`answers` cần một khối `giá trị: { vi, en }`", en: "`answers` needs a block of `value: { vi, en }`"))
            return nil
        }
        var out: [String: Localized] = [:]
        for entry in entries {
            guard allowed.contains(entry.key) else {
                sink.error(.configInvalid, at: entry.keyStart, Localized(vi: "`\(entry.key)` không phải giá trị của trường này", en: "`\(entry.key)` is not a value of this field"),
                           hint: Localized(vi: "một trong: \(allowed.joined(separator: ", "))", en: "one of: \(allowed.joined(separator: ", "))"))
                return nil
            }
            guard let text = MappingReader.localized(entry.value, sink) else { return nil }
            out[entry.key] = text
        }
        if all, let missing = allowed.first(where: { out[$0] == nil }) {
            sink.error(.configInvalid, at: node.start, Localized(vi: "`answers` thiếu câu cho `\(missing)`", en: "`answers` has no sentence for `\(missing)`"))
            return nil
        }
        return out
    }
}
