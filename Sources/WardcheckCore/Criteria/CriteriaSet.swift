import Foundation

/// Everything under `criteria/`: the facts schema, the catalogue, and the criteria, loaded and
/// compiled together so that each is checked against the others.
public struct CriteriaSet: Sendable {
    public var folder: String
    public var schema: FactsSchema
    public var catalogue: Catalogue
    public var criteria: [Criterion]
    public var validator: FactsValidator
    /// The set's version and the digest of its files: what every audit records of its criteria.
    public var identity: CriteriaIdentity

    public static let schemaFile = "facts.yaml"
    public static let catalogueFile = "catalogue.yaml"

    /// Which questions apply to a unit, from the criteria's guards (worked out when asked: only
    /// the form needs it).
    public var applicability: Applicability { Applicability(criteria: criteria, schema: schema) }

    public func criterion(_ id: String) -> Criterion? {
        criteria.first { $0.id == id }
    }

    /// Loads a criteria folder; all problems in all files are returned, nil when any is an error.
    public static func load(folder: String) -> (CriteriaSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let schemaPath = folder + "/" + schemaFile
        let schemaSink = DiagnosticSink(file: schemaPath)
        let schema = FactsSchema.load(path: schemaPath, sink: schemaSink)
        diagnostics += finished(schemaSink, schemaPath)
        let cataloguePath = folder + "/" + catalogueFile
        let catalogueSink = DiagnosticSink(file: cataloguePath)
        let catalogue = Catalogue.load(path: cataloguePath, sink: catalogueSink)
        diagnostics += finished(catalogueSink, cataloguePath)
        guard let schema, let catalogue else { return (nil, diagnostics) }

        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != schemaFile && $0 != catalogueFile }
            .sorted()
        var criteria: [Criterion] = []
        var seen: [String: String] = [:]
        for name in files {
            let path = folder + "/" + name
            let sink = DiagnosticSink(file: path)
            var loader = CriterionLoader(schema: schema, catalogue: catalogue, sink: sink)
            if let criterion = loader.load(path: path) {
                if let other = seen[criterion.id] {
                    sink.error(.duplicateCriterion, at: .start, Localized(vi: "tiêu chí \(criterion.id) đã có trong \(other)", en: "criterion \(criterion.id) is already defined in \(other)"),
                               hint: Localized(vi: "mỗi tiêu chí một mã riêng", en: "give each criterion its own id"))
                } else {
                    seen[criterion.id] = path
                    criteria.append(criterion)
                }
            }
            diagnostics += finished(sink, path)
        }
        if criteria.isEmpty, !diagnostics.contains(where: \.isError) {
            diagnostics.append(Diagnostic(file: folder, at: .start, code: .configInvalid,
                                          message: Localized(vi: "không có tiêu chí nào trong \(folder)", en: "no criteria in \(folder)")))
        }
        guard !diagnostics.contains(where: \.isError) else { return (nil, diagnostics) }
        criteria.sort { $0.id.localizedStandardCompare($1.id) == .orderedAscending }
        // Every file the set was read from, the schema and catalogue included; not the editors'
        // JSON Schema, which is generated from facts.yaml and never read by the engine.
        let read = [schemaFile, catalogueFile] + files
        let identity = CriteriaIdentity(version: catalogue.version, digest: CriteriaIdentity.digest(of: read.map { name in
            (name, FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? [])
        }))
        return (CriteriaSet(folder: folder, schema: schema, catalogue: catalogue, criteria: criteria,
                            validator: FactsValidator(schema: schema), identity: identity), diagnostics)
    }

    /// The file is read again, to quote its lines, only when it has something to say.
    private static func finished(_ sink: DiagnosticSink, _ path: String) -> [Diagnostic] {
        sink.diagnostics.isEmpty ? [] : sink.finished(source: source(path))
    }

    private static func source(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
