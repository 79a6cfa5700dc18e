import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        // Run straight from the command line (DirectCommand), this command is the parser's root: naming
        // its super-command keeps help saying "wardcheck validate" and skips the root's check for
        // `--generate-completion-script`, which that line cannot hold (the root parses it instead).
        _superCommandName: "wardcheck",
        abstract: "Kiểm tra định dạng tệp dữ kiện / check facts files against the format.",
        discussion: "Mọi lỗi trong mọi tệp được báo cáo / every error in every file is reported.\n\n" + ExitStatus.help
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var changes: ChangedSinceOptions
    @OptionGroup var rosterOption: RosterOptions

    @Option(name: .long, help: "Định dạng / format: text | json | junit | sarif | github | gitlab (GitLab Code Quality).")
    var format: ValidateFormat = .text

    @Argument(help: "Tệp hoặc thư mục dữ kiện / facts files or folders.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty, changes.changedSince == nil {
            throw ValidationError(common.lang == .vi ? "cần ít nhất một tệp dữ kiện, ví dụ: wardcheck validate wards/" : "name at least one facts file, e.g. wardcheck validate wards/")
        }
    }

    func run() throws {
        let session = try Session(common)
        let paths = try changes.files(files, language: common.lang)
        let checks = FileChecks(today: Day.today(), roster: try session.roster(rosterOption.roster))
        try output.refuseOverwriting(paths.map(\.path) + [rosterOption.roster].compactMap { $0 }, criteria: session.criteria.folder, language: common.lang)
        let skipped = WardInput.skipped(paths)
        let results = Pipeline.map(paths.map(\.path)) { path in
            skipped[path] ?? FactsFile.load(path: path, validator: session.criteria.validator, checks: checks)
        }
        let text: String
        switch format {
        case .text: text = ValidationText.render(results, language: common.lang, colour: output.colour)
        case .json: text = ValidationJSON.render(results, language: common.lang)
        case .junit: text = JUnitReport.validate(results, language: common.lang)
        case .sarif:
            text = SARIFLog(toolVersion: WardcheckVersion.current, language: common.lang,
                            workingDirectory: FileManager.default.currentDirectoryPath).validate(results)
        case .github: text = GitHubAnnotations.validate(results, language: common.lang)
        case .gitlab: text = GitLabCodeQuality(language: common.lang).validate(results)
        }
        output.emit(text)
        // Only `invalid` can occur here: validate judges no criterion.
        let code = gate.policy.exitCode(invalidFiles: results.filter { !$0.isValid }.count, failed: 0, notReported: 0)
        if code != 0 { throw ExitCode(code) }
    }
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// validate's own formats: the CI ones make no sense for `criteria`, which shares DiagnosticsFormat.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, sarif, github, gitlab
}
