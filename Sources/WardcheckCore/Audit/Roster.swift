import YAMLTree

/// The units a province expects to hear from (wards/roster.yaml). Besides `code` and `name`, a
/// roster entry may carry any fact of the unit block (type, terrain, …), checked against the
/// facts schema, so the roster stays in step with the facts format without naming its fields.
public struct Roster: Sendable {
    public struct Unit: Sendable {
        public var code: String
        public var name: String
        /// Other unit facts, in the order written (key, value).
        public var attributes: [(key: String, value: String)]
        /// The same facts typed by the facts schema, by full path, with where the roster writes them.
        public var facts: [(path: String, value: FactValue, start: Mark)]
        public var mark: Mark
    }

    public var file: String
    public var province: String?
    public var units: [Unit]

    private var index: [String: Int] = [:]

    public init(file: String, province: String?, units: [Unit]) {
        self.file = file
        self.province = province
        self.units = units
        for (i, unit) in units.enumerated() where index[unit.code] == nil { index[unit.code] = i }
    }

    public func unit(_ code: String) -> Unit? { index[code].map { units[$0] } }

    public var codes: [String] { units.map(\.code) }

    /// A roster lists a whole country (3,321 units; 100,000 in a ministry's history), about a
    /// hundred bytes a unit: far past the 1 MiB a ward file may take, so its own bound is larger.
    public static let limits = YAMLLimits(maxFileBytes: 64 << 20)

    public static func load(path: String, schema: FactsSchema) -> (Roster?, [Diagnostic]) {
        let sink = DiagnosticSink(file: path)
        let (tree, source) = loadConfigTree(path, sink, limits: Self.limits)
        var units: [Unit] = []
        var province: String?
        let block = schema.field(schema.codeField)?.parent ?? ""
        let validator = FactsValidator(schema: schema)
        let extra = schema.keys(under: block).filter { key in
            let path = block.isEmpty ? key : block + "." + key
            return path != schema.codeField && path != schema.nameField
        }
        if let root = tree, var reader = MappingReader(root, sink, allowed: ["roster", "province", "units"], what: "roster") {
            province = reader.line("province", required: false)
            var seen: [String: Mark] = [:]
            for node in reader.required("units")?.items ?? [] {
                guard var u = MappingReader(node, sink, allowed: ["code", "name"] + extra, what: "roster unit"),
                      let code = u.line("code"), let name = u.line("name") else { continue }
                if let first = seen[code] {
                    sink.error(.duplicateUnit, at: node.start, Localized(vi: "mã \(code) đã có ở dòng \(first.line)", en: "code \(code) is already listed on line \(first.line)"))
                    continue
                }
                seen[code] = node.start
                let written = (node.entries ?? []).filter { extra.contains($0.key) }
                let attributes = written.compactMap { entry in entry.value.scalar.map { (key: entry.key, value: $0) } }
                // Typed like a facts file, with the same errors: the roster's values are authoritative.
                let facts = written.compactMap { entry -> (path: String, value: FactValue, start: Mark)? in
                    let path = block.isEmpty ? entry.key : block + "." + entry.key
                    return validator.typed(entry.value, path: path, sink).map { (path, $0, entry.value.start) }
                }
                units.append(Unit(code: code, name: name, attributes: attributes, facts: facts, mark: node.start))
            }
        }
        let diagnostics = sink.finished(source: source)
        return (sink.hasErrors ? nil : Roster(file: path, province: province, units: units), diagnostics)
    }
}
