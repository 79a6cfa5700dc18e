import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Chạy mọi ví dụ của mọi tiêu chí / run every example of every criterion.",
        discussion: "Thoát 0 khi mọi ví dụ đúng, 1 khi có ví dụ sai, 2 khi tiêu chí không nạp được. / Exits 0 when every example behaves as it says, 1 on any mismatch, 2 when the criteria cannot load."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Chỉ chạy tiêu chí này / only this criterion (e.g. TC06).")
    var criterion: String?

    func run() throws {
        let session = try Session(common)
        let runner = ExampleRunner(criteria: session.criteria)
        var selected = session.criteria.criteria
        if let criterion {
            selected = selected.filter { $0.id == criterion }
            if selected.isEmpty {
                throw ValidationError(common.lang == .vi ? "không có tiêu chí \(criterion)" : "no criterion \(criterion)")
            }
        }
        var failures = 0
        var total = 0
        var out = ""
        for c in selected {
            let runs = runner.run(c)
            total += runs.count
            let bad = runs.filter { !$0.passed }
            failures += bad.count
            out += "\(bad.isEmpty ? "✓" : "✗") \(c.id) \(c.title.text(common.lang)): \(runs.count - bad.count)/\(runs.count)\n"
            for run in bad {
                for d in run.problems { out += DiagnosticText.render(d, language: common.lang) }
            }
        }
        // The closing line stays English in both languages: CI tools read it.
        out += "\(total - failures) passed, \(failures) failed\n"
        StandardStreams.out(out)
        if failures > 0 { throw ExitCode(ExitStatus.criteriaNotMet) }
    }
}
