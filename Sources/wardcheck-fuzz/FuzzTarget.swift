import Foundation
import WardcheckCore
import WardcheckReports

/// The whole pipeline on one input, as a ward file would go through it: YAML → validate →
/// evaluate → every unit report. Besides "no crash", checks what the formats promise about hostile
/// text, so that a broken promise is a crash the fuzzer can find and keep.
enum FuzzTarget {
    /// Loaded once: the criteria the repository ships (`WARDCHECK_CRITERIA`, else ./criteria).
    static let setup: (Evaluator, Catalogue) = {
        guard let folder = CriteriaLocation.resolve(flag: nil), let set = CriteriaSet.load(folder: folder).0 else {
            fatalError("wardcheck-fuzz: no criteria; run from the repository root or set WARDCHECK_CRITERIA")
        }
        return (Evaluator(criteria: set, asOf: Day(iso: "2025-08-01")), set.catalogue)
    }()

    static func run(_ bytes: [UInt8]) {
        let (evaluator, catalogue) = setup
        let loaded = FactsFile.load(bytes: bytes, path: "fuzz.yaml", validator: evaluator.criteria.validator,
                                    checks: UnitReport.checks(evaluator))
        let report = UnitReport.check(loaded, evaluator: evaluator)

        for d in report.diagnostics {
            precondition(d.start.line >= 1 && d.start.column >= 1, "diagnostic before the file: \(d.start)")
        }
        precondition(report.diagnostics.count <= DiagnosticSink.shownPerFile + 1, "more diagnostics than a file shows")

        for language in Language.allCases {
            let text = ScorecardText(criteria: evaluator.criteria, language: language).render(report)
            precondition(!text.unicodeScalars.contains { HiddenCharacters.isHidden($0) && $0 != "\n" && $0 != "\t" },
                         "a hidden character reached the text output raw")
            let github = GitHubAnnotations.check([report], language: language)
            for line in github.split(separator: "\n") {
                precondition(["::group::", "::endgroup::", "::error ", "::warning ", "::notice ", "wardcheck: "].contains { line.hasPrefix($0) },
                             "the GitHub output has a line wardcheck did not write: \(line)")
            }
            _ = ScorecardJSON.render([report], language: language)
            _ = JUnitReport.check([report], language: language)
            let gitlab = GitLabCodeQuality(language: language, root: "/", workingDirectory: "/").check([report])
            guard let issues = (try? JSONSerialization.jsonObject(with: Data(gitlab.utf8))) as? [[String: Any]] else {
                preconditionFailure("the GitLab report is not a JSON array of objects")
            }
            let fingerprints = Set(issues.compactMap { $0["fingerprint"] as? String })
            precondition(fingerprints.count == issues.count, "two GitLab findings share a fingerprint, or one has none")
        }
    }
}

#if FUZZING
/// libFuzzer's entry point (built with `make fuzz`: -sanitize=fuzzer -DFUZZING).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM names an executable's entry point after its module and links `main` to it; libFuzzer's
/// own `main` is replaced by its documented driver, LLVMFuzzerRunDriver.
@_cdecl("wardcheck_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#else
/// Without libFuzzer, the same target replays the files it is given: the regression fixtures in
/// Tests/Fixtures/fuzz/ run through it on every `swift test`.
@main
enum Replay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                _ = Descriptor.writeAll(2, Array("wardcheck-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzTarget.run([UInt8](data))
            count += 1
        }
        print("wardcheck-fuzz: \(count) inputs, no crash")
    }
}
#endif
