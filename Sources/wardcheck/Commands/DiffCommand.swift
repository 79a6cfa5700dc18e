import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "So sánh hai lần kiểm tra / compare two audits: who became ready, who regressed, what the plan costs now.",
        discussion: """
        TRƯỚC và SAU là báo cáo JSON của `wardcheck audit --format json`, hoặc thư mục hồ sơ (kiểm tra
        ngay, như lệnh audit), hoặc — với --git — hai phiên bản git của thư mục --path.
        OLD and NEW are each an audit JSON report (`wardcheck audit --format json`), or a wards folder
        (audited on the spot, as `audit` does), or — with --git — two git revisions of the --path folder.

        Ví dụ / examples:
          wardcheck diff reports/audit-2025-06.json wards
          wardcheck diff --git main~1 main --path wards --format html -o diff.html

        Mã thoát / exit codes: 0 so sánh xong / compared; 1 với --fail-on-regression, khi có đơn vị mất
        tiêu chí hoặc không còn được đánh giá / with --fail-on-regression, a unit lost a criterion or
        dropped out; 2 không đọc được đầu vào / an input could not be read; 64 cách gọi sai / usage error.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var report: ReportFormatOptions
    @OptionGroup(title: "Văn bản hành chính / the administrative document (--format docx)") var official: OfficialOptions

    @Flag(name: .long, help: "TRƯỚC và SAU là phiên bản git (commit, nhánh, thẻ) của thư mục --path / OLD and NEW are git revisions of the --path folder.")
    var git = false

    @Option(name: .long, help: "Thư mục hồ sơ trong kho git, với --git / the wards folder in the repository, with --git.")
    var path: String = "wards"

    @Option(name: .long, help: "Danh sách đơn vị cho mọi thư mục / roster for every folder (default: each folder's roster.yaml).")
    var roster: String?

    @Option(name: .long, help: "Tệp miễn trừ cho mọi thư mục / waivers for every folder (default: each folder's waivers.yaml).")
    var waivers: String?

    @Option(name: .long, help: "Ngày đánh giá YYYY-MM-DD cho thư mục và phiên bản (mặc định: hôm nay cho thư mục, ngày commit cho phiên bản git) / the day folders and revisions are judged on (default: today for a folder, the commit's day for a git revision).")
    var asOf: AsOf?

    @Option(name: .long, help: "Số liệu cũ hơn số ngày này là quá hạn / facts older than this many days are stale (default: 90).")
    var staleAfter: Int = AuditAccumulator.defaultStaleAfterDays



    @Flag(name: .long, help: "Thoát với mã 1 khi có đơn vị mất tiêu chí hoặc không còn được đánh giá / exit 1 when a unit lost a criterion or dropped out.")
    var failOnRegression = false

    @Argument(help: ArgumentHelp("Lần trước: tệp JSON, thư mục, hoặc phiên bản git / the earlier audit: JSON file, folder, or git revision.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("Lần sau / the later audit.", valueName: "new"))
    var new: String

    func validate() throws {
        guard staleAfter >= 0 else {
            throw ValidationError(common.lang == .vi ? "--stale-after cần một số ngày không âm, ví dụ 90" : "--stale-after takes a non-negative number of days, e.g. 90")
        }
    }

    func run() throws {
        let language = common.lang
        let heading = try official.heading(language)
        let needsCriteria = git || [old, new].contains(where: isFolder)
        // Two saved reports compare without criteria; when criteria are at hand they give titles in the chosen language.
        let criteria: CriteriaSet? = needsCriteria || (try? common.criteriaFolder) != nil ? try Session(common).criteria : nil
        let repository: WardsRepository? = try git ? gitRepository() : nil
        // Nothing is written to an input: not to a saved report compared, nor to a file of a folder audited.
        if !git {
            let inputs = [old, new].flatMap { isFolder($0) ? FolderWalk.yamlFiles(in: $0).map(\.path) : [$0] } + [roster, waivers, official.official].compactMap { $0 }
            try output.refuseOverwriting(inputs, criteria: criteria?.folder, language: language)
        }

        let before = try snapshot(old, criteria: criteria, repository: repository)
        let after = try snapshot(new, criteria: criteria, repository: repository)
        let diff = AuditDiff(old: before, new: after)

        // Every format but JSON (its own documented schema) writes the one document.
        if report.format == .json {
            output.emit(DiffJSON.render(diff, language: language))
        } else {
            try output.emit(DiffDocument.build(diff, language: language), as: report.format, csvSeparator: report.csvSeparator, generator: "wardcheck diff") {
                // Dated as the later audit was judged, as the audit's document is.
                heading.dated(diff.new.evaluatedOn ?? Day.today())
            }
        }

        if failOnRegression, diff.losses > 0 || !diff.stoppedReady.isEmpty || !diff.departed.isEmpty {
            throw ExitCode(ExitStatus.criteriaNotMet)
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    private func fail(_ message: Localized) -> ExitCode {
        printError("wardcheck diff: " + message.text(common.lang))
        return ExitCode(ExitStatus.invalidInput)
    }

    private func gitRepository() throws -> WardsRepository {
        do {
            return try WardsRepository(path: path)
        } catch let failure as GitProcess.Failure {
            throw fail(failure.message)
        }
    }

    private func snapshot(_ side: String, criteria: CriteriaSet?, repository: WardsRepository?) throws -> AuditSnapshot {
        if let repository, let criteria {
            return try revision(side, repository, criteria)
        }
        if isFolder(side), let criteria {
            // A folder is today's state, judged today as `audit` judges it.
            return AuditSnapshot(try audit(folder: side, criteria, on: asOf?.day ?? Day.today()), source: side)
        }
        do {
            return try AuditReportReader.read(path: side, titles: criteria)
        } catch let failure as AuditReportReader.Failure {
            throw fail(failure.message)
        }
    }

    /// `shownAs`: how the folder is named in messages (a revision's temporary copy reads `REV:path`).
    private func audit(folder: String, _ criteria: CriteriaSet, on day: Day, shownAs: String? = nil) throws -> Audit {
        let run = FolderAudit(criteria: criteria, roster: roster, waivers: waivers, staleAfter: staleAfter)
        switch run.run(folder: folder, on: day) {
        case .success(let audit): return audit
        case .failure(let failure):
            func named(_ text: String) -> String { shownAs.map { text.replacingOccurrences(of: folder, with: $0) } ?? text }
            for var d in failure.diagnostics {
                d.file = named(d.file)
                printError(DiagnosticText.render(d, language: common.lang))
            }
            throw fail(failure.message.map(named))
        }
    }

    /// The folder at a revision, audited from a temporary copy; file names then read `REV:path/file`.
    /// A revision is judged on the day it was committed, the day its facts were the city's record:
    /// judged today, every date window of an old revision would have lapsed.
    private func revision(_ revision: String, _ repository: WardsRepository, _ criteria: CriteriaSet) throws -> AuditSnapshot {
        do {
            let commit = try repository.commit(revision)
            guard let tree = try repository.tree(at: commit.id) else {
                throw fail(Localized(vi: "không có thư mục \(path) ở phiên bản \(revision) (\(commit.short))",
                                     en: "there is no folder \(path) at revision \(revision) (\(commit.short))"))
            }
            let label = "\(revision):\(path)"
            return try CheckedOutWards(repository: repository).withTree(tree) { folder in
                var snapshot = AuditSnapshot(try audit(folder: folder, criteria, on: asOf?.day ?? commit.day, shownAs: label),
                                             source: "\(label) (\(commit.short), \(commit.day))")
                // For people, the commit's day as they write it.
                snapshot.shownAs = Localized(vi: "\(label) (\(commit.short), \(commit.day.written(.vi)))",
                                             en: "\(label) (\(commit.short), \(commit.day.written(.en)))")
                let prefix = folder + "/"
                func relabel(_ file: String) -> String {
                    file.hasPrefix(prefix) ? label + "/" + file.dropFirst(prefix.count) : file
                }
                for i in snapshot.units.indices { snapshot.units[i].file = relabel(snapshot.units[i].file) }
                for i in snapshot.invalid.indices { snapshot.invalid[i].file = relabel(snapshot.invalid[i].file) }
                return snapshot
            }
        } catch let failure as GitProcess.Failure {
            throw fail(failure.message)
        }
    }
}
