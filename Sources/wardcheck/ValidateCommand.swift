import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kiểm tra định dạng tệp dữ kiện / check facts files against the format.",
        discussion: "Mọi lỗi trong mọi tệp được báo cáo / every error in every file is reported.\n\n" + ExitStatus.help
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Định dạng / format: text | json.")
    var format: DiagnosticsFormat = .text

    @Argument(help: "Tệp hoặc thư mục dữ kiện / facts files or folders.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty {
            throw ValidationError(common.lang == .vi ? "cần ít nhất một tệp dữ kiện, ví dụ: wardcheck validate wards/" : "name at least one facts file, e.g. wardcheck validate wards/")
        }
    }

    func run() throws {
        let session = try Session(common)
        let paths = WardFiles.expand(files)
        let results = Pipeline.map(paths) { FactsFile.load(path: $0, validator: session.criteria.validator) }
        let text: String
        switch format {
        case .text: text = ValidationText.render(results, language: common.lang, colour: output.colour)
        case .json: text = ValidationJSON.render(results, language: common.lang)
        }
        try output.emit(text)
        if results.contains(where: { !$0.isValid }) { throw ExitCode(ExitStatus.invalidInput) }
    }
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
