import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

/// What every command loads first: the criteria folder (schema, catalogue, criteria) and,
/// when asked, the waivers. A broken criteria folder stops the run with its diagnostics.
struct Session {
    let criteria: CriteriaSet
    let language: Language

    init(_ options: CommonOptions) throws {
        language = options.lang
        StandardStreams.language = options.lang
        let folder = try options.criteriaFolder
        let (set, diagnostics) = CriteriaPrefetch.load(folder: folder)
        for d in diagnostics { printError(DiagnosticText.render(d, language: language)) }
        guard let set else {
            printError(language == .vi ? "wardcheck: không nạp được tiêu chí từ \(shown(folder))" : "wardcheck: cannot load the criteria in \(shown(folder))")
            throw ExitCode(ExitStatus.invalidInput)
        }
        criteria = set
    }

    func waivers(_ path: String?, roster: Roster? = nil) throws -> Waivers {
        guard let path else { return .none }
        let (waivers, diagnostics) = Waivers.load(path: path, criteria: criteria, roster: roster)
        for d in diagnostics { printError(DiagnosticText.render(d, language: language)) }
        guard let waivers else { throw ExitCode(ExitStatus.invalidInput) }
        return waivers
    }
}

extension Session {
    /// A roster that does not load would make every "not submitted", "not in roster" and roster
    /// fact wrong, so the run stops.
    func roster(_ path: String?) throws -> Roster? {
        guard let path else { return nil }
        let (loaded, diagnostics) = Roster.load(path: path, schema: criteria.schema, cache: CriteriaPrefetch.cache, criteria: criteria.identity)
        for d in diagnostics { printError(DiagnosticText.render(d, language: language)) }
        guard let loaded else {
            printError(language == .vi ? "wardcheck: không nạp được danh sách đơn vị \(shown(path))" : "wardcheck: cannot load the roster \(shown(path))")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return loaded
    }
}

/// `--roster FILE` for commands that read single units: the city's record of each unit is authoritative.
struct RosterOptions: ParsableArguments {
    @Option(name: .long, help: "Danh sách đơn vị của thành phố / the city roster: its type, terrain, … of a unit are authoritative.")
    var roster: String?
}

/// `--as-of YYYY-MM-DD`, read strictly like every other date.
struct AsOf: ExpressibleByArgument {
    let day: Day

    init?(argument: String) {
        guard let day = Day(iso: argument) else { return nil }
        self.day = day
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// One path a command reads: a facts file, or something met on the way that cannot be read as
/// one (an unreadable subfolder, a link not followed), which is reported and counted like a file
/// that cannot be read, never silently skipped.
struct WardInput: Sendable {
    var path: String
    var unreadable: FactsFile?

    init(file: String) {
        path = file
    }

    /// The paths that are not read, each with what is reported about it.
    static func skipped(_ inputs: [WardInput]) -> [String: FactsFile] {
        Dictionary(inputs.compactMap { input in input.unreadable.map { (input.path, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    init(_ entry: FolderWalk.Entry) {
        path = entry.path
        if case .skipped(_, let why) = entry {
            let (message, hint) = why.message
            unreadable = .unreadable(path: entry.path, message: message, hint: hint)
        }
    }
}

/// Expands the command line's files and folders into facts files, in a stable order. In a
/// folder, the audit's own companion files (roster.yaml, waivers.yaml) are not facts files.
enum WardFiles {

    static func expand(_ inputs: [String]) -> [WardInput] {
        var out: [WardInput] = []
        for input in inputs {
            var info = stat()
            if stat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                out += CityRun.files(in: input).map(WardInput.init)
            } else {
                out.append(WardInput(file: input))
            }
        }
        return out
    }

    /// A folder with no facts files is almost always the wrong folder: say so rather than pass.
    static func requireSome(_ files: [WardInput], _ inputs: [String], _ language: Language) throws {
        try requireSome(count: files.count, inputs, language)
    }

    static func requireSome(count: Int, _ inputs: [String], _ language: Language) throws {
        guard count == 0 else { return }
        printError(language == .vi
            ? "wardcheck: không có tệp dữ kiện .yaml nào trong \(inputs.map(shown).joined(separator: ", "))"
            : "wardcheck: no .yaml facts files in \(inputs.map(shown).joined(separator: ", "))")
        throw ExitCode(ExitStatus.invalidInput)
    }
}

extension Session {
    /// A city folder's roster and waivers, every diagnostic printed; the run stops when one does
    /// not load.
    func companions(of city: CityRun) throws -> CityRun.Companions {
        let companions = city.companions()
        for d in companions.diagnostics { printError(DiagnosticText.render(d, language: language)) }
        if let failure = companions.failure {
            printError("wardcheck: " + failure.text(language))
            throw ExitCode(ExitStatus.invalidInput)
        }
        return companions
    }
}
