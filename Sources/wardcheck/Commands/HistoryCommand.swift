import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Diễn biến qua các kỳ / the audit replayed over the git history of the wards folder, one reading per period.",
        discussion: """
        Mỗi kỳ (tháng, quý, tuần) lấy commit cuối cùng trên nhánh chính, vào hoặc trước ngày cuối kỳ, có
        thay đổi thư mục --path, và kiểm tra thư mục ở phiên bản đó như lệnh audit, đánh giá theo ngày
        cuối kỳ (hôm nay với kỳ đang diễn ra) trừ khi có --as-of. Đơn vị được nhận
        theo mã, nên tệp đổi tên hay chuyển chỗ vẫn là một đơn vị; tệp không hợp lệ ở một phiên bản được
        tính là không hợp lệ ở kỳ đó. Tiêu chí dùng là tiêu chí hiện tại (--criteria), để mọi kỳ được đo
        bằng một thước.
        For each period (month, quarter, week), the last main-line commit on or before the period's last
        day that changed the --path folder is audited as `audit` would, judged on the period's last day
        (today for the period under way) unless --as-of is given. Units are matched by code, so a
        renamed or moved file is the same unit; a file invalid at a revision counts as invalid for that
        period. Every reading uses today's criteria (--criteria), so all periods are measured alike.

        Ví dụ / example:
          wardcheck history --since 2025-07-01 --format html -o history.html
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var report: ReportFormatOptions
    @OptionGroup(title: "Văn bản hành chính / the administrative document (--format docx)") var official: OfficialOptions

    @Option(name: .long, help: "Thư mục hồ sơ trong kho git / the wards folder in the repository.")
    var path: String = "wards"

    @Option(name: .long, help: "Từ ngày YYYY-MM-DD (mặc định: commit đầu tiên của thư mục) / from this day (default: the folder's first commit).")
    var since: AsOf?

    @Option(name: .long, help: "Đến ngày YYYY-MM-DD (mặc định: hôm nay) / up to this day (default: today).")
    var until: AsOf?

    @Option(name: .long, help: "Mỗi kỳ một lần đọc / one reading per: month | quarter | week.")
    var every: Period = .month

    @Option(name: .long, help: "Đọc lịch sử đến phiên bản này / the history up to this revision.")
    var rev: String = "HEAD"

    @Option(name: .long, help: "Danh sách đơn vị cho mọi kỳ / roster for every period (default: the folder's own roster.yaml at each revision).")
    var roster: String?

    @Option(name: .long, help: "Tệp miễn trừ cho mọi kỳ / waivers for every period (default: the folder's own waivers.yaml at each revision).")
    var waivers: String?

    @Option(name: .long, help: "Ngày đánh giá YYYY-MM-DD cho mọi kỳ (mặc định: ngày cuối mỗi kỳ) / judge every reading on this day (default: each period's last day).")
    var asOf: AsOf?

    @Option(name: .long, help: "Số liệu cũ hơn số ngày này là quá hạn / facts older than this many days are stale (default: 90).")
    var staleAfter: Int = AuditAccumulator.defaultStaleAfterDays



    func validate() throws {
        guard staleAfter >= 0 else {
            throw ValidationError(common.lang == .vi ? "--stale-after cần một số ngày không âm, ví dụ 90" : "--stale-after takes a non-negative number of days, e.g. 90")
        }
        if let since, let until, since.day > until.day {
            throw ValidationError(common.lang == .vi ? "--since phải trước --until" : "--since must come before --until")
        }
    }

    func run() throws {
        let language = common.lang
        let session = try Session(common)
        let heading = try official.heading(language)
        let criteria = session.criteria
        let repository: WardsRepository
        let commits: [WardsRepository.Commit]
        do {
            repository = try WardsRepository(path: path)
            commits = try repository.commits(upTo: rev)
        } catch let failure as GitProcess.Failure {
            printError("wardcheck history: " + failure.message.text(language))
            throw ExitCode(ExitStatus.invalidInput)
        }
        guard !commits.isEmpty else {
            printError(language == .vi ? "wardcheck history: không có commit nào thay đổi \(path) đến \(rev)"
                                       : "wardcheck history: no commit up to \(rev) changed \(path)")
            throw ExitCode(ExitStatus.invalidInput)
        }

        let audit = FolderAudit(criteria: criteria, roster: roster, waivers: waivers, staleAfter: staleAfter)
        let checkout = CheckedOutWards(repository: repository)
        let today = Day.today()
        var points: [History.Point] = []
        // The same tree judged on the same day gives the same audit: with --as-of, a period with no
        // new commit reuses the reading before it.
        var last: (tree: String, day: Day, reading: History.Reading)?
        for planned in HistoryPlan.readings(every: every, commits: commits, since: since?.day, until: until?.day ?? today) {
            // Each reading is the audit as it stood at the period's end (today for the period under
            // way): date windows and stale facts are counted to that day, as the city would have.
            let day = asOf?.day ?? min(planned.end, today)
            let reading: History.Reading
            do {
                if let tree = try repository.tree(at: planned.commit.id) {
                    if let last, last.tree == tree, last.day == day {
                        reading = last.reading
                    } else {
                        // One revision at a time, reduced to its figures before the next: memory follows the series, not the history.
                        reading = try checkout.withTree(tree) { folder in
                            switch audit.run(folder: folder, on: day) {
                            case .success(let result): return .audited(History.Figures(result))
                            case .failure(let failure): return .failed(failure.message.map { $0.replacingOccurrences(of: folder, with: "\(planned.commit.short):\(path)") })
                            }
                        }
                        last = (tree, day, reading)
                    }
                } else {
                    reading = .absent
                }
            } catch let failure as GitProcess.Failure {
                reading = .failed(failure.message)
            } catch {
                reading = .failed(Localized(error.localizedDescription))
            }
            if case .failed(let reason) = reading {
                printError("wardcheck history: \(planned.period) (\(planned.commit.short)): " + reason.text(language))
            }
            points.append(History.Point(period: planned.period, end: planned.end, judgedOn: day, commit: planned.commit, reading: reading))
        }

        // Read on `today`: the last period, when it holds today (or the --as-of day), is marked as under way.
        let history = History(criteria: criteria.criteria.map { ($0.id, $0.group, $0.title) }, path: path, every: every,
                              evaluatedOn: asOf?.day, points: points, readOn: today, criteriaSet: criteria.identity)
        // Every format but JSON (its own documented schema) writes the one document.
        if report.format == .json {
            output.emit(HistoryJSON.render(history, language: language))
        } else {
            try output.emit(HistoryDocument.build(history, language: language), as: report.format, csvSeparator: report.csvSeparator, generator: "wardcheck history") {
                heading.dated(asOf?.day ?? today)
            }
        }
    }
}

extension Period: ExpressibleByArgument {}
