import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Nếu đổi bộ tiêu chí thì sao / the same wards judged under the criteria in force and under a proposed set.",
        discussion: """
        Đánh giá cùng THƯ_MỤC theo bộ tiêu chí hiện hành (--criteria) và theo bộ đề xuất (--proposed), cùng danh sách đơn vị,
        cùng tệp miễn trừ, cùng một ngày: đơn vị nào tụt lại, đơn vị nào lên, từng tiêu chí, chi phí trước và sau.
        Judges DIR under the criteria in force (--criteria) and under a proposed folder (--proposed), with the same roster,
        waivers and day: which units fall back or come forward, criterion by criterion, and the plan's cost before and after.

        Bộ đề xuất được kiểm tra như `wardcheck verify` (nạp và chạy mọi ví dụ); sai thì dừng với mã 2.
        The proposed criteria are checked as `wardcheck verify` checks them (loaded, every example run); if wrong, exit 2.
        Mã thoát 0 khi so sánh xong / exit 0 once compared; 2 on bad input; 64 on a usage error.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var report: ReportFormatOptions
    @OptionGroup var inputs: CityOptions
    @OptionGroup(title: "Văn bản hành chính / the administrative document (--format docx)") var official: OfficialOptions

    @Option(name: .long, help: ArgumentHelp("Thư mục bộ tiêu chí đề xuất / the proposed criteria folder.", valueName: "dir"))
    var proposed: String







    @Argument(help: ArgumentHelp("Thư mục hồ sơ các đơn vị / the folder of ward files.", valueName: "dir"))
    var folder: String = "wards"

    func validate() throws {
        for (path, what) in [(folder, ("thư mục", "folder")), (proposed, ("thư mục tiêu chí đề xuất", "proposed criteria folder"))] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError(common.lang == .vi ? "không có \(what.0) \(shown(path))" : "no \(what.1) \(shown(path))")
            }
        }
    }

    func run() throws {
        let language = common.lang
        let session = try Session(common)
        let heading = try official.heading(language)
        let proposedCriteria = try loadProposed(language)

        let city = inputs.run(session.criteria, folder: folder)
        let companions = try session.companions(of: city)
        // The same roster and waivers on both sides; a waiver of a criterion the proposal drops waives nothing there.
        var proposedCompanions = companions
        proposedCompanions.waivers = companions.waivers.keeping(criteria: Set(proposedCriteria.criteria.map(\.id)))
        let waiversDropped = companions.waivers.entries.count - proposedCompanions.waivers.entries.count

        let entries = city.files()
        try WardFiles.requireSome(entries.map(WardInput.init), [folder], language)
        let proposedFiles = FolderWalk.yamlFiles(in: proposed).map(\.path)
        try output.refuseOverwriting(entries.map(\.path) + city.companionPaths + proposedFiles + [official.official].compactMap { $0 },
                                     criteria: session.criteria.folder, language: language)

        let today = Day.today()
        let day = inputs.asOf?.day ?? today
        let current = city.audit(entries, companions: companions, on: day, today: today, staleAfterDays: inputs.staleAfter)
        let underProposal = inputs.run(proposedCriteria, folder: folder)
            .audit(entries, companions: proposedCompanions, on: day, today: today, staleAfterDays: inputs.staleAfter)
        let whatIf = WhatIf(current: current, proposed: underProposal, currentCriteria: session.criteria, proposedCriteria: proposedCriteria,
                            currentSource: session.criteria.folder, proposedSource: proposedCriteria.folder, waiversDropped: waiversDropped)

        if report.format == .json {
            output.emit(WhatIfJSON.render(whatIf, language: language))
        } else {
            try output.emit(WhatIfDocument.build(whatIf, language: language), as: report.format, csvSeparator: report.csvSeparator,
                            generator: "wardcheck whatif") { heading.dated(day) }
        }
    }

    /// The proposed folder, loaded and its examples run exactly as `verify` does: a proposal whose
    /// own examples fail says something other than what its authors meant, so nothing is judged on it.
    private func loadProposed(_ language: Language) throws -> CriteriaSet {
        let (loaded, diagnostics) = CriteriaSet.load(folder: proposed)
        for d in diagnostics { printError(DiagnosticText.render(d, language: language)) }
        guard let loaded else {
            printError(language == .vi ? "wardcheck whatif: không nạp được bộ tiêu chí đề xuất \(shown(proposed))"
                                       : "wardcheck whatif: cannot load the proposed criteria in \(shown(proposed))")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let runner = ExampleRunner(criteria: loaded)
        var failed = 0
        for criterion in loaded.criteria {
            for run in runner.run(criterion) where !run.passed {
                failed += 1
                for d in run.problems { printError(DiagnosticText.render(d, language: language)) }
            }
        }
        if failed > 0 {
            printError(language == .vi
                ? "wardcheck whatif: \(failed) ví dụ của bộ tiêu chí đề xuất không đúng (xem `wardcheck verify --criteria \(shown(proposed))`); chưa so sánh"
                : "wardcheck whatif: \(NumberText.counted(failed, vi: "ví dụ", en: "example", .en)) of the proposed criteria fail (see `wardcheck verify --criteria \(shown(proposed))`); nothing compared")
            throw ExitCode(ExitStatus.invalidInput)
        }
        return loaded
    }
}
