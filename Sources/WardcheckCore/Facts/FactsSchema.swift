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

    public struct Field: Sendable {
        public var path: String
        public var type: FieldType
        public var required: Bool
        public var description: Localized
        /// A short name for a column header ("Loại đơn vị" / "Type"); reports fall back to the key.
        public var label: Localized?
        /// Enum fields: how each value reads to a person ("mountain" → "miền núi"); the file keeps the value.
        public var labels: [String: Localized] = [:]
        public var mark: Mark
        /// The smallest value a count or number may take, when zero is impossible (a unit has at least one official).
        public var minimum: Decimal?

        /// A value of this field as a reader sees it: an enum value's label, else the value itself.
        public func display(_ value: String) -> Localized { labels[value] ?? Localized(value) }

        public var key: String { String(path.split(separator: ".").last ?? "") }
        public var parent: String { path.lastIndex(of: ".").map { String(path[..<$0]) } ?? "" }
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
    private var byPath: [String: Int]
    private var childKeys: [String: [String]]

    public func field(_ path: String) -> Field? {
        byPath[path].map { fields[$0] }
    }

    /// Where the field of `path` is in `fields`.
    func index(of path: String) -> Int? { byPath[path] }

    /// The field written as `key` inside the block at `fields[block]` (-1 for the top level):
    /// a walk down a file looks keys up where it stands, never building a path to hash.
    func child(_ key: String, of block: Int) -> Int? {
        children[block + 1][key]
    }

    /// For the top level, then for each field: the fields inside it, by key.
    private var children: [[String: Int]] = []

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
        var childKeys: [String: [String]] = [:]
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
            childKeys[field.parent, default: []].append(field.key)
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
        var schema = FactsSchema(file: path, formatField: formatField, formats: formats, referenceDate: referenceDate,
                                 codeField: codeField, nameField: nameField, contactFields: contactFields, fields: fields, bounds: bounds,
                                 byPath: byPath, childKeys: childKeys)
        schema.dates = fields.filter { $0.type == .date }.map(\.path).sorted()
        schema.children = Array(repeating: [:], count: fields.count + 1)
        for (i, field) in fields.enumerated() {
            let parent = field.parent.isEmpty ? -1 : byPath[field.parent]!
            schema.children[parent + 1][field.key] = i
        }
        return schema
    }

    private static func readField(_ node: YAMLNode, _ sink: DiagnosticSink) -> Field? {
        guard var reader = MappingReader(node, sink, allowed: ["path", "type", "required", "vi", "en", "unit", "values", "hints", "pattern", "pattern_hint", "minimum", "label", "labels"], what: "field") else { return nil }
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
        return Field(path: path, type: type, required: required, description: Localized(vi: vi, en: en),
                     label: reader.localized("label", required: false), labels: labels, mark: node.start, minimum: minimum)
    }
}
