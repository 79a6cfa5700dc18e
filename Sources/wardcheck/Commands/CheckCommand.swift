import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Chấm điểm theo các tiêu chí và lập danh sách việc cần làm / score units on the criteria and list what to fix.",
        discussion: ExitStatus.help
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var changes: ChangedSinceOptions
    @OptionGroup var rosterOption: RosterOptions

    @Option(name: .long, help: "Tệp miễn trừ / waivers file.")
    var waivers: String?

    @Option(name: .long, help: "Ngày đánh giá YYYY-MM-DD (mặc định: ngày số liệu của từng tệp) / judge as of this day (default: each file's own facts date).")
    var asOf: AsOf?

    @Option(name: .long, help: "Định dạng / format: text | json | junit | sarif | github | gitlab (GitLab Code Quality).")
    var format: CheckFormat = .text

    @Argument(help: "Tệp hoặc thư mục dữ kiện / facts files or folders.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty, changes.changedSince == nil {
            throw ValidationError(common.lang == .vi ? "cần ít nhất một tệp dữ kiện, ví dụ: wardcheck check wards/submissions/20194-hoa-xuan.yaml" : "name at least one facts file, e.g. wardcheck check wards/submissions/20194-hoa-xuan.yaml")
        }
    }

    func run() throws {
        let session = try Session(common)
        let roster = try session.roster(rosterOption.roster)
        let evaluator = Evaluator(criteria: session.criteria, waivers: try session.waivers(waivers, roster: roster), asOf: asOf?.day,
                                  today: Day.today(), roster: roster)
        // The paths alone are kept for the run: a folder's entries carry more than a country needs to hold.
        let (paths, skipped) = try { () throws -> ([String], [String: FactsFile]) in
            let entries = try changes.files(files, language: common.lang)
            return (entries.map(\.path), WardInput.skipped(entries))
        }()
        try output.refuseOverwriting(paths + [waivers, rosterOption.roster].compactMap { $0 }, criteria: session.criteria.folder,
                                     language: common.lang)
        let judge: @Sendable (String) -> UnitReport = { path in
            skipped[path].map(UnitReport.unreadable) ?? UnitReport.check(path: path, evaluator: evaluator)
        }
        if format == .json || format == .text { return try stream(paths, judge, session) }
        let reports = Pipeline.map(paths, judge)
        let text: String
        switch format {
        case .text:
            let renderer = ScorecardText(criteria: session.criteria, language: common.lang, colour: output.colour)
            text = reports.map(renderer.render).joined(separator: "\n" + String(repeating: "─", count: 72) + "\n\n")
        case .json:
            text = ScorecardJSON.render(reports, language: common.lang)
        case .junit:
            text = JUnitReport.check(reports, language: common.lang)
        case .sarif:
            text = SARIFLog(toolVersion: WardcheckVersion.current, language: common.lang,
                            workingDirectory: FileManager.default.currentDirectoryPath).check(reports, criteria: session.criteria)
        case .github:
            text = GitHubAnnotations.check(reports, language: common.lang)
        case .gitlab:
            text = GitLabCodeQuality(language: common.lang).check(reports)
        }
        output.emit(text)
        let code = gate.policy.exitCode(for: reports)
        if code != 0 { throw ExitCode(code) }
    }
}

extension CheckCommand {
    /// Text and JSON are written unit by unit, in the order of the files, as soon as each unit
    /// and those before it are judged: a folder of any size is checked in the memory of a few units.
    private func stream(_ paths: [String], _ judge: @escaping @Sendable (String) -> UnitReport, _ session: Session) throws {
        let language = common.lang
        let out = StreamedOutput(output)
        var findings = Gate.Findings()
        let separator = Array(("\n" + String(repeating: "─", count: 72) + "\n\n").utf8)
        let text = ScorecardText(criteria: session.criteria, language: language, colour: output.colour)
        let json = format == .json
        var document = ScorecardJSON.Document(language: language)
        var first = true
        Pipeline.ordered(paths, { path -> ([UInt8], UnitReport.Tally) in
            let report = judge(path)
            return (json ? ScorecardJSON.part(report, language) : Array(text.render(report).utf8), report.tally)
        }, consume: { part, tally in
            findings = UnitReport.Tally.findings([tally], adding: findings)
            if json {
                document.add(part, tally)
                out.write(document.take())
            } else {
                if !first { out.write(separator) }
                out.write(part)
                first = false
            }
        })
        if json {
            document.finish()
            out.write(document.take())
        }
        out.finish()
        let code = gate.policy.exitCode(findings)
        if code != 0 { throw ExitCode(code) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif, github, gitlab
}
