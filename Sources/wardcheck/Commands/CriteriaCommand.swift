import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria",
        abstract: "Liệt kê các tiêu chí đã nạp / list the loaded criteria."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Định dạng / format: text | json.")
    var format: DiagnosticsFormat = .text

    func run() throws {
        let session = try Session(common)
        switch format {
        case .text: StandardStreams.out(CriteriaText.render(session.criteria, language: common.lang))
        case .json: StandardStreams.out(CriteriaText.json(session.criteria, language: common.lang).serialised())
        }
    }
}
