import Foundation
import WardcheckCore
import WardcheckReports

/// The city's folder as it is now. The roster and waivers are read again when they change, the
/// audit when any facts file changes, appears or goes: each request compares file stamps (a
/// `stat` a file) with those of the last reading and reuses it only while nothing moved.
public actor CityFiles {
    public nonisolated let folder: String?
    public nonisolated let rosterPath: String?
    public nonisolated let waiversPath: String?
    /// The day the city is judged on (`--as-of`); today when nil, a new reading each new day.
    public nonisolated let asOf: Day?
    private let criteria: CriteriaSet

    /// The roster and the waivers, or why they cannot be used.
    public struct Companions: Sendable {
        public var roster: Roster?
        public var waivers: Waivers
        public var diagnostics: [Diagnostic]
        public var usable: Bool { !diagnostics.contains(where: \.isError) }
    }

    /// One reading of the whole folder.
    struct Reading: Sendable {
        var audit: Audit
        /// Every file's unit code, valid or not, so a unit's page and its submission find its file.
        var files: [String: [String]]
        var pages: [Language: String] = [:]
    }

    private var companionsCache: (stamps: [FileStamp?], value: Companions)?
    private var readingCache: (day: Day, stamps: [FileStamp?], files: [FileStamp?], value: Reading)?

    /// `folder` is the city's folder; the roster and waivers default to the files of those names in it.
    public init(criteria: CriteriaSet, folder: String?, roster: String? = nil, waivers: String? = nil, asOf: Day? = nil) {
        self.criteria = criteria
        self.folder = folder
        self.asOf = asOf
        func inFolder(_ name: String) -> String? {
            guard let folder else { return nil }
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        rosterPath = roster ?? inFolder("roster.yaml")
        waiversPath = waivers ?? inFolder("waivers.yaml")
    }

    public func companions() -> Companions {
        let stamps = [rosterPath, waiversPath].map { $0.flatMap(FileStamp.of) }
        if let cached = companionsCache, cached.stamps == stamps { return cached.value }
        var diagnostics: [Diagnostic] = []
        var roster: Roster?
        if let rosterPath {
            let (loaded, found) = Roster.load(path: rosterPath, schema: criteria.schema)
            roster = loaded
            diagnostics += found
        }
        var waivers = Waivers.none
        if let waiversPath {
            let (loaded, found) = Waivers.load(path: waiversPath, criteria: criteria, roster: roster)
            waivers = loaded ?? .none
            diagnostics += found
        }
        let value = Companions(roster: roster, waivers: waivers, diagnostics: diagnostics)
        companionsCache = (stamps, value)
        return value
    }

    /// The self-assessment's evaluator, as `check --roster --waivers` has it: each unit judged on
    /// its own facts date, no facts from the future, the roster's record of a unit authoritative.
    public func evaluator() -> Evaluator {
        let companions = companions()
        return Evaluator(criteria: criteria, waivers: companions.waivers, today: Day.today(), roster: companions.roster)
    }

    /// The day the city pages judge every unit on.
    nonisolated var judgingDay: Day { asOf ?? Day.today() }

    /// The city's evaluator, as `audit` has it: every unit judged on one day.
    func cityEvaluator() -> Evaluator {
        let companions = companions()
        let today = Day.today()
        return Evaluator(criteria: criteria, waivers: companions.waivers, asOf: asOf ?? today, today: today, roster: companions.roster)
    }

    /// The audit of the folder, as `wardcheck audit DIR` would print it now; nil without a folder.
    /// A new day is a new reading too: date windows and staleness count back from it.
    func reading() -> Reading? {
        guard let folder else { return nil }
        let companions = companions()
        let day = judgingDay
        let stamps = [rosterPath, waiversPath].map { $0.flatMap(FileStamp.of) }
        let excluded = Set([rosterPath, waiversPath].compactMap { $0.map(WardFolder.standardised) })
        let paths = WardFolder.facts(in: folder, excluding: excluded)
        let files = paths.map(FileStamp.of)
        if let cached = readingCache, cached.day == day, cached.stamps == stamps, cached.files == files { return cached.value }

        let evaluator = cityEvaluator()
        let accumulator = AuditAccumulator(criteria: criteria, roster: companions.roster, asOf: day)
        var byCode: [String: [String]] = [:]
        Pipeline.stream(paths, { UnitReport.check(path: $0, evaluator: evaluator) }, into: { report in
            if let code = report.code { byCode[code, default: []].append(report.file) }
            accumulator.add(report)
        })
        let value = Reading(audit: accumulator.finish(), files: byCode.mapValues { $0.sorted() })
        readingCache = (day, stamps, files, value)
        return value
    }

    /// The city page in one language, rendered once per reading.
    func cityPage(_ language: Language, render: @Sendable (Audit) -> String) -> String? {
        guard var current = reading() else { return nil }
        if let page = current.pages[language] { return page }
        let page = render(current.audit)
        current.pages[language] = page
        if let cached = readingCache { readingCache = (cached.day, cached.stamps, cached.files, current) }
        return page
    }
}
