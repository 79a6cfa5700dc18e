import YAMLTree

/// The units a province expects to hear from (wards/roster.yaml).
public struct Roster: Sendable {
    public struct Unit: Sendable {
        public var code: String
        public var name: String
        public var type: String?
        public var terrain: String?
        public var villages: Int?
        public var mark: Mark
    }

    public var file: String
    public var province: String?
    public var units: [Unit]

    public func unit(_ code: String) -> Unit? { units.first { $0.code == code } }

    public static func load(path: String) -> (Roster?, [Diagnostic]) {
        let sink = DiagnosticSink(file: path)
        let (tree, source) = loadConfigTree(path, sink)
        var units: [Unit] = []
        var province: String?
        if let root = tree, var reader = MappingReader(root, sink, allowed: ["roster", "province", "units"], what: "roster") {
            province = reader.string("province", required: false)
            var seen: [String: Mark] = [:]
            for node in reader.required("units")?.items ?? [] {
                guard var u = MappingReader(node, sink, allowed: ["code", "name", "type", "terrain", "villages"], what: "roster unit"),
                      let code = u.string("code"), let name = u.string("name") else { continue }
                if let first = seen[code] {
                    sink.error(.duplicateUnit, at: node.start, Localized(vi: "mã \(code) đã có ở dòng \(first.line)", en: "code \(code) is already listed on line \(first.line)"))
                    continue
                }
                seen[code] = node.start
                units.append(Unit(code: code, name: name, type: u.string("type", required: false), terrain: u.string("terrain", required: false),
                                  villages: u.count("villages", required: false), mark: node.start))
            }
        }
        let diagnostics = sink.finished(source: source)
        return (sink.hasErrors ? nil : Roster(file: path, province: province, units: units), diagnostics)
    }
}
