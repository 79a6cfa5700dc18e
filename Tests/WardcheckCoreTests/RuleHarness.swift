import Foundation
import WardcheckCore
import XCTest
import YAMLTree

/// Compiles one hand-written criterion against the shipped facts schema and catalogue, and
/// evaluates it on small facts snippets: the rule language tested form by form, apart from the
/// shipped criteria (which use only some of its forms).
struct RuleHarness {
    let set: CriteriaSet
    let criterion: Criterion

    /// `checks` is the YAML of the criterion's `checks:` list, its items written at column 3.
    init(checks: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (loaded, diagnostics) = try Self.load(checks: checks)
        guard let loaded, let criterion = loaded.criterion("TX") else {
            XCTFail("criterion failed to load: " + diagnostics.map { "\($0.start) \($0.message.en)" }.joined(separator: "; "), file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        set = loaded
        self.criterion = criterion
    }

    /// The errors of a criterion that should not load.
    static func loadErrors(checks: String) throws -> [Diagnostic] {
        let (loaded, diagnostics) = try load(checks: checks)
        XCTAssertNil(loaded)
        return diagnostics.filter(\.isError)
    }

    /// A criteria folder of the shipped schema and catalogue and one criterion, TX, with these checks.
    private static func load(checks: String) throws -> (CriteriaSet?, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-rule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in [CriteriaSet.schemaFile, CriteriaSet.catalogueFile] {
            try FileManager.default.copyItem(atPath: Repo.criteria + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        // The loader insists on a passing and a failing example; these two are never run here.
        let text = """
        id: TX
        group: network
        title: { vi: "Thử", en: "Test" }
        rationale: { vi: "Thử", en: "Test" }
        source: "test"
        checks:
        \(checks)
        examples:
          - { facts: { as_of: 2025-07-05 }, expect: passed }
          - { facts: { as_of: 2025-07-05 }, expect: failed }

        """
        try text.write(to: folder.appendingPathComponent("TX.yaml"), atomically: true, encoding: .utf8)
        return CriteriaSet.load(folder: folder.path)
    }

    /// Evaluates the criterion on a facts snippet (a partial facts file), judged on `day`.
    func result(_ facts: String, on day: String? = "2025-07-05", waivers: Waivers = .none,
                detail: Evaluator.Detail = .everyCheck) throws -> CriterionResult {
        let loaded = YAMLLoader.load(string: facts)
        let root = try XCTUnwrap(loaded.root, "snippet does not parse: \(facts)")
        let sink = DiagnosticSink(file: "snippet.yaml")
        let parsed = set.validator.validate(root, file: "snippet.yaml", sink: sink, partial: true)
        XCTAssertFalse(sink.hasErrors, sink.diagnostics.map(\.message.en).joined(separator: "; "))
        return Evaluator(criteria: set, waivers: waivers, detail: detail).evaluate(criterion, facts: parsed, on: day.flatMap(Day.init(iso:)))
    }

    func outcome(_ facts: String, on day: String? = "2025-07-05") throws -> Outcome {
        try result(facts, on: day).outcome
    }
}
