import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        // Run straight from the command line (DirectCommand), this command is the parser's root: naming
        // its super-command keeps help saying "wardcheck audit" and skips the root's check for
        // `--generate-completion-script`, which that line cannot hold (the root parses it instead).
        _superCommandName: "wardcheck",
        abstract: "Tổng hợp toàn tỉnh, thành phố / audit every unit of a province: who is ready, what blocks, what to buy.",
        discussion: """
        Đọc mọi tệp *.yaml, *.yml trong THƯ_MỤC (kể cả thư mục con), trừ tệp danh sách và tệp miễn trừ.
        Reads every *.yaml and *.yml file under DIR (recursively) except the roster and waivers files.
        Mặc định / defaults: THƯ_MỤC/roster.yaml và / and THƯ_MỤC/waivers.yaml khi có / when present.

        Mã thoát tính cả vấn đề khi đối chiếu (mã không có trong danh sách, mã nộp hai lần) như tệp không hợp lệ.
        Audit findings (a code not in the roster, a code submitted twice) count as invalid files.


        """ + ExitStatus.help
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var report: ReportFormatOptions
    @OptionGroup var inputs: CityOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup(title: "Văn bản hành chính / the administrative document (--format docx)") var official: OfficialOptions







    @Argument(help: ArgumentHelp("Thư mục hồ sơ các đơn vị / the folder of ward files.", valueName: "dir"))
    var folder: String = "wards"

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError(common.lang == .vi
                ? "không có thư mục \(shown(folder)); ví dụ: wardcheck audit wards"
                : "no folder \(shown(folder)); e.g. wardcheck audit wards")
        }
    }

    func run() throws {
        // The folder is walked on another core while the criteria and the roster are read: at a
        // country's size each took some twenty-five million instructions before any unit was judged.
        let given = CityRun.companions(folder: folder, roster: inputs.roster, waivers: inputs.waivers)
        let companionFiles = [given.roster, given.waivers].compactMap { $0 }
        let walk = Background { CityRun.files(in: folder, besides: companionFiles) }
        let session = try Session(common)
        let heading = try official.heading(common.lang)
        let city = inputs.run(session.criteria, folder: folder)
        let companions = try session.companions(of: city)
        // A city audit judges every unit on one day, so that "within 30 days" and "stale" mean the same for all.
        let today = Day.today()
        let day = inputs.asOf?.day ?? today
        // Every report of an audit is in one language: its remedies are worded in that one alone.
        let evaluator = city.evaluator(companions, on: day, today: today, wordedIn: common.lang)
        // The paths alone are kept for the run: a folder's entries carry more than a country needs
        // to hold, and are let go here (the walk gives them up) rather than at the process's end.
        let (files, judge) = try { () throws -> ([String], @Sendable (String) -> UnitReport) in
            let entries = walk.take()
            try WardFiles.requireSome(count: entries.count, [folder], common.lang)
            return (entries.map(\.path), CityRun.judge(entries, with: evaluator))
        }()
        // One small row per unit is all the accumulator keeps, so memory follows the number of units, not their files.
        let accumulator = AuditAccumulator(criteria: session.criteria, roster: companions.roster, asOf: day, staleAfterDays: inputs.staleAfter)
        accumulator.expect(units: files.count)
        // Nothing is written before every unit is judged: whether the report would overwrite an
        // input is worked out meanwhile, and known before anything is written.
        let refusal = output.refusal(among: files + city.companionPaths + [official.official].compactMap { $0 },
                                     criteria: session.criteria.folder)
        let language = common.lang
        ProcessEnd.keep(files, companions, evaluator, accumulator)
        if report.format == .json { return try streamJSON(files, judge, evaluator, accumulator, refusal, language) }
        let rows = accumulator.rowMaker
        Pipeline.stream(files, { index, path -> AuditAccumulator.Entry in
            let entry = rows.entry(for: judge(path), input: index)
            guard case .row(var row) = entry else { return entry }
            // The document reads neither (a unit's needs and cost hold what its remedies add up
            // to): a country's remedies are not kept for nothing.
            row.remedies = []
            row.contact = nil
            return .row(row)
        }, into: accumulator.add)
        let audit = accumulator.finish()
        ProcessEnd.keep(audit)
        try output.verdict(refusal, language: language)

        // Every format but JSON (streamed above, its own documented schema) writes the one document.
        try output.emit(AuditDocument.build(audit, language: language), as: report.format, csvSeparator: report.csvSeparator,
                        generator: "wardcheck audit") { heading.dated(day) }
        try finish(audit, language)
    }

    /// The JSON report, streamed (`AuditJSONStream`): memory holds one small row per unit.
    private func streamJSON(_ files: [String], _ judge: @escaping @Sendable (String) -> UnitReport, _ evaluator: Evaluator,
                            _ accumulator: AuditAccumulator, _ refusal: Background<String?>, _ language: Language) throws {
        let stream = AuditJSONStream(files, judge: judge, accumulator: accumulator, criteria: evaluator.criteria,
                                     language: language, besides: output.output)
        ProcessEnd.keep(stream)
        try output.verdict(refusal, language: language)
        try SpilledReport.write(to: output, keptInMemory: stream.keptInMemory, language: language) { out in
            try stream.write(language: language, to: &out)
        }
        try finish(stream.audit, language)
    }

    /// The exit status, once the report is out.
    private func finish(_ audit: Audit, _ language: Language) throws {
        // An audit that judged no unit says nothing about the city, whatever --fail-on allows
        // (`Gate.exitCode(for:)` exits 2 on it): say why.
        if audit.valid == 0 {
            printError(language == .vi
                ? "wardcheck: không đánh giá được đơn vị nào (\(audit.files) tệp: \(audit.invalid.count) tệp không hợp lệ, \(audit.diagnostics.filter(\.isError).count) lỗi khi đối chiếu danh sách)"
                : "wardcheck: no unit was evaluated (\(NumberText.counted(audit.files, vi: "tệp", en: "file", .en)): \(audit.invalid.count) invalid, \(NumberText.counted(audit.diagnostics.filter(\.isError).count, vi: "lỗi", en: "roster error", .en)))")
        }
        let code = gate.policy.exitCode(for: audit)
        if code != 0 { throw ExitCode(code) }
    }
}

enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown, html, xlsx, docx
}

extension CSV.Separator: ExpressibleByArgument {}
