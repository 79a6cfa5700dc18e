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

    /// The files a set is read from, schema and catalogue first: what its digest covers. Not the
    /// editors' JSON Schema, which is generated from facts.yaml and never read by the engine.
    static func files(in folder: String) -> (all: [String], criteria: [String]) {
        let criteria = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != schemaFile && $0 != catalogueFile }
            .sorted()
        return ([schemaFile, catalogueFile] + criteria, criteria)
    }

    /// The digest of the folder's files as they are now.
    static func digest(of folder: String, files: [String]) -> String {
        CriteriaIdentity.digest(of: files.map { name in
            (name, FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? [])
        })
    }

    /// A criteria folder for judging units, from `cache` when it holds the compiled set of these
    /// very files (no YAML read at all), else from the YAML, then kept in the cache for the next
    /// run when it loaded without a word to say. The examples are left out of a set from the
    /// cache: `verify` and `criteria`, which use them, call `load(folder:)`.
    public static func load(folder: String, cache: CompiledCache?) -> (CriteriaSet?, [Diagnostic]) {
        guard let cache else { return load(folder: folder) }
        let digest = digest(of: folder, files: files(in: folder).all)
        if let set = cache.read(digest: digest, criteriaFolder: folder) { return (set, []) }
        let (set, diagnostics) = load(folder: folder)
        // Only a set that loaded without a warning (a warning must be shown on every run), and
        // whose files did not change while it was compiled: the set's own digest, taken after the
        // YAML was read, must be the one the entry is filed under.
        if let set, diagnostics.isEmpty, set.identity.digest == digest { cache.write(set) }
        return (set, diagnostics)
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

        let (read, files) = files(in: folder)
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
        let identity = CriteriaIdentity(version: catalogue.version, digest: digest(of: folder, files: read))
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
