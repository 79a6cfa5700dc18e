import Foundation
import YAMLTree

/// A criteria set, compiled and checked, as bytes and back: what the cache keeps so that a
/// `check` reads no YAML but the unit's own file. Everything the engine uses is kept; the
/// examples are not (only `verify` and `criteria` run or count them, and they read the YAML).
/// File paths are kept as names inside the folder and given the folder they are read from.
enum CriteriaCoding {
    static func encode(_ set: CriteriaSet) -> [UInt8] {
        var w = ByteWriter()
        schema(set.schema, &w)
        catalogue(set.catalogue, &w)
        w.array(set.criteria, criterion)
        return w.bytes
    }

    static func decode(_ bytes: [UInt8], folder: String, digest: String) throws(ByteReader.Damaged) -> CriteriaSet {
        var r = ByteReader(bytes)
        let schema = try schema(&r, folder: folder)
        let catalogue = try catalogue(&r)
        let criteria = try r.array { (r: inout ByteReader) throws(ByteReader.Damaged) in try criterion(&r, folder: folder) }
        guard r.atEnd else { throw ByteReader.Damaged() }
        // Every comparison's field number must be its fact's in this schema, or a unit's value
        // would be read from another field.
        for criterion in criteria {
            for check in criterion.checks {
                for condition in [check.when, check.require].compactMap({ $0 }) where !numbered(condition, schema) { throw ByteReader.Damaged() }
                if case .expression(let e)? = check.remedy.quantity, !numbered(e, schema) { throw ByteReader.Damaged() }
            }
        }
        return CriteriaSet(folder: folder, schema: schema, catalogue: catalogue, criteria: criteria, validator: FactsValidator(schema: schema),
                           identity: CriteriaIdentity(version: catalogue.version, digest: digest))
    }

    private typealias Damaged = ByteReader.Damaged

    private static func numbered(_ condition: Condition, _ schema: FactsSchema) -> Bool {
        switch condition {
        case .all(let parts), .any(let parts): return parts.allSatisfy { numbered($0, schema) }
        case .not(let inner): return numbered(inner, schema)
        case .compare(let c):
            if case .expression(let e) = c.operand, !numbered(e, schema) { return false }
            return c.field == (schema.index(of: c.fact) ?? -1)
        }
    }

    private static func numbered(_ expression: Expression, _ schema: FactsSchema) -> Bool {
        switch expression {
        case .constant: return true
        case .fact(let path, _, let field): return field == (schema.index(of: path) ?? -1)
        case .ceil(let x), .floor(let x): return numbered(x, schema)
        case .add(let xs), .multiply(let xs), .max(let xs), .min(let xs): return xs.allSatisfy { numbered($0, schema) }
        case .subtract(let a, let b), .divide(let a, let b): return numbered(a, schema) && numbered(b, schema)
        case .byCase(_, _, let cases, let otherwise):
            return cases.allSatisfy { numbered($0.1, schema) } && (otherwise.map { numbered($0, schema) } ?? true)
        }
    }

    private static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    // MARK: small values

    private static func localized(_ value: Localized, _ w: inout ByteWriter) {
        w.string(value.vi)
        w.string(value.en)
    }

    private static func localized(_ r: inout ByteReader) throws(Damaged) -> Localized {
        Localized(vi: try r.string(), en: try r.string())
    }

    private static func mark(_ value: Mark, _ w: inout ByteWriter) {
        w.int(value.line)
        w.int(value.column)
    }

    private static func mark(_ r: inout ByteReader) throws(Damaged) -> Mark {
        Mark(line: try r.int(), column: try r.int())
    }

    /// A dictionary in the order of its keys, so that one set always gives the same bytes.
    private static func dictionary<V>(_ d: [String: V], _ w: inout ByteWriter, _ value: (V, inout ByteWriter) -> Void) {
        w.array(d.keys.sorted()) { key, w in
            w.string(key)
            value(d[key]!, &w)
        }
    }

    private static func dictionary<V>(_ r: inout ByteReader, _ value: (inout ByteReader) throws(Damaged) -> V) throws(Damaged) -> [String: V] {
        let pairs = try r.array { (r: inout ByteReader) throws(Damaged) in (try r.string(), try value(&r)) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    private static func factValue(_ value: FactValue, _ w: inout ByteWriter) {
        switch value {
        case .boolean(let b): w.tag(0); w.bool(b)
        case .number(let n): w.tag(1); w.decimal(n)
        case .date(let d): w.tag(2); w.int(d.ordinal)
        case .text(let t): w.tag(3); w.string(t)
        }
    }

    private static func factValue(_ r: inout ByteReader) throws(Damaged) -> FactValue {
        switch try r.tag() {
        case 0: return .boolean(try r.bool())
        case 1: return .number(try r.decimal())
        case 2: return .date(Day(ordinal: try r.int()))
        case 3: return .text(try r.string())
        default: throw Damaged()
        }
    }

    // MARK: the schema

    private static func schema(_ s: FactsSchema, _ w: inout ByteWriter) {
        w.string(name(s.file))
        w.string(s.formatField)
        w.array(s.formats) { n, w in w.int(n) }
        w.string(s.referenceDate)
        w.string(s.codeField)
        w.string(s.nameField)
        w.strings(s.contactFields)
        w.array(s.fields, field)
        w.array(s.bounds) { b, w in
            w.string(b.fact)
            w.string(b.atMost)
            localized(b.message, &w)
        }
    }

    private static func schema(_ r: inout ByteReader, folder: String) throws(Damaged) -> FactsSchema {
        let file = folder + "/" + (try r.string())
        let formatField = try r.string()
        let formats = try r.array { (r: inout ByteReader) throws(Damaged) in try r.int() }
        let referenceDate = try r.string()
        let codeField = try r.string()
        let nameField = try r.string()
        let contactFields = try r.strings()
        let fields = try r.array(field)
        let bounds = try r.array { (r: inout ByteReader) throws(Damaged) in
            FactsSchema.Bound(fact: try r.string(), atMost: try r.string(), message: try localized(&r))
        }
        guard let schema = FactsSchema(file: file, formatField: formatField, formats: formats, referenceDate: referenceDate, codeField: codeField,
                                       nameField: nameField, contactFields: contactFields, fields: fields, bounds: bounds)
        else { throw Damaged() }
        return schema
    }

    private static func field(_ f: FactsSchema.Field, _ w: inout ByteWriter) {
        w.string(f.path)
        switch f.type {
        case .block: w.tag(0)
        case .boolean: w.tag(1)
        case .count: w.tag(2)
        case .number(let unit): w.tag(3); w.optional(unit) { u, w in localized(u, &w) }
        case .date: w.tag(4)
        case .enumeration(let values, let hints): w.tag(5); w.strings(values); dictionary(hints, &w) { h, w in w.string(h) }
        case .text: w.tag(6)
        case .code(let pattern, let hint): w.tag(7); w.string(pattern); w.optional(hint) { h, w in localized(h, &w) }
        }
        w.bool(f.required)
        localized(f.description, &w)
        localized(f.label, &w)
        w.optional(f.question) { q, w in localized(q, &w) }
        w.optional(f.help) { h, w in localized(h, &w) }
        dictionary(f.labels, &w) { l, w in localized(l, &w) }
        dictionary(f.answers, &w) { a, w in localized(a, &w) }
        w.optional(f.says) { s, w in localized(s, &w) }
        mark(f.mark, &w)
        w.optional(f.minimum) { m, w in w.decimal(m) }
    }

    private static func field(_ r: inout ByteReader) throws(Damaged) -> FactsSchema.Field {
        let path = try r.string()
        let type: FactsSchema.FieldType
        switch try r.tag() {
        case 0: type = .block
        case 1: type = .boolean
        case 2: type = .count
        case 3: type = .number(unit: try r.optional(localized))
        case 4: type = .date
        case 5: type = .enumeration(values: try r.strings(), hints: try dictionary(&r) { (r: inout ByteReader) throws(Damaged) in try r.string() })
        case 6: type = .text
        case 7: type = .code(pattern: try r.string(), hint: try r.optional(localized))
        default: throw Damaged()
        }
        return FactsSchema.Field(path: path, type: type, required: try r.bool(), description: try localized(&r), label: try localized(&r),
                                 question: try r.optional(localized), help: try r.optional(localized),
                                 labels: try dictionary(&r, localized), answers: try dictionary(&r, localized),
                                 says: try r.optional(localized), mark: try mark(&r),
                                 minimum: try r.optional { (r: inout ByteReader) throws(Damaged) in try r.decimal() })
    }

    // MARK: the catalogue

    private static func catalogue(_ c: Catalogue, _ w: inout ByteWriter) {
        w.array(c.itemOrder) { key, w in
            let item = c.items[key]!
            w.string(key)
            localized(item.name, &w)
            w.int(item.unitCost)
            localized(item.who, &w)
            w.string(item.role)
        }
        w.array(c.actionOrder) { key, w in action(c.actions[key]!, &w) }
        w.array(c.roleOrder) { key, w in
            w.string(key)
            localized(c.roles[key]!, &w)
        }
        w.array(c.groups) { g, w in
            w.string(g.key)
            localized(g.label, &w)
        }
        action(c.report, &w)
        w.optional(c.version) { v, w in w.string(v) }
    }

    private static func catalogue(_ r: inout ByteReader) throws(Damaged) -> Catalogue {
        let items = try r.array { (r: inout ByteReader) throws(Damaged) in
            Catalogue.Item(key: try r.string(), name: try localized(&r), unitCost: try r.int(), who: try localized(&r), role: try r.string())
        }
        let actions = try r.array(action)
        let roles = try r.array { (r: inout ByteReader) throws(Damaged) in (key: try r.string(), who: try localized(&r)) }
        let groups = try r.array { (r: inout ByteReader) throws(Damaged) in (key: try r.string(), label: try localized(&r)) }
        let report = try action(&r)
        let version = try r.optional { (r: inout ByteReader) throws(Damaged) in try r.string() }
        return Catalogue(items: Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }), itemOrder: items.map(\.key),
                         actions: Dictionary(actions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a }), actionOrder: actions.map(\.key),
                         roles: Dictionary(roles.map { ($0.key, $0.who) }, uniquingKeysWith: { a, _ in a }), roleOrder: roles.map(\.key),
                         groups: groups, report: report, version: version)
    }

    private static func action(_ a: Catalogue.Action, _ w: inout ByteWriter) {
        w.string(a.key)
        localized(a.name, &w)
        localized(a.who, &w)
        w.string(a.role)
    }

    private static func action(_ r: inout ByteReader) throws(Damaged) -> Catalogue.Action {
        Catalogue.Action(key: try r.string(), name: try localized(&r), who: try localized(&r), role: try r.string())
    }

    // MARK: the criteria

    private static func criterion(_ c: Criterion, _ w: inout ByteWriter) {
        w.string(c.id)
        w.string(c.group)
        localized(c.title, &w)
        localized(c.rationale, &w)
        w.string(c.source)
        w.array(c.checks, check)
        w.string(name(c.file))
        w.strings(c.facts)
    }

    private static func criterion(_ r: inout ByteReader, folder: String) throws(Damaged) -> Criterion {
        Criterion(id: try r.string(), group: try r.string(), title: try localized(&r), rationale: try localized(&r), source: try r.string(),
                  checks: try r.array(check), examples: [], file: folder + "/" + (try r.string()), facts: try r.strings())
    }

    private static func check(_ c: Check, _ w: inout ByteWriter) {
        w.string(c.id)
        w.optional(c.title) { t, w in localized(t, &w) }
        w.optional(c.when, condition)
        condition(c.require, &w)
        remedy(c.remedy, &w)
        mark(c.mark, &w)
    }

    private static func check(_ r: inout ByteReader) throws(Damaged) -> Check {
        Check(id: try r.string(), title: try r.optional(localized), when: try r.optional(condition), require: try condition(&r),
              remedy: try remedy(&r), mark: try mark(&r))
    }

    private static func remedy(_ s: RemedySpec, _ w: inout ByteWriter) {
        switch s.kind {
        case .item(let key): w.tag(0); w.string(key)
        case .action(let key): w.tag(1); w.string(key)
        }
        w.optional(s.quantity) { q, w in
            switch q {
            case .shortfall: w.tag(0)
            case .expression(let e): w.tag(1); expression(e, &w)
            }
        }
        localized(s.text, &w)
        w.optional(s.who) { who, w in localized(who, &w) }
        mark(s.mark, &w)
        w.optional(s.role) { role, w in w.string(role) }
    }

    private static func remedy(_ r: inout ByteReader) throws(Damaged) -> RemedySpec {
        let kind: RemedySpec.Kind
        switch try r.tag() {
        case 0: kind = .item(try r.string())
        case 1: kind = .action(try r.string())
        default: throw Damaged()
        }
        let quantity = try r.optional { (r: inout ByteReader) throws(Damaged) -> RemedySpec.Quantity in
            switch try r.tag() {
            case 0: return .shortfall
            case 1: return .expression(try expression(&r))
            default: throw Damaged()
            }
        }
        return RemedySpec(kind: kind, quantity: quantity, text: try localized(&r), who: try r.optional(localized), mark: try mark(&r),
                          role: try r.optional { (r: inout ByteReader) throws(Damaged) in try r.string() })
    }

    private static func condition(_ c: Condition, _ w: inout ByteWriter) {
        switch c {
        case .all(let cs): w.tag(0); w.array(cs, condition)
        case .any(let cs): w.tag(1); w.array(cs, condition)
        case .not(let inner): w.tag(2); condition(inner, &w)
        case .compare(let comparison):
            w.tag(3)
            w.string(comparison.fact)
            mark(comparison.mark, &w)
            w.string(comparison.op.rawValue)
            w.int(comparison.field)
            switch comparison.operand {
            case .value(let v): w.tag(0); factValue(v, &w)
            case .values(let vs): w.tag(1); w.strings(vs)
            case .expression(let e): w.tag(2); expression(e, &w)
            case .days(let n): w.tag(3); w.int(n)
            }
        }
    }

    private static func condition(_ r: inout ByteReader) throws(Damaged) -> Condition {
        try r.nested { (r: inout ByteReader) throws(Damaged) -> Condition in
            switch try r.tag() {
            case 0: return .all(try r.array(condition))
            case 1: return .any(try r.array(condition))
            case 2: return .not(try condition(&r))
            case 3:
                let fact = try r.string()
                let at = try mark(&r)
                guard let op = Operator(rawValue: try r.string()) else { throw Damaged() }
                let field = try r.int()
                let operand: Operand
                switch try r.tag() {
                case 0: operand = .value(try factValue(&r))
                case 1: operand = .values(try r.strings())
                case 2: operand = .expression(try expression(&r))
                case 3: operand = .days(try r.int())
                default: throw Damaged()
                }
                return .compare(Comparison(fact: fact, mark: at, op: op, operand: operand, field: field))
            default: throw Damaged()
            }
        }
    }

    private static func expression(_ e: Expression, _ w: inout ByteWriter) {
        switch e {
        case .constant(let d): w.tag(0); w.decimal(d)
        case .fact(let path, let at, let field): w.tag(1); w.string(path); mark(at, &w); w.int(field)
        case .ceil(let inner): w.tag(2); expression(inner, &w)
        case .floor(let inner): w.tag(3); expression(inner, &w)
        case .add(let es): w.tag(4); w.array(es, expression)
        case .subtract(let a, let b): w.tag(5); expression(a, &w); expression(b, &w)
        case .multiply(let es): w.tag(6); w.array(es, expression)
        case .divide(let a, let b): w.tag(7); expression(a, &w); expression(b, &w)
        case .max(let es): w.tag(8); w.array(es, expression)
        case .min(let es): w.tag(9); w.array(es, expression)
        case .byCase(let fact, let at, let cases, let otherwise):
            w.tag(10)
            w.string(fact)
            mark(at, &w)
            w.array(cases) { c, w in
                w.string(c.0)
                expression(c.1, &w)
            }
            w.optional(otherwise, expression)
        }
    }

    private static func expression(_ r: inout ByteReader) throws(Damaged) -> Expression {
        try r.nested { (r: inout ByteReader) throws(Damaged) -> Expression in
            switch try r.tag() {
            case 0: return .constant(try r.decimal())
            case 1: return .fact(try r.string(), try mark(&r), field: try r.int())
            case 2: return .ceil(try expression(&r))
            case 3: return .floor(try expression(&r))
            case 4: return .add(try r.array(expression))
            case 5: return .subtract(try expression(&r), try expression(&r))
            case 6: return .multiply(try r.array(expression))
            case 7: return .divide(try expression(&r), try expression(&r))
            case 8: return .max(try r.array(expression))
            case 9: return .min(try r.array(expression))
            case 10:
                let fact = try r.string()
                let at = try mark(&r)
                let cases = try r.array { (r: inout ByteReader) throws(Damaged) in (try r.string(), try expression(&r)) }
                return .byCase(fact: fact, mark: at, cases: cases, otherwise: try r.optional(expression))
            default: throw Damaged()
            }
        }
    }
}
