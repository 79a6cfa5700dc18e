import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Tổng hợp toàn quốc / many provinces' audits in one national report: provinces ranked, criteria, the national plan.",
        discussion: """
        Mỗi ĐẦU_VÀO là báo cáo JSON của `wardcheck audit --format json`, hoặc thư mục hồ sơ của một tỉnh
        (kiểm tra ngay, như lệnh audit, với roster.yaml và waivers.yaml của thư mục đó).
        Each INPUT is an audit JSON report (`wardcheck audit --format json`) or a province's wards folder
        (audited on the spot, as `audit` does, with that folder's own roster.yaml and waivers.yaml).

        Không cộng chung (mã thoát 2): một mã đơn vị có trong hai báo cáo; báo cáo làm theo bộ tiêu chí khác nhau.
        Cộng và ghi chú trong báo cáo: báo cáo đánh giá vào những ngày khác nhau; báo cáo không ghi bộ tiêu chí.
        Refused (exit 2): a unit code in two audits; audits made with different criteria sets.
        Added, with a note in the report: audits judged on different days; an audit that does not record its criteria set.

        Ví dụ / example:
          wardcheck rollup reports/*.json --format html -o national.html

        Mã thoát / exit codes: 0 tổng hợp xong / rolled up; 2 không đọc được đầu vào hoặc không cộng chung được /
        an input could not be read, or the audits cannot be added; 64 cách gọi sai / usage error.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var report: ReportFormatOptions
    @OptionGroup(title: "Văn bản hành chính / the administrative document (--format docx)") var official: OfficialOptions

    @Option(name: .long, help: "Ngày đánh giá YYYY-MM-DD cho các thư mục (mặc định: hôm nay) / the day folders are judged on (default: today).")
    var asOf: AsOf?

    @Option(name: .long, help: "Số liệu cũ hơn số ngày này là quá hạn / facts older than this many days are stale (default: 90).")
    var staleAfter: Int = AuditAccumulator.defaultStaleAfterDays



    @Argument(help: ArgumentHelp("Báo cáo JSON hoặc thư mục của từng tỉnh / each province's audit JSON report or wards folder.", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        guard staleAfter >= 0 else {
            throw ValidationError(common.lang == .vi ? "--stale-after cần một số ngày không âm, ví dụ 90" : "--stale-after takes a non-negative number of days, e.g. 90")
        }
        guard !inputs.isEmpty else {
            throw ValidationError(common.lang == .vi
                ? "cần ít nhất một báo cáo JSON hoặc thư mục; ví dụ: wardcheck rollup reports/*.json"
                : "name at least one audit JSON report or folder; e.g. wardcheck rollup reports/*.json")
        }
    }

    func run() throws {
        let language = common.lang
        let heading = try official.heading(language)
        // Saved reports add up without criteria; when criteria are at hand they give titles in the chosen language.
        let needsCriteria = inputs.contains(where: isFolder)
        let criteria: CriteriaSet? = needsCriteria || CriteriaLocation.resolve(flag: common.criteria) != nil ? try Session(common).criteria : nil
        // Nothing is written to an input: not to a report added, nor to a file of a folder audited.
        let read = inputs.flatMap { isFolder($0) ? FolderWalk.yamlFiles(in: $0).map(\.path) : [$0] } + [official.official].compactMap { $0 }
        try output.refuseOverwriting(read, criteria: criteria?.folder, language: language)

        let day = asOf?.day ?? Day.today()
        var audits: [ProvinceAudit] = []
        for input in inputs {
            if isFolder(input), let criteria {
                audits.append(ProvinceAudit(try audit(folder: input, criteria, on: day), source: input))
            } else {
                do {
                    audits.append(try AuditReportReader.province(path: input, titles: criteria))
                } catch let failure as AuditReportReader.Failure {
                    throw fail(failure.message)
                }
            }
        }
        let rollup: Rollup
        do {
            rollup = try Rollup.make(audits)
        } catch let refusal as RollupRefusal {
            throw fail(refusal.message)
        }

        // Every format but JSON (its own documented schema) writes the one document.
        if report.format == .json {
            output.emit(RollupJSON.render(rollup, language: language))
        } else {
            try output.emit(RollupDocument.build(rollup, language: language), as: report.format, csvSeparator: report.csvSeparator,
                            generator: "wardcheck rollup") {
                // Dated as the audits were judged; the latest of their days when they differ.
                heading.dated(rollup.evaluatedOn ?? audits.compactMap(\.evaluatedOn).max() ?? day)
            }
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    private func fail(_ message: Localized) -> ExitCode {
        printError("wardcheck rollup: " + message.text(common.lang))
        return ExitCode(ExitStatus.invalidInput)
    }

    /// A province's folder audited as `audit` audits it, with the folder's own roster and waivers.
    private func audit(folder: String, _ criteria: CriteriaSet, on day: Day) throws -> Audit {
        let run = FolderAudit(criteria: criteria, roster: nil, waivers: nil, staleAfter: staleAfter)
        switch run.run(folder: folder, on: day) {
        case .success(let audit): return audit
        case .failure(let failure):
            for d in failure.diagnostics { printError(DiagnosticText.render(d, language: common.lang)) }
            throw fail(failure.message)
        }
    }
}
