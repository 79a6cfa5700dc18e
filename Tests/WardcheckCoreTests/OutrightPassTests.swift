import Foundation
@testable import WardcheckCore
import XCTest

/// An audit's evaluator (`Evaluator.Detail.outcomes`) keeps a criterion that passes outright
/// without its working. Everything else it says must be what the full working says: outcome,
/// remedies, missing facts, problems, waivers, the facts a verdict held without. Held here over
/// every criterion's examples, the sample wards and the fixtures, and thousands of variations of
/// the sample wards (each number made 0 or large, each yes/no flipped, each line left out).
final class OutrightPassTests: XCTestCase {
    /// What a criterion's result says, but for the working of its checks.
    private func said(_ r: CriterionResult) -> String {
        let remedies = r.remedies.map { "\($0.kind)|\($0.quantity.map(String.init) ?? "-")|\($0.text.vi)|\($0.text.en)|\($0.who.vi)|\($0.facts)" }
        let missing = r.missing.map { "\($0.path)@\($0.block)@\($0.at)" }
        return [r.id, r.group, r.title.vi, "\(r.outcome)", "\(r.underlying)", remedies.joined(separator: ";"), missing.joined(separator: ";"),
                r.problem.map { "\($0.message.en)|\($0.facts)" } ?? "-", r.waiver?.criterion ?? "-", r.expiredWaiver?.criterion ?? "-",
                r.decidedWithout.joined(separator: ",")].joined(separator: " / ")
    }

    private struct Tally {
        var compared = 0
        var outright = 0
    }

    private func compare(_ facts: Facts, _ full: Evaluator, _ brief: Evaluator, _ what: String, _ tally: inout Tally) {
        let a = full.scorecard(for: facts), b = brief.scorecard(for: facts)
        XCTAssertEqual(a.results.count, b.results.count)
        for (x, y) in zip(a.results, b.results) {
            tally.compared += 1
            XCTAssertEqual(said(x), said(y), "\(what) \(x.id)")
            if y.checks.isEmpty {
                tally.outright += 1
                XCTAssertEqual(x.outcome, .passed, "\(what) \(x.id): only a passed criterion is kept without its working")
            } else {
                XCTAssertEqual(x.checks.count, y.checks.count, "\(what) \(x.id): anything but an outright pass keeps its working")
            }
        }
    }

    func testTheExamplesOfEveryCriterionSayTheSame() throws {
        let set = try Repo.loadCriteria()
        let full = Evaluator(criteria: set), brief = Evaluator(criteria: set, detail: .outcomes)
        var outright = 0, seen = 0
        for criterion in set.criteria {
            for example in criterion.examples {
                let sink = DiagnosticSink(file: criterion.file)
                let facts = set.validator.validate(example.facts, file: criterion.file, sink: sink, partial: true)
                guard !sink.hasErrors else { continue }
                let a = full.evaluate(criterion, facts: facts, on: facts.asOf), b = brief.evaluate(criterion, facts: facts, on: facts.asOf)
                seen += 1
                XCTAssertEqual(said(a), said(b), "\(criterion.id) example \(example.name ?? "")")
                if b.checks.isEmpty { outright += 1 } else { XCTAssertEqual(a.checks.count, b.checks.count) }
            }
        }
        XCTAssertGreaterThan(seen, 60, "every criterion has examples")
        XCTAssertGreaterThan(outright, 10, "passing examples pass outright")
        XCTAssertLessThan(outright, seen, "failing and unreported examples are worked out in full")
    }

    /// The rule language's forms the shipped criteria do not use (`not`, `any`, `not_in`,
    /// `more_than`, `less_than`, `equals`, `floor`, `add`, `subtract`, `min`), with and without a
    /// guard, each on facts that pass, fail and leave a fact out.
    func testEveryFormOfTheRuleLanguageSaysTheSame() throws {
        let remedy = "{ action: stock_fuel, text: { vi: \"Cần {required}, có {observed}\", en: \"Needs {required}, has {observed}\" } }"
        let rules = [
            "{ not: { fact: network.backup_link, is: none } }",
            "{ not: { all: [ { fact: network.backup_link, is: none }, { fact: equipment.printers.working, at_least: 2 } ] } }",
            "{ any: [ { fact: network.backup_link, in: [4g, 5g] }, { fact: equipment.printers.working, more_than: 3 } ] }",
            "{ all: [ { fact: network.backup_link, not_in: [none] }, { not: { fact: equipment.printers.working, less_than: 2 } } ] }",
            "{ fact: equipment.printers.working, at_least: { ceil: { divide: [ { fact: staffing.officials }, 10 ] } } }",
            "{ fact: equipment.printers.working, equals: { floor: { divide: [ { fact: staffing.officials }, 9 ] } } }",
            "{ fact: equipment.printers.working, at_most: { min: [ { add: [ { fact: staffing.officials }, 1 ] }, { subtract: [ 10, 6 ] } ] } }",
        ]
        let facts = [
            "{ network: { backup_link: none }, equipment: { printers: { working: 1 } }, staffing: { officials: 45 } }",
            "{ network: { backup_link: 4g }, equipment: { printers: { working: 5 } }, staffing: { officials: 45 } }",
            "{ network: { backup_link: 5g }, equipment: { printers: { working: 2 } }, staffing: { officials: 12 } }",
            "{ network: { backup_link: none }, equipment: { printers: { working: 4 } } }",
            "{ equipment: { printers: { working: 4 } }, staffing: { officials: 45 } }",
        ]
        var outright = 0
        for rule in rules {
            for when in [nil, "{ fact: network.backup_link, is_not: satellite }"] {
                let harness = try RuleHarness(checks: """
                  - id: c
                \(when.map { "    when: \($0)\n" } ?? "")    require: \(rule)
                    remedy: \(remedy)
                """)
                for snippet in facts {
                    let full = try harness.result(snippet), brief = try harness.result(snippet, detail: .outcomes)
                    XCTAssertEqual(said(full), said(brief), "\(rule) when \(when ?? "-") on \(snippet)")
                    if brief.checks.isEmpty { outright += 1 }
                }
            }
        }
        XCTAssertGreaterThan(outright, 10)
    }

    func testSampleWardsFixturesAndTheirVariationsSayTheSame() throws {
        let set = try Repo.loadCriteria()
        let day = Day(iso: "2026-11-15")
        let waiversPath = Repo.root.appendingPathComponent("wards/waivers.yaml").path
        let (waivers, _) = Waivers.load(path: waiversPath, criteria: set)
        let full = Evaluator(criteria: set, waivers: waivers ?? .none, asOf: day)
        let brief = Evaluator(criteria: set, waivers: waivers ?? .none, asOf: day, detail: .outcomes)
        var texts: [(String, String)] = []
        for folder in ["wards/submissions", "Tests/Fixtures/facts", "Tests/Fixtures/city"] {
            let path = Repo.root.appendingPathComponent(folder).path
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".yaml") {
                if let text = try? String(contentsOfFile: path + "/" + name, encoding: .utf8) { texts.append((folder + "/" + name, text)) }
            }
        }
        // An audit's evaluator words remedies in its report's language alone (`wordedIn`): the
        // words must be that language's words of the evaluator that words both.
        let worded = Language.allCases.map { ($0, Evaluator(criteria: set, waivers: waivers ?? .none, asOf: day, detail: .outcomes, wordedIn: $0)) }
        var remediesWorded = 0
        var tally = Tally()
        var variations = 0
        func judge(_ text: String, _ what: String) {
            let loaded = FactsFile.load(text: text, path: what, validator: set.validator)
            guard let facts = loaded.facts else { return }
            compare(facts, full, brief, what, &tally)
            let both = brief.scorecard(for: facts)
            for (language, evaluator) in worded {
                for (x, y) in zip(both.results, evaluator.scorecard(for: facts).results) {
                    XCTAssertEqual(x.remedies.map { $0.text.text(language) }, y.remedies.map { $0.text.text(language) }, "\(what) \(x.id) \(language)")
                    XCTAssertEqual(x.remedies.map { "\($0.kind) \($0.quantity ?? -1) \($0.who) \($0.facts)" },
                                   y.remedies.map { "\($0.kind) \($0.quantity ?? -1) \($0.who) \($0.facts)" })
                    XCTAssertEqual(x.outcome, y.outcome)
                    remediesWorded += y.remedies.count
                }
            }
        }
        for (index, (name, text)) in texts.enumerated() {
            judge(text, name)
            // Variations of the sample wards (every fourth, to keep the run short): each line on its own.
            guard name.hasPrefix("wards/"), index % 4 == 0 else { continue }
            let lines = text.components(separatedBy: "\n")
            for (i, line) in lines.enumerated() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                var changed: [String] = []
                if let n = Int(value) { changed = ["0", String(n * 9 + 7)] } else if let x = Double(value) { changed = ["0", String(x * 9 + 0.5)] }
                if value == "true" { changed = ["false"] }
                if value == "false" { changed = ["true"] }
                var variants = changed.map { line[...colon] + " " + $0 }
                variants.append("")  // the line left out
                for variant in variants {
                    var copy = lines
                    copy[i] = String(variant)
                    variations += 1
                    judge(copy.joined(separator: "\n"), "\(name) line \(i + 1) → \(variant)")
                }
            }
        }
        XCTAssertGreaterThan(variations, 1000)
        XCTAssertGreaterThan(remediesWorded, 1000)
        XCTAssertGreaterThan(tally.outright, tally.compared / 2, "most criteria of most units pass outright")
        XCTAssertLessThan(tally.outright, tally.compared, "the rest are worked out in full")
    }
}
