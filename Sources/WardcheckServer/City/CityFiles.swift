import Foundation
import WardcheckCore
import WardcheckReports

/// The city's folder as it is now, audited as `wardcheck audit DIR` audits it (`CityRun`). The
/// roster and waivers are read again when they change, the audit when any facts file changes,
/// appears or goes: each request compares file stamps (a `stat` a file) with those of the last
/// reading and reuses it only while nothing moved.
public actor CityFiles {
    /// The run over the city's folder; nil for a server with no folder (the form alone).
    public nonisolated let run: CityRun?
    public nonisolated var folder: String? { run?.folder }
    public nonisolated let rosterPath: String?
    public nonisolated let waiversPath: String?
    /// The day the city is judged on (`--as-of`); today when nil, a new reading each new day.
    public nonisolated let asOf: Day?
    private let criteria: CriteriaSet

    /// The roster and the waivers, or why they cannot be used.
    public typealias Companions = CityRun.Companions

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
        self.asOf = asOf
        run = folder.map { CityRun(criteria: criteria, folder: $0, roster: roster, waivers: waivers) }
        rosterPath = run?.rosterPath ?? roster
        waiversPath = run?.waiversPath ?? waivers
    }

    public func companions() -> Companions {
        let stamps = [rosterPath, waiversPath].map { $0.flatMap(FileStamp.of) }
        if let cached = companionsCache, cached.stamps == stamps { return cached.value }
        let value = CityRun.companions(roster: rosterPath, waivers: waiversPath, criteria: criteria)
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
        guard let run else { return nil }
        let companions = companions()
        let day = judgingDay
        let stamps = [rosterPath, waiversPath].map { $0.flatMap(FileStamp.of) }
        let entries = run.files()
        let files = entries.map { FileStamp.of($0.path) }
        if let cached = readingCache, cached.day == day, cached.stamps == stamps, cached.files == files { return cached.value }

        var byCode: [String: [String]] = [:]
        let audit = run.audit(entries, companions: companions, on: day, each: { report in
            if let code = report.code { byCode[code, default: []].append(report.file) }
        })
        let value = Reading(audit: audit, files: byCode.mapValues { $0.sorted() })
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
