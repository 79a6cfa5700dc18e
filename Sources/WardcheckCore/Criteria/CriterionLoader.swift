import Foundation
import YAMLTree

/// Compiles one criterion file: reads the rule language and checks every fact path, operator,
/// unit variant, catalogue item and role against the schema and catalogue, at its own position.
/// A criterion that cannot work fails here, never halfway through an audit.
struct CriterionLoader {
    let schema: FactsSchema
    let catalogue: Catalogue
    let sink: DiagnosticSink
    private var factsRead: [String] = []

    init(schema: FactsSchema, catalogue: Catalogue, sink: DiagnosticSink) {
        self.schema = schema
        self.catalogue = catalogue
        self.sink = sink
    }

    static let placeholders = ["quantity", "observed", "required"]

    /// A real boolean fact of the loaded schema, to show in hints.
    private var exampleFact: String {
        schema.fields.first { $0.type == .boolean }?.path ?? schema.fields.first { $0.type != .block }?.path ?? "…"
    }

    mutating func load(path: String) -> Criterion? {
        let (tree, _) = loadConfigTree(path, sink)
        guard let root = tree,
              var reader = MappingReader(root, sink, allowed: ["id", "group", "title", "rationale", "source", "checks", "examples"], what: "criterion")
        else { return nil }
        let id = reader.string("id")
        let group = reader.string("group")
        if let group, !catalogue.groups.contains(where: { $0.key == group }) {
            let keys = catalogue.groups.map(\.key)
            sink.error(.configInvalid, at: reader.entry("group")!.value.start,
                       Localized(vi: "nhóm không có trong danh mục: `\(group)`", en: "no such group in the catalogue: `\(group)`"),
                       hint: Localized(vi: "một trong: \(keys.joined(separator: ", "))", en: "one of: \(keys.joined(separator: ", "))"))
        }
        let title = reader.localized("title")
        let rationale = reader.localized("rationale")
        let source = reader.string("source")
        var checks: [Check] = []
        var ids: Set<String> = []
        if let list = reader.required("checks") {
            if list.items?.isEmpty ?? true {
                sink.error(.configInvalid, at: list.start, Localized(vi: "`checks` cần ít nhất một điều kiện", en: "`checks` needs at least one check"))
            }
            for node in list.items ?? [] {
                guard let check = readCheck(node) else { continue }
                if !ids.insert(check.id).inserted {
                    sink.error(.configInvalid, at: check.mark, Localized(vi: "mã kiểm tra `\(check.id)` bị lặp", en: "duplicate check id `\(check.id)`"))
                }
                checks.append(check)
            }
        }
        var examples: [Example] = []
        if let list = reader.required("examples") {
            for node in list.items ?? [] {
                if let example = readExample(node) { examples.append(example) }
            }
            if !examples.contains(where: { $0.expect == .passed }) || !examples.contains(where: { $0.expect == .failed }) {
                sink.error(.configInvalid, at: list.start, Localized(
                    vi: "mỗi tiêu chí cần ít nhất một ví dụ đạt và một ví dụ không đạt",
                    en: "every criterion needs at least one passing and one failing example"))
            }
        }
        guard !sink.hasErrors, let id, let group, let title, let rationale, let source else { return nil }
        return Criterion(id: id, group: group, title: title, rationale: rationale, source: source,
                         checks: checks, examples: examples, file: path, facts: factsRead)
    }

    // MARK: Checks

    private mutating func readCheck(_ node: YAMLNode) -> Check? {
        guard var reader = MappingReader(node, sink, allowed: ["id", "title", "when", "require", "remedy"], what: "check") else { return nil }
        let id = reader.string("id")
        let title = reader.localized("title", required: false)
        let when = reader.optional("when").flatMap { readCondition($0) }
        let requireNode = reader.required("require")
        let require = requireNode.flatMap { readCondition($0) }
        let remedy = reader.required("remedy").flatMap { readRemedy($0, require: require) }
        guard let id, let require, let remedy else { return nil }
        return Check(id: id, title: title, when: when, require: require, remedy: remedy, mark: node.start)
    }

    private mutating func readCondition(_ node: YAMLNode) -> Condition? {
        guard let entries = node.entries else {
            sink.error(.configInvalid, at: node.start, Localized(vi: "điều kiện phải là một khối", en: "a condition must be a block"),
                       hint: Localized(vi: "ví dụ `{ fact: \(exampleFact), is: true }`", en: "e.g. `{ fact: \(exampleFact), is: true }`"))
            return nil
        }
        let keys = entries.map(\.key)
        for combinator in ["all", "any"] where keys.contains(combinator) {
            guard keys.count == 1, let items = node[combinator]?.items, !items.isEmpty else {
                sink.error(.configInvalid, at: node.start, Localized(vi: "`\(combinator)` cần một danh sách điều kiện và không có khoá khác", en: "`\(combinator)` takes a list of conditions and no other key"))
                return nil
            }
            let parts = items.compactMap { readCondition($0) }
            guard parts.count == items.count else { return nil }
            return combinator == "all" ? .all(parts) : .any(parts)
        }
        if keys.contains("not") {
            guard keys.count == 1 else {
                sink.error(.configInvalid, at: node.start, Localized(vi: "`not` không đi cùng khoá khác", en: "`not` takes no other key"))
                return nil
            }
            return readCondition(node["not"]!).map { .not($0) }
        }
        guard let factEntry = node.entry("fact") else {
            let suggestion = keys.first.flatMap { Suggestion.nearest(to: $0, among: ["all", "any", "not", "fact"]) }
            sink.error(.unknownOperator, at: node.start, Localized(vi: "điều kiện cần `fact` hoặc `all`/`any`/`not`", en: "a condition needs `fact` or `all`/`any`/`not`"),
                       hint: suggestion.map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
            return nil
        }
        let opEntries = entries.filter { $0.key != "fact" }
        guard opEntries.count == 1, let opEntry = opEntries.first else {
            sink.error(.unknownOperator, at: node.start, Localized(vi: "mỗi so sánh cần đúng một phép so sánh", en: "each comparison takes exactly one operator"),
                       hint: Localized(vi: "một trong: \(Operator.allCases.map(\.rawValue).joined(separator: ", "))", en: "one of: \(Operator.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let op = Operator(rawValue: opEntry.key) else {
            let suggestion = Suggestion.nearest(to: opEntry.key, among: Operator.allCases.map(\.rawValue))
            sink.error(.unknownOperator, at: opEntry.keyStart, end: opEntry.keyEnd,
                       Localized(vi: "phép so sánh không có: `\(opEntry.key)`", en: "unknown operator `\(opEntry.key)`"),
                       hint: suggestion.map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") }
                           ?? Localized(vi: "một trong: \(Operator.allCases.map(\.rawValue).joined(separator: ", "))", en: "one of: \(Operator.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let (path, field) = resolveFact(factEntry.value) else { return nil }
        guard let operand = readOperand(op, opEntry.value, field: field, at: opEntry.keyStart) else { return nil }
        return .compare(Comparison(fact: path, mark: factEntry.value.start, op: op, operand: operand, field: schema.index(of: path) ?? -1))
    }

    private mutating func readOperand(_ op: Operator, _ node: YAMLNode, field: FactsSchema.Field, at mark: Mark) -> Operand? {
        func mismatch(_ expected: String) -> Operand? {
            sink.error(.typeMismatch, at: mark, Localized(
                vi: "`\(op.rawValue)` không dùng được với `\(field.path)` (kiểu \(field.type.name)); cần \(expected)",
                en: "`\(op.rawValue)` does not apply to `\(field.path)` (a \(field.type.name)); it needs \(expected)"))
            return nil
        }
        switch op {
        case .is, .isNot:
            switch field.type {
            case .boolean:
                guard case .success(let b) = ScalarReading.boolean(node) else { return mismatch("true or false") }
                return .value(.boolean(b))
            case .enumeration(let values, _):
                guard let text = node.scalar, values.contains(text) else {
                    sink.error(.typeMismatch, at: node.start, Localized(vi: "`\(node.scalar ?? "")` không phải giá trị của `\(field.path)`", en: "`\(node.scalar ?? "")` is not a value of `\(field.path)`"),
                               hint: Localized(vi: "giá trị hợp lệ: \(values.joined(separator: ", "))", en: "valid values: \(values.joined(separator: ", "))"))
                    return nil
                }
                return .value(.text(text))
            default: return mismatch("a boolean or enum fact")
            }
        case .in, .notIn:
            guard case .enumeration(let values, _) = field.type else { return mismatch("an enum fact") }
            guard let items = node.items?.compactMap(\.scalar), !items.isEmpty else { return mismatch("a list of values") }
            for item in items where !values.contains(item) {
                sink.error(.typeMismatch, at: node.start, Localized(vi: "`\(item)` không phải giá trị của `\(field.path)`", en: "`\(item)` is not a value of `\(field.path)`"),
                           hint: Localized(vi: "giá trị hợp lệ: \(values.joined(separator: ", "))", en: "valid values: \(values.joined(separator: ", "))"))
            }
            return .values(items)
        case .withinDays:
            guard field.type == .date else { return mismatch("a date fact") }
            guard case .success(let days) = ScalarReading.count(node) else { return mismatch("a whole number of days") }
            return .days(NSDecimalNumber(decimal: days).intValue)
        case .atLeast, .atMost, .moreThan, .lessThan, .equals:
            guard field.type.isNumeric else { return mismatch("a count or number fact") }
            return readExpression(node).map { .expression($0) }
        }
    }

    // MARK: Expressions

    private static let expressionKeys = ["fact", "ceil", "floor", "add", "subtract", "multiply", "divide", "max", "min", "by"]

    private mutating func readExpression(_ node: YAMLNode) -> Expression? {
        if node.scalar != nil {
            switch ScalarReading.number(node) {
            case .success(let n): return .constant(n)
            case .failure(let rejection):
                sink.error(.configInvalid, at: node.start, rejection.message, hint: rejection.hint)
                return nil
            }
        }
        guard let entries = node.entries, let first = entries.first else {
            sink.error(.configInvalid, at: node.start, Localized(vi: "cần một số hoặc một biểu thức", en: "expected a number or an expression"))
            return nil
        }
        let key = first.key
        if key == "by" {
            guard let (path, field) = resolveFact(first.value) else { return nil }
            guard case .enumeration(let values, _) = field.type else {
                sink.error(.typeMismatch, at: first.value.start, Localized(vi: "`by` cần một trường liệt kê, `\(path)` không phải", en: "`by` needs an enum fact; `\(path)` is not one"))
                return nil
            }
            guard var reader = MappingReader(node, sink, allowed: ["by", "cases", "otherwise"], what: "by") else { return nil }
            var cases: [(String, Expression)] = []
            for entry in reader.required("cases")?.entries ?? [] {
                guard values.contains(entry.key) else {
                    sink.error(.typeMismatch, at: entry.keyStart, end: entry.keyEnd,
                               Localized(vi: "`\(entry.key)` không phải giá trị của `\(path)`", en: "`\(entry.key)` is not a value of `\(path)`"),
                               hint: Suggestion.nearest(to: entry.key, among: values).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") }
                                   ?? Localized(vi: "giá trị hợp lệ: \(values.joined(separator: ", "))", en: "valid values: \(values.joined(separator: ", "))"))
                    continue
                }
                if let e = readExpression(entry.value) { cases.append((entry.key, e)) }
            }
            let otherwise = reader.optional("otherwise").flatMap { readExpression($0) }
            if otherwise == nil, Set(cases.map(\.0)) != Set(values) {
                sink.error(.configInvalid, at: node.start, Localized(vi: "`by: \(path)` cần `otherwise` hoặc đủ mọi giá trị", en: "`by: \(path)` needs `otherwise` or a case for every value"))
                return nil
            }
            return .byCase(fact: path, mark: first.value.start, cases: cases, otherwise: otherwise)
        }
        guard entries.count == 1, Self.expressionKeys.contains(key) else {
            let suggestion = Suggestion.nearest(to: key, among: Self.expressionKeys)
            sink.error(.unknownOperator, at: first.keyStart, end: first.keyEnd,
                       Localized(vi: "biểu thức không hợp lệ `\(key)`", en: "unknown expression `\(key)`"),
                       hint: suggestion.map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") }
                           ?? Localized(vi: "một trong: \(Self.expressionKeys.joined(separator: ", "))", en: "one of: \(Self.expressionKeys.joined(separator: ", "))"))
            return nil
        }
        let value = first.value
        switch key {
        case "fact":
            guard let (path, field) = resolveFact(value) else { return nil }
            guard field.type.isNumeric else {
                sink.error(.typeMismatch, at: value.start, Localized(vi: "`\(path)` không phải số", en: "`\(path)` is not numeric"))
                return nil
            }
            return .fact(path, value.start, field: schema.index(of: path) ?? -1)
        case "ceil": return readExpression(value).map { .ceil($0) }
        case "floor": return readExpression(value).map { .floor($0) }
        default:
            guard let items = value.items, items.count >= 2 else {
                sink.error(.configInvalid, at: value.start, Localized(vi: "`\(key)` cần một danh sách ít nhất hai biểu thức", en: "`\(key)` takes a list of at least two expressions"))
                return nil
            }
            let parts = items.compactMap { readExpression($0) }
            guard parts.count == items.count else { return nil }
            switch key {
            case "add": return .add(parts)
            case "multiply": return .multiply(parts)
            case "max": return .max(parts)
            case "min": return .min(parts)
            case "subtract", "divide":
                guard parts.count == 2 else {
                    sink.error(.configInvalid, at: value.start, Localized(vi: "`\(key)` cần đúng hai biểu thức", en: "`\(key)` takes exactly two expressions"))
                    return nil
                }
                return key == "subtract" ? .subtract(parts[0], parts[1]) : .divide(parts[0], parts[1])
            default: return nil
            }
        }
    }

    /// Resolves a fact path against the schema, with a suggestion for a typo.
    private mutating func resolveFact(_ node: YAMLNode) -> (String, FactsSchema.Field)? {
        guard let path = node.scalar else {
            sink.error(.configInvalid, at: node.start, Localized(vi: "cần đường dẫn trường, ví dụ \(exampleFact)", en: "expected a fact path, e.g. \(exampleFact)"))
            return nil
        }
        guard let field = schema.field(path), field.type != .block else {
            let leaves = schema.fields.filter { $0.type != .block }.map(\.path)
            let suggestion = Suggestion.nearest(to: path, among: leaves)
            sink.error(.unknownFact, at: node.start, end: node.end,
                       Localized(vi: "trường không có trong lược đồ: `\(path)`", en: "no such fact in the schema: `\(path)`"),
                       hint: suggestion.map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") }
                           ?? Localized(vi: "xem các trường trong \(schema.file)", en: "see the fields in \(schema.file)"))
            return nil
        }
        if !factsRead.contains(path) { factsRead.append(path) }
        return (path, field)
    }

    // MARK: Remedies

    private mutating func readRemedy(_ node: YAMLNode, require: Condition?) -> RemedySpec? {
        guard var reader = MappingReader(node, sink, allowed: ["item", "action", "quantity", "text", "who"], what: "remedy") else { return nil }
        let item = reader.string("item", required: false)
        let action = reader.string("action", required: false)
        let kind: RemedySpec.Kind
        switch (item, action) {
        case (let item?, nil):
            guard catalogue.items[item] != nil else {
                sink.error(.unknownItem, at: reader.entry("item")!.value.start, Localized(vi: "hạng mục không có trong danh mục: `\(item)`", en: "no such item in the catalogue: `\(item)`"),
                           hint: Suggestion.nearest(to: item, among: catalogue.itemOrder).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
                return nil
            }
            kind = .item(item)
        case (nil, let action?):
            guard catalogue.actions[action] != nil else {
                sink.error(.unknownItem, at: reader.entry("action")!.value.start, Localized(vi: "việc không có trong danh mục: `\(action)`", en: "no such action in the catalogue: `\(action)`"),
                           hint: Suggestion.nearest(to: action, among: catalogue.actionOrder).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
                return nil
            }
            kind = .action(action)
        default:
            sink.error(.configInvalid, at: node.start, Localized(vi: "biện pháp cần đúng một trong `item` hoặc `action`", en: "a remedy takes exactly one of `item` or `action`"))
            return nil
        }
        var quantity: RemedySpec.Quantity?
        if let q = reader.optional("quantity") {
            if q.scalar == "shortfall" {
                let numeric = require?.comparison.map { $0.op == .atLeast || $0.op == .moreThan } ?? false
                if !numeric {
                    sink.error(.configInvalid, at: q.start, Localized(
                        vi: "`quantity: shortfall` chỉ dùng khi `require` là một phép so sánh at_least hoặc more_than",
                        en: "`quantity: shortfall` needs `require` to be a single at_least or more_than comparison"))
                }
                quantity = .shortfall
            } else if let e = readExpression(q) {
                // A constant quantity is checked here; a computed one is checked for every unit,
                // and `verify` reports one that comes out as nothing in an example.
                if case .constant(let n) = e {
                    var whole = Decimal()
                    var input = n
                    NSDecimalRound(&whole, &input, 0, .plain)
                    if n < 1 || whole != n || n > 1_000_000 {
                        sink.error(.configInvalid, at: q.start, Localized(
                            vi: "`quantity` phải là số nguyên dương (tối đa 1.000.000), không phải \(NumberText.plain(n))",
                            en: "`quantity` must be a positive whole number (at most 1,000,000), not \(NumberText.plain(n))"),
                                   hint: Localized(vi: "ví dụ `quantity: 1`, `quantity: shortfall` hoặc một biểu thức", en: "e.g. `quantity: 1`, `quantity: shortfall` or an expression"))
                    }
                }
                quantity = .expression(e)
            }
        } else if let item {
            sink.error(.configInvalid, at: node.start, Localized(
                vi: "mua sắm `\(item)` cần `quantity`: bao nhiêu cái, tính từ số liệu",
                en: "the purchase `\(item)` needs a `quantity`: how many, computed from the facts"),
                       hint: Localized(vi: "thêm `quantity: shortfall`, `quantity: 1` hoặc một biểu thức", en: "add `quantity: shortfall`, `quantity: 1` or an expression"))
        }
        var who: Localized?
        let role = reader.string("who", required: false)
        if let key = role {
            who = catalogue.roles[key]
            if who == nil {
                sink.error(.configInvalid, at: reader.entry("who")!.value.start, Localized(vi: "vai trò không có trong danh mục: `\(key)`", en: "no such role in the catalogue: `\(key)`"),
                           hint: Suggestion.nearest(to: key, among: Array(catalogue.roles.keys)).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
            }
        }
        guard let text = reader.localized("text") else { return nil }
        checkPlaceholders(text, at: reader.entry("text")!.value.start)
        return RemedySpec(kind: kind, quantity: quantity, text: text, who: who, mark: node.start, role: who == nil ? nil : role)
    }

    private func checkPlaceholders(_ text: Localized, at mark: Mark) {
        for template in [text.vi, text.en] {
            // On the bytes: `{` and `}` are ASCII, and a search by Characters broke every grapheme of the text.
            var rest = template.utf8[...]
            while let open = rest.firstIndex(of: UInt8(ascii: "{")), let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
                let name = String(decoding: rest[rest.index(after: open)..<close], as: UTF8.self)
                if !Self.placeholders.contains(name) {
                    sink.error(.configInvalid, at: mark, Localized(vi: "chỗ trống không hợp lệ `{\(name)}`", en: "unknown placeholder `{\(name)}`"),
                               hint: Localized(vi: "dùng: {quantity}, {observed}, {required}", en: "use: {quantity}, {observed}, {required}"))
                }
                rest = rest[rest.index(after: close)...]
            }
        }
    }

    // MARK: Examples

    private mutating func readExample(_ node: YAMLNode) -> Example? {
        guard var reader = MappingReader(node, sink, allowed: ["name", "facts", "expect", "remedies"], what: "example") else { return nil }
        let name = reader.string("name", required: false)
        let facts = reader.required("facts")
        guard let expectText = reader.string("expect") else { return nil }
        guard let expect = Outcome(rawValue: expectText), expect != .waived else {
            sink.error(.configInvalid, at: reader.entry("expect")!.value.start, Localized(vi: "`expect` là passed, failed, not_reported hoặc not_evaluable", en: "`expect` is passed, failed, not_reported or not_evaluable"))
            return nil
        }
        var remedies: [Example.ExpectedRemedy]?
        if let list = reader.optional("remedies") {
            remedies = []
            for item in list.items ?? [] {
                guard var r = MappingReader(item, sink, allowed: ["item", "action", "report", "quantity"], what: "expected remedy") else { continue }
                let quantity = r.count("quantity", required: false)
                if r.boolean("report", required: false) == true {
                    remedies?.append(Example.ExpectedRemedy(kind: nil, quantity: quantity, isReport: true))
                } else if let i = r.string("item", required: false) {
                    remedies?.append(Example.ExpectedRemedy(kind: .item(i), quantity: quantity, isReport: false))
                } else if let a = r.string("action", required: false) {
                    remedies?.append(Example.ExpectedRemedy(kind: .action(a), quantity: quantity, isReport: false))
                }
            }
        }
        guard let facts, facts.entries != nil else {
            sink.error(.configInvalid, at: node.start, Localized(vi: "`facts` của ví dụ phải là một khối dữ kiện", en: "an example's `facts` must be a block of facts"))
            return nil
        }
        return Example(name: name, facts: facts, expect: expect, remedies: remedies, mark: node.start)
    }
}
