import Foundation

/// One audit of a city's folder, as `wardcheck audit DIR` runs it, shared by `audit`, `diff`,
/// `history` and the server so that the three cannot drift apart in what they read:
///
/// - the companions: `--roster` / `--waivers` when given, otherwise the folder's own
///   `roster.yaml` and `waivers.yaml` when present;
/// - the facts files: every YAML file under the folder (`FolderWalk`), without the companions
///   (by name anywhere below, and by path when given elsewhere); what the walk could not read
///   (a link, an unreadable folder) is a file reported invalid, never skipped silently;
/// - every unit judged on one day, streamed on both cores into the audit's accumulator, which
///   keeps one small row a unit.
public struct CityRun: Sendable {
    /// The names a city folder's companion files have; never read as a unit's facts.
    public static let companionNames: Set<String> = ["roster.yaml", "waivers.yaml"]

    public let criteria: CriteriaSet
    public let folder: String
    public let rosterPath: String?
    public let waiversPath: String?
    /// Where a roster read before is found compiled (`CompiledCache`); nil reads its YAML every time.
    public let cache: CompiledCache?

    /// `roster` and `waivers` are the paths given on the command line, if any.
    public init(criteria: CriteriaSet, folder: String, roster: String? = nil, waivers: String? = nil, cache: CompiledCache? = nil) {
        self.criteria = criteria
        self.folder = folder
        self.cache = cache
        (rosterPath, waiversPath) = Self.companions(folder: folder, roster: roster, waivers: waivers)
    }

    /// The roster and waivers a run of `folder` reads: those given, else the folder's own when present.
    public static func companions(folder: String, roster: String?, waivers: String?) -> (roster: String?, waivers: String?) {
        func inFolder(_ name: String) -> String? {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        return (roster ?? inFolder("roster.yaml"), waivers ?? inFolder("waivers.yaml"))
    }

    /// The companion files the run reads, roster first.
    public var companionPaths: [String] { [rosterPath, waiversPath].compactMap { $0 } }

    // MARK: The companions

    /// The roster and waivers as loaded, with what loading them said.
    public struct Companions: Sendable {
        public var roster: Roster?
        public var waivers: Waivers
        /// Every diagnostic of both files, warnings included.
        public var diagnostics: [Diagnostic]
        /// Which file could not be used, when one could not: the audit must not go on without it,
        /// since every "not submitted", "not in the roster" and waiver would be wrong.
        public var failure: Localized?

        public var usable: Bool { failure == nil }
    }

    /// Loads the roster, then the waivers (checked against the roster's codes).
    public func companions() -> Companions {
        Self.companions(roster: rosterPath, waivers: waiversPath, criteria: criteria, cache: cache)
    }

    /// The same, for a roster and waivers read without a folder (a server with no city folder
    /// still knows the units of its roster).
    public static func companions(roster rosterPath: String?, waivers waiversPath: String?, criteria: CriteriaSet,
                                  cache: CompiledCache? = nil) -> Companions {
        var found = Companions(roster: nil, waivers: .none, diagnostics: [], failure: nil)
        // Paths are quoted with their hidden characters shown: a folder's name comes from anyone.
        func shown(_ path: String) -> String { HiddenCharacters.escaped(path) }
        if let rosterPath {
            let (loaded, diagnostics) = Roster.load(path: rosterPath, schema: criteria.schema, cache: cache, criteria: criteria.identity)
            found.roster = loaded
            found.diagnostics += diagnostics
            if loaded == nil {
                found.failure = Localized(vi: "không nạp được danh sách đơn vị \(shown(rosterPath))", en: "cannot load the roster \(shown(rosterPath))")
                return found
            }
        }
        if let waiversPath {
            let (loaded, diagnostics) = Waivers.load(path: waiversPath, criteria: criteria, roster: found.roster)
            found.waivers = loaded ?? .none
            found.diagnostics += diagnostics
            if loaded == nil {
                found.failure = Localized(vi: "không nạp được tệp miễn trừ \(shown(waiversPath))", en: "cannot load the waivers \(shown(waiversPath))")
            }
        }
        return found
    }

    // MARK: The facts files

    /// The folder's facts files and the paths the walk could not read, in a stable order.
    public func files() -> [FolderWalk.Entry] {
        Self.files(in: folder, besides: companionPaths)
    }

    /// The facts files under `folder`: every YAML file but those named as companions and the
    /// companion files given by path.
    public static func files(in folder: String, besides companions: [String] = []) -> [FolderWalk.Entry] {
        let excluded = Set(companions.map(standardised))
        // A file can only be a companion given by path if its name is that companion's name:
        // only those few paths are standardised (through Foundation, slow for thousands of files).
        let excludedNames = Set(excluded.map(lastComponent))
        return FolderWalk.yamlFiles(in: folder).filter { entry in
            guard case .file(let path) = entry else { return true }
            let name = lastComponent(path)
            if companionNames.contains(name) { return false }
            return !excludedNames.contains(name) || !excluded.contains(standardised(path))
        }
    }

    /// The name after the last `/` (a walked path never ends with one).
    private static func lastComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    static func standardised(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    // MARK: Judging

    /// The city's evaluator: every unit judged on `day` (date windows and staleness count back
    /// from it), no facts dated after `today`, the roster's record of a unit authoritative. An
    /// audit keeps each unit's outcomes, remedies and problems, never the working of a criterion
    /// that passed (`Evaluator.Detail.outcomes`). `wordedIn`: the one language every report of the run is written in, when there is one
    /// (`Evaluator.wordedIn`).
    public func evaluator(_ companions: Companions, on day: Day, today: Day = Day.today(), wordedIn: Language? = nil) -> Evaluator {
        Evaluator(criteria: criteria, waivers: companions.waivers, asOf: day, today: today, roster: companions.roster, detail: .outcomes,
                  wordedIn: wordedIn)
    }

    /// How one path of `files` becomes a unit's report: read and judged, or, for a path the walk
    /// could not read, reported as an invalid file with the reason.
    public static func judge(_ files: [FolderWalk.Entry], with evaluator: Evaluator) -> @Sendable (String) -> UnitReport {
        var skipped: [String: FactsFile] = [:]
        for case .skipped(let path, let why) in files where skipped[path] == nil {
            let (message, hint) = why.message
            skipped[path] = .unreadable(path: path, message: message, hint: hint)
        }
        return { [skipped] path in
            skipped[path].map(UnitReport.unreadable) ?? UnitReport.check(path: path, evaluator: evaluator)
        }
    }

    /// Audits `files` (`files()` by default) on `day`, every unit streamed into one accumulator;
    /// `each` sees every unit's report as it is added (on one thread at a time).
    public func audit(_ files: [FolderWalk.Entry]? = nil, companions: Companions, on day: Day, today: Day = Day.today(),
                      staleAfterDays: Int = AuditAccumulator.defaultStaleAfterDays,
                      each: @escaping (UnitReport) -> Void = { _ in }) -> Audit {
        let files = files ?? self.files()
        let accumulator = AuditAccumulator(criteria: criteria, roster: companions.roster, asOf: day, staleAfterDays: staleAfterDays)
        Pipeline.stream(files.map(\.path), Self.judge(files, with: evaluator(companions, on: day, today: today)), into: { report in
            each(report)
            accumulator.add(report)
        })
        return accumulator.finish()
    }
}
