import YAMLTree

/// Runs every criterion's examples, the way SwiftLint runs every rule's triggering and
/// non-triggering examples: a criterion arrives tested, and `wardcheck verify` proves it.
public struct ExampleRunner: Sendable {
    public struct Run: Sendable {
        public var criterion: String
        public var example: Int
        public var name: String?
        public var expected: Outcome
        public var actual: Outcome?
        public var remedies: [Remedy]
        /// Empty when the example behaved as it says.
        public var problems: [Diagnostic]

        public var passed: Bool { problems.isEmpty }
    }

    public let criteria: CriteriaSet

    public init(criteria: CriteriaSet) { self.criteria = criteria }

    public func runAll() -> [Run] {
        criteria.criteria.flatMap(run)
    }

    public func run(_ criterion: Criterion) -> [Run] {
        let evaluator = Evaluator(criteria: criteria)
        let source = (try? String(contentsOfFile: criterion.file, encoding: .utf8)) ?? ""
        return criterion.examples.enumerated().map { index, example in
            let sink = DiagnosticSink(file: criterion.file)
            let facts = criteria.validator.validate(example.facts, file: criterion.file, sink: sink, partial: true)
            var run = Run(criterion: criterion.id, example: index + 1, name: example.name, expected: example.expect,
                          actual: nil, remedies: [], problems: [])
            if !sink.hasErrors {
                let result = evaluator.evaluate(criterion, facts: facts, on: facts.asOf)
                run.actual = result.outcome
                run.remedies = result.remedies
                check(example, result, sink)
            }
            run.problems = sink.finished(source: source)
            return run
        }
    }

    private func check(_ example: Example, _ result: CriterionResult, _ sink: DiagnosticSink) {
        let label = "\(result.id) example \(example.name.map { "“\($0)”" } ?? "")"
        // A purchase of nothing is the criterion's fault whatever the example expects: report it at the remedy.
        if let problem = result.problem, problem.isCriterionFault {
            sink.error(.configInvalid, at: problem.at ?? example.mark, Localized(
                vi: "\(label): \(problem.message.vi)", en: "\(label): \(problem.message.en)"),
                       hint: Localized(vi: "sửa `quantity` của biện pháp này để luôn ra số dương khi kiểm tra không đạt",
                                       en: "fix this remedy's `quantity` so that it is positive whenever the check fails"))
        }
        if result.outcome != example.expect {
            sink.error(.exampleMismatch, at: example.mark, Localized(
                vi: "\(label): mong đợi \(example.expect.label.vi), thực tế \(result.outcome.label.vi)",
                en: "\(label): expected \(example.expect.label.en), got \(result.outcome.label.en)"))
        }
        guard let expected = example.remedies else { return }
        var unmatched = result.remedies
        // Expectations that name a quantity are matched first, so a looser one cannot take their remedy.
        for want in expected.filter({ $0.quantity != nil }) + expected.filter({ $0.quantity == nil }) {
            let index = unmatched.firstIndex { remedy in
                let kindMatches = want.isReport ? remedy.kind == .report : want.kind.map { Self.same($0, remedy.kind) } ?? false
                return kindMatches && (want.quantity == nil || want.quantity == remedy.quantity)
            }
            if let index {
                unmatched.remove(at: index)
            } else {
                let wanted = want.isReport ? "report" : want.kind.map(Self.key) ?? "?"
                let got = result.remedies.map { "\($0.kindKey)\($0.quantity.map { "×\($0)" } ?? "")" }.joined(separator: ", ")
                sink.error(.exampleMismatch, at: example.mark, Localized(
                    vi: "\(label): thiếu biện pháp \(wanted)\(want.quantity.map { "×\($0)" } ?? ""); có: \(got.isEmpty ? "không có" : got)",
                    en: "\(label): expected remedy \(wanted)\(want.quantity.map { "×\($0)" } ?? ""); got: \(got.isEmpty ? "none" : got)"))
            }
        }
        for extra in unmatched {
            sink.error(.exampleMismatch, at: example.mark, Localized(
                vi: "\(label): biện pháp ngoài mong đợi \(extra.kindKey)\(extra.quantity.map { "×\($0)" } ?? "")",
                en: "\(label): unexpected remedy \(extra.kindKey)\(extra.quantity.map { "×\($0)" } ?? "")"))
        }
    }

    private static func same(_ spec: RemedySpec.Kind, _ kind: Remedy.Kind) -> Bool {
        switch (spec, kind) {
        case (.item(let a), .item(let b)), (.action(let a), .action(let b)): return a == b
        default: return false
        }
    }

    private static func key(_ spec: RemedySpec.Kind) -> String {
        switch spec {
        case .item(let k), .action(let k): return k
        }
    }
}
