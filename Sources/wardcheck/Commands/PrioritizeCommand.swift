import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

/// `wardcheck prioritize WARDS --budget VND`: the city's audit, then what the budget should buy
/// first (`Prioritization`): the units it makes ready, then the criteria it meets elsewhere.
struct PrioritizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prioritize",
        abstract: "Ưu tiên kinh phí / what a budget should fund first: the most units ready, then the most criteria met.",
        discussion: """
        Đánh giá THƯ_MỤC như `wardcheck audit`, rồi chọn: trước hết nhiều đơn vị đạt đủ tiêu chí nhất
        (rẻ nhất trước), sau đó dùng số tiền còn lại cho các tiêu chí rẻ nhất ở các đơn vị khác.
        Audits DIR as `wardcheck audit` does, then chooses: first the most units made ready
        (cheapest first), then what is left on the cheapest criteria at the other units.

        --budget: số đồng, có thể viết 1.500.000.000 / whole đồng, digits or grouped by dots.
        Mã thoát / exit: 0 khi có báo cáo / when the report is written; 2 khi không đánh giá được
        đơn vị nào / when no unit could be evaluated; 64 lỗi cú pháp / usage error.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var report: ReportFormatOptions
    @OptionGroup var inputs: CityOptions
    @OptionGroup(title: "Văn bản hành chính / the administrative document (--format docx)") var official: OfficialOptions

    @Option(name: .long, help: ArgumentHelp("Ngân sách (đồng) / the budget in đồng, e.g. 1.500.000.000.", valueName: "vnd"))
    var budget: String

    @Option(name: .long, help: ArgumentHelp("Phần ngân sách của một bên / a party's own share of the budget, e.g. telecom=200.000.000 (the catalogue's roles; once each).", valueName: "role=vnd"))
    var budgetFor: [String] = []






    @Argument(help: ArgumentHelp("Thư mục hồ sơ các đơn vị / the folder of ward files.", valueName: "dir"))
    var folder: String = "wards"

    func validate() throws {
        guard AmountText.parse(budget) != nil else {
            throw ValidationError(common.lang == .vi
                ? "--budget cần một số đồng không âm, chỉ gồm chữ số, có thể nhóm bằng dấu chấm, ví dụ 1500000000 hoặc 1.500.000.000 (không phải \(shown(budget)))"
                : "--budget takes a non-negative whole number of đồng, digits optionally grouped by dots, e.g. 1500000000 or 1.500.000.000 (not \(shown(budget)))")
        }
        let vi = common.lang == .vi
        var named: Set<String> = []
        var shared = 0
        for share in budgetFor {
            let parts = share.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let amount = AmountText.parse(String(parts[1])) else {
                throw ValidationError(vi ? "--budget-for cần dạng BÊN=SỐ_ĐỒNG, ví dụ telecom=200.000.000 (không phải \(shown(share)))"
                                         : "--budget-for takes ROLE=VND, e.g. telecom=200.000.000 (not \(shown(share)))")
            }
            guard named.insert(String(parts[0])).inserted else {
                throw ValidationError(vi ? "--budget-for: bên \(shown(String(parts[0]))) được nêu hai lần" : "--budget-for: \(shown(String(parts[0]))) is given twice")
            }
            shared = shared.addingReportingOverflow(amount).overflow ? Int.max : shared + amount
        }
        if let total = AmountText.parse(budget), shared > total {
            throw ValidationError(vi ? "các phần --budget-for cộng lại (\(NumberText.money(shared, .vi))) vượt quá --budget (\(NumberText.money(total, .vi)))"
                                     : "the --budget-for shares add up to \(NumberText.money(shared, .en)), more than --budget (\(NumberText.money(total, .en)))")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError(common.lang == .vi
                ? "không có thư mục \(shown(folder)); ví dụ: wardcheck prioritize wards --budget 1.500.000.000"
                : "no folder \(shown(folder)); e.g. wardcheck prioritize wards --budget 1.500.000.000")
        }
    }

    func run() throws {
        let session = try Session(common)
        let language = common.lang
        let heading = try official.heading(language)
        // Checked in validate(); read again here because validate() cannot keep what it read.
        guard let amount = AmountText.parse(budget) else { throw ExitCode.validationFailure }
        var shares: [String: Int] = [:]
        for share in budgetFor {
            let parts = share.split(separator: "=", maxSplits: 1)
            let role = String(parts[0])
            // A role the catalogue does not know would take money no purchase can draw on.
            guard session.criteria.catalogue.roles[role] != nil else {
                let known = session.criteria.catalogue.roleOrder.joined(separator: ", ")
                printError(language == .vi ? "wardcheck: --budget-for: danh mục không có bên \(shown(role)); các bên: \(known)"
                                           : "wardcheck: --budget-for: the catalogue has no party \(shown(role)); its parties: \(known)")
                throw ExitCode.validationFailure
            }
            shares[role] = parts.count == 2 ? AmountText.parse(String(parts[1])) : nil
        }
        let city = inputs.run(session.criteria, folder: folder)
        let companions = try session.companions(of: city)
        let today = Day.today()
        let day = inputs.asOf?.day ?? today
        let files = city.files()
        try WardFiles.requireSome(files.map(WardInput.init), [folder], language)
        try output.refuseOverwriting(files.map(\.path) + city.companionPaths + [official.official].compactMap { $0 },
                                     criteria: session.criteria.folder, language: language)
        let audit = city.audit(files, companions: companions, on: day, today: today, staleAfterDays: inputs.staleAfter)
        // A decision on no unit would read as one on the city: refuse it, as `audit` does.
        guard audit.valid > 0 else {
            printError(language == .vi
                ? "wardcheck: không đánh giá được đơn vị nào (\(audit.files) tệp: \(audit.invalid.count) tệp không hợp lệ); không có gì để ưu tiên"
                : "wardcheck: no unit was evaluated (\(NumberText.counted(audit.files, vi: "tệp", en: "file", .en)): \(audit.invalid.count) invalid); nothing to prioritise")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let choice = Prioritization(audit: audit, budget: .init(total: amount, shares: shares))
        if report.format == .json {
            output.emit(PrioritizeJSON.render(choice, audit, language: language))
            return
        }
        try output.emit(PrioritizeDocument.build(choice, audit, language: language), as: report.format, csvSeparator: report.csvSeparator,
                        generator: "wardcheck prioritize") { heading.dated(day) }
    }
}
