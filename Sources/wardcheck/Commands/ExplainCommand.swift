import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Giải thích từng bước đánh giá một tiêu chí / trace how one criterion was judged."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var rosterOption: RosterOptions

    @Option(name: .long, help: "Mã tiêu chí / criterion id, e.g. TC06.")
    var criterion: String

    @Option(name: .long, help: "Tệp miễn trừ / waivers file.")
    var waivers: String?

    @Option(name: .long, help: "Ngày đánh giá YYYY-MM-DD / judge as of this day.")
    var asOf: AsOf?

    @Argument(help: "Tệp dữ kiện / the facts file.")
    var file: String

    func run() throws {
        let session = try Session(common)
        guard session.criteria.criterion(criterion) != nil else {
            let ids = session.criteria.criteria.map(\.id)
            throw ValidationError((common.lang == .vi ? "không có tiêu chí \(criterion); có: " : "no criterion \(criterion); there are: ") + ids.joined(separator: ", "))
        }
        let roster = try session.roster(rosterOption.roster)
        let evaluator = Evaluator(criteria: session.criteria, waivers: try session.waivers(waivers, roster: roster), asOf: asOf?.day,
                                  today: Day.today(), roster: roster)
        let report = UnitReport.check(path: file, evaluator: evaluator)
        guard let card = report.scorecard, let result = card.results.first(where: { $0.id == criterion }) else {
            StandardStreams.out(ScorecardText(criteria: session.criteria, language: common.lang).render(report))
            throw ExitCode(ExitStatus.invalidInput)
        }
        StandardStreams.out(ExplainText.render(result, card: card, language: common.lang, schema: session.criteria.schema))
    }
}
