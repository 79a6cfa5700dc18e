import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        // Run straight from the command line (DirectCommand), this command is the parser's root: naming
        // its super-command keeps help saying "wardcheck check" and skips the root's check for
        // `--generate-completion-script`, which that line cannot hold (the root parses it instead).
        _superCommandName: "wardcheck",
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
        let language = common.lang
        switch format {
        case .text:
            let renderer = ScorecardText(criteria: session.criteria, language: language, colour: output.colour)
            try writeInOrder(paths, judge, into: ScorecardText.Document()) { Array(renderer.render($0).utf8) }
        case .json:
            try writeInOrder(paths, judge, into: ScorecardJSON.Document(language: language)) { ScorecardJSON.part($0, language) }
        case .junit:
            try writeSpilled(paths, judge)
        case .sarif:
            let run = SARIFLog(toolVersion: WardcheckVersion.current, language: language,
                               workingDirectory: FileManager.default.currentDirectoryPath).checkRun(criteria: session.criteria, files: paths)
            let results = run.results
            try writeInOrder(paths, judge, into: run, results.check)
        case .github:
            try writeInOrder(paths, judge, into: GitHubAnnotations.Document(language: language)) { GitHubAnnotations.part($0, language) }
        case .gitlab:
            let document = GitLabCodeQuality.CheckDocument(GitLabCodeQuality(language: language), files: paths)
            let parts = document.parts
            try writeInOrder(paths, judge, into: document, parts.part)
        }
    }
}

extension CheckCommand {
    /// Every format but JUnit is written unit by unit, in the order of the files, as soon as each
    /// unit and those before it are judged: a folder of any size is checked in the memory of a
    /// few units. `part` runs on the core that judged the unit; only its tally is kept, for the
    /// exit code.
    private func writeInOrder<Document: UnitByUnitDocument>(_ paths: [String], _ judge: @escaping @Sendable (String) -> UnitReport,
                                                            into document: Document,
                                                            _ part: @escaping @Sendable (UnitReport) -> Document.Part) throws {
        var document = document
        let out = StreamedOutput(output)
        var findings = Gate.Findings()
        // What the document wrote before any unit (SARIF's header, the JSON opening).
        out.write(document.take())
        Pipeline.ordered(paths, { path -> (Document.Part, UnitReport.Tally) in
            let report = judge(path)
            return (part(report), report.tally)
        }, consume: { part, tally in
            findings = UnitReport.Tally.findings([tally], adding: findings)
            document.add(part, tally)
            out.write(document.take())
        })
        document.finish()
        out.write(document.take())
        out.finish()
        try finish(findings)
    }

    /// JUnit's root element counts every suite, so the suites are set aside on disk as they are
    /// judged and written under the root once the counts are known (`JUnitStream`).
    private func writeSpilled(_ paths: [String], _ judge: @escaping @Sendable (String) -> UnitReport) throws {
        let junit = JUnitStream(paths, judge: judge, language: common.lang, besides: output.output)
        try SpilledReport.write(to: output, keptInMemory: junit.keptInMemory, language: common.lang) { out in
            try junit.write(to: &out)
        }
        try finish(junit.findings)
    }

    /// The exit status, once the report is out.
    private func finish(_ findings: Gate.Findings) throws {
        let code = gate.policy.exitCode(findings)
        if code != 0 { throw ExitCode(code) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif, github, gitlab
}
