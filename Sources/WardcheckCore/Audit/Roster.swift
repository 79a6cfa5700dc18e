import YAMLTree

/// The units a province expects to hear from (wards/roster.yaml). Besides `code` and `name`, a
/// roster entry may carry any fact of the unit block (type, terrain, …), checked against the
/// facts schema, so the roster stays in step with the facts format without naming its fields.
public struct Roster: Sendable {
    /// One unit as the roster records it. Kept small, since a roster can list a country: the
    /// facts it writes are held once, as written, and typed again when asked for.
    public struct Unit: Sendable {
        public var code: String
        public var name: String
        public var mark: Mark
        var written: [Written]
        let columns: Columns

        /// Other unit facts, in the order written (key, value).
        public var attributes: [(key: String, value: String)] {
            written.map { (columns.keys[Int($0.column)], $0.text) }
        }

        /// The same facts typed by the facts schema, by full path, with where the roster writes them.
        public var facts: [(path: String, value: FactValue, start: Mark)] {
            written.compactMap { w in columns.typed(w).map { (columns.paths[Int(w.column)], $0, w.start) } }
        }
    }

    /// A fact of a unit as the roster writes it: its column, its text, and where.
    struct Written: Sendable {
        var column: UInt16
        var line: Int32
        var at: Int32
        var text: String

        var start: Mark { Mark(line: Int(line), column: Int(at)) }
    }

    /// The unit-block keys a roster may write besides code and name, shared by every unit.
    final class Columns: Sendable {
        let keys: [String]
        let paths: [String]
        let validator: FactsValidator
        /// Each column's field and, for an enum, its values: looked up once, not for every unit judged.
        private let fields: [(field: FactsSchema.Field, values: Set<String>)?]

        init(keys: [String], paths: [String], validator: FactsValidator) {
            self.keys = keys
            self.paths = paths
            self.validator = validator
            fields = paths.map { path in
                validator.schema.field(path).map { field in
                    if case .enumeration(let values, _) = field.type { return (field, Set(values)) }
                    return (field, [])
                }
            }
        }

        /// The keys of the unit block besides code and name, as the facts schema has them.
        convenience init(schema: FactsSchema) {
            let block = schema.field(schema.codeField)?.parent ?? ""
            let keys = schema.keys(under: block).filter { key in
                let path = block.isEmpty ? key : block + "." + key
                return path != schema.codeField && path != schema.nameField
            }
            self.init(keys: keys, paths: keys.map { block.isEmpty ? $0 : block + "." + $0 }, validator: FactsValidator(schema: schema))
        }

        /// The value as the load typed it; it was checked then, so it reads again without error.
        func typed(_ w: Written) -> FactValue? {
            quickly(w) ?? fully(w)
        }

        /// A roster's values are mostly an enum's or a count, typed again for every unit judged:
        /// read as a facts file's plain values are (`FactsReader.quick`), or taken as they are, an
        /// enum value written exactly; nil for any other, which `fully` reads.
        func quickly(_ w: Written) -> FactValue? {
            guard let (field, values) = fields[Int(w.column)] else { return nil }
            var text = w.text
            if let quick = text.withUTF8({ FactsReader.quick($0, as: field.plainly) }) { return quick }
            return values.contains(w.text) ? .text(w.text) : nil
        }

        func fully(_ w: Written) -> FactValue? {
            guard let (field, _) = fields[Int(w.column)] else { return nil }
            // Counts, numbers, booleans and dates are only valid written plain; the rest read alike in any style.
            let node = YAMLNode(kind: .scalar(w.text, .plain), start: w.start, end: w.start)
            return validator.read(node, as: field, DiagnosticSink(file: ""))
        }
    }

    public var file: String
    public var province: String?
    public var units: [Unit]

    /// Indices of `units` sorted by code (the first of equal codes first), for `unit(_:)`.
    private var byCode: [Int32] = []

    public init(file: String, province: String?, units: [Unit]) {
        self.file = file
        self.province = province
        self.units = units
        byCode = units.indices.map(Int32.init).sorted { a, b in
            units[Int(a)].code != units[Int(b)].code ? units[Int(a)].code < units[Int(b)].code : a < b
        }
    }

    public func unit(_ code: String) -> Unit? {
        var low = 0
        var high = byCode.count
        while low < high {
            let middle = (low + high) / 2
            if units[Int(byCode[middle])].code < code { low = middle + 1 } else { high = middle }
        }
        guard low < byCode.count, units[Int(byCode[low])].code == code else { return nil }
        return units[Int(byCode[low])]
    }

    public var codes: [String] { units.map(\.code) }

    /// A roster lists a whole country (3,321 units; 100,000 in a ministry's history), about a
    /// hundred bytes a unit: far past the 1 MiB a ward file may take, so its own bound is larger.
    public static let limits = YAMLLimits(maxFileBytes: 64 << 20)

    /// Loads a roster. With `cache` (and the identity of the criteria whose schema types it),
    /// a roster read before without a word to say is taken from the compiled cache when its bytes
    /// are the same, and one read now is kept there: a country's roster is 3,321 lines that
    /// libyaml and the schema took 180 M instructions to read, on one core, before any unit was judged.
    public static func load(path: String, schema: FactsSchema, cache: CompiledCache? = nil, criteria: CriteriaIdentity? = nil) -> (Roster?, [Diagnostic]) {
        guard let cache, let criteria else { return load(path: path, input: nil, schema: schema) }
        let bytes: [UInt8]
        switch InputFile.read(path, limit: limits.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure: return load(path: path, input: nil, schema: schema)
        }
        // The schema that typed the roster is part of what it compiles to.
        let digest = CriteriaIdentity.digest(of: [("criteria", Array(criteria.digest.utf8)), ("roster", bytes)])
        if let payload = cache.payload(.roster, digest: digest),
           let roster = try? RosterCoding.decode(payload, file: path, schema: schema) {
            return (roster, [])
        }
        let (roster, diagnostics) = load(path: path, input: bytes, schema: schema)
        // Only a roster with nothing to say: a warning must be shown on every run.
        if let roster, diagnostics.isEmpty { cache.keep(.roster, digest: digest, payload: RosterCoding.encode(roster)) }
        return (roster, diagnostics)
    }

    /// Reads the roster from its YAML: `input` when the bytes were read already, else the file at `path`.
    private static func load(path: String, input: [UInt8]?, schema: FactsSchema) -> (Roster?, [Diagnostic]) {
        let sink = DiagnosticSink(file: path)
        var units: [Unit] = []
        var province: String?
        let columns = Columns(schema: schema)
        let extra = columns.keys
        let validator = columns.validator
        // Each unit is read as the file is parsed, and its part of the tree dropped: a country's
        // roster is never held as a tree. Its errors count only if the file itself can be read.
        let unitSink = DiagnosticSink(file: path)
        var seen: [String: Mark] = [:]
        let stream = YAMLLoader.ItemStream(key: "units") { node in
            guard var u = MappingReader(node, unitSink, allowed: ["code", "name"] + extra, what: "roster unit"),
                  let code = u.line("code"), let name = u.line("name") else { return }
            if let first = seen[code] {
                unitSink.error(.duplicateUnit, at: node.start, Localized(vi: "mã \(code) đã có ở dòng \(first.line)", en: "code \(code) is already listed on line \(first.line)"))
                return
            }
            seen[code] = node.start
            var written: [Written] = []
            for entry in node.entries ?? [] {
                guard let column = extra.firstIndex(of: entry.key) else { continue }
                // Typed like a facts file, with the same errors: the roster's values are authoritative.
                guard validator.typed(entry.value, path: columns.paths[column], unitSink) != nil, let text = entry.value.scalar else { continue }
                written.append(Written(column: UInt16(column), line: Int32(clamping: entry.value.start.line),
                                       at: Int32(clamping: entry.value.start.column), text: text))
            }
            units.append(Unit(code: code, name: name, mark: node.start, written: written, columns: columns))
        }
        let (tree, source) = loadConfigTree(path, bytes: input, sink, limits: Self.limits, streaming: stream)
        if let root = tree, var reader = MappingReader(root, sink, allowed: ["roster", "province", "units"], what: "roster") {
            province = reader.line("province", required: false)
            _ = reader.required("units")
            for diagnostic in unitSink.diagnostics { sink.append(diagnostic) }
        } else {
            units = []
        }
        seen = [:]
        let diagnostics = sink.finished(source: source)
        return (sink.hasErrors ? nil : Roster(file: path, province: province, units: units), diagnostics)
    }
}
