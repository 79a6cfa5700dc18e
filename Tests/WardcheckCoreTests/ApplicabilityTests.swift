import Foundation
import XCTest
@testable import WardcheckCore

/// Which questions the form asks only under a condition, read from the criteria's `when` guards,
/// never from Swift naming a fact; and the words every field must carry for people.
final class ApplicabilityTests: XCTestCase {
    /// The shipped criteria, read by hand: TC01 judges the download speed only with fibre, TC05 the
    /// endpoint's test date only with an endpoint, TC06 the generator's capacity, fuel and test
    /// date only with a generator, TC07 the UPS's runtime only with a UPS. Nothing else is guarded.
    func testTheShippedCriteriasGuards() throws {
        let conditions = try Repo.loadCriteria().applicability.conditions
        let read = conditions.mapValues { "\($0.fact) ∈ \($0.values)" }
        XCTAssertEqual(read, [
            "network.internet.download_mbps": "network.internet.fibre ∈ [\"true\"]",
            "network.video_conference.last_test": "network.video_conference.endpoint ∈ [\"true\"]",
            "power.generator.capacity_kva": "power.generator.present ∈ [\"true\"]",
            "power.generator.fuel_hours": "power.generator.present ∈ [\"true\"]",
            "power.generator.last_test": "power.generator.present ∈ [\"true\"]",
            "power.ups.runtime_minutes": "power.ups.present ∈ [\"true\"]",
        ])
    }

    private func conditions(_ checks: String) throws -> [String: Applicability.Condition] {
        try RuleHarness(checks: checks).set.applicability.conditions
    }

    func testAGuardOnAChoiceAsksForTheValuesItAllows() throws {
        let found = try conditions("""
          - id: a
            when: { fact: network.backup_link, is_not: none }
            require: { fact: network.internet.upload_mbps, at_least: 10 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
        """)
        XCTAssertEqual(found["network.internet.upload_mbps"], Applicability.Condition(fact: "network.backup_link", values: ["4g", "5g", "second_isp", "satellite"]))
    }

    func testAFactNeededElsewhereIsAlwaysAsked() throws {
        // Judged under a guard in one check, but read unguarded to compute another's requirement.
        let found = try conditions("""
          - id: a
            when: { fact: power.generator.present, is: true }
            require: { fact: network.internet.upload_mbps, at_least: 1 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
          - id: b
            require: { fact: network.internet.download_mbps, at_least: { fact: network.internet.upload_mbps } }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
          - id: c
            when: { fact: power.generator.present, is: true }
            require: { fact: staffing.trained, at_least: 1 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
        """)
        XCTAssertNil(found["network.internet.upload_mbps"], "read to compute a requirement: needed whatever")
        XCTAssertNil(found["staffing.trained"], "a cross-field rule of the schema reads it: needed whatever")
    }

    func testARequiredFactIsAlwaysAsked() throws {
        // unit.type is judged here only under a guard, but a file without it is not a file.
        let found = try conditions("""
          - id: a
            when: { fact: power.generator.present, is: true }
            require: { fact: unit.type, in: [ward, commune] }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
          - id: b
            when: { fact: power.generator.present, is: true }
            require: { fact: unit.terrain, in: [lowland, coastal] }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
        """)
        XCTAssertNil(found["unit.type"], "required")
        XCTAssertEqual(found["unit.terrain"], Applicability.Condition(fact: "power.generator.present", values: ["true"]), "the same guard, not required: asked only then")
    }

    func testAGuardTheFormCannotDecideAsksAlways() throws {
        let found = try conditions("""
          - id: a
            when: { all: [{ fact: power.generator.present, is: true }, { fact: power.ups.present, is: true }] }
            require: { fact: network.internet.upload_mbps, at_least: 10 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
          - id: b
            when: { fact: staffing.officials, at_least: 5 }
            require: { fact: equipment.service_counter.desks, at_least: 1 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
        """)
        XCTAssertNil(found["network.internet.upload_mbps"], "two conditions together")
        XCTAssertNil(found["equipment.service_counter.desks"], "a number, not a choice")
    }

    func testTwoDifferentGuardsAskAlways() throws {
        let found = try conditions("""
          - id: a
            when: { fact: power.generator.present, is: true }
            require: { fact: network.internet.upload_mbps, at_least: 10 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
          - id: b
            when: { fact: power.ups.present, is: true }
            require: { fact: network.internet.upload_mbps, at_least: 20 }
            remedy: { action: stock_fuel, text: { vi: "x", en: "x" } }
        """)
        XCTAssertNil(found["network.internet.upload_mbps"])
    }

    // MARK: The words a schema owes people

    private func schemaErrors(_ field: String) throws -> [String] {
        let folder = try FactsFixtures.temporaryFolder(self)
        let path = folder.appendingPathComponent("facts.yaml").path
        try """
        schema: 1
        format_field: v
        formats: [1]
        reference_date: d
        identity: { code: c, name: n }
        fields:
          - { path: v, type: count, vi: "v", en: "v", label: { vi: "v", en: "v" }, question: { vi: "v", en: "v" } }
          - { path: c, type: code, pattern: "^[0-9]$", vi: "c", en: "c", label: { vi: "c", en: "c" }, question: { vi: "c", en: "c" } }
          - { path: n, type: text, vi: "n", en: "n", label: { vi: "n", en: "n" }, question: { vi: "n", en: "n" } }
          - { path: d, type: date, vi: "d", en: "d", label: { vi: "d", en: "d" }, question: { vi: "d", en: "d" } }
        \(field)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let sink = DiagnosticSink(file: path)
        let schema = FactsSchema.load(path: path, sink: sink)
        XCTAssertNil(schema, "a schema missing people's words is refused")
        return sink.diagnostics.filter(\.isError).map { "\($0.start.line) \($0.message.en)" }
    }

    func testEveryFieldCarriesWordsForPeople() throws {
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: count, vi: "x", en: "x", question: { vi: "x", en: "x" } }"#),
                       ["11 missing required key `label`"])
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: count, vi: "x", en: "x", label: { vi: "x", en: "x" } }"#),
                       ["11 missing required key `question`"])
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: boolean, vi: "x", en: "x", label: { vi: "x", en: "x" }, question: { vi: "x", en: "x" } }"#),
                       ["11 boolean field `x` needs `answers` for \"true\" and \"false\""])
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: boolean, vi: "x", en: "x", label: { vi: "x", en: "x" }, question: { vi: "x", en: "x" }, answers: { "true": { vi: "c", en: "y" } } }"#),
                       ["11 `answers` has no sentence for `false`"])
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: enum, values: [a, b], vi: "x", en: "x", label: { vi: "x", en: "x" }, question: { vi: "x", en: "x" }, labels: { a: { vi: "a", en: "a" } } }"#),
                       ["11 enum field `x` has no `labels` for the value `b`"])
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: count, vi: "x", en: "x", label: { vi: "x", en: "x" }, question: { vi: "x", en: "x" }, says: { vi: "x", en: "{value} x" } }"#),
                       ["11 `says` needs `{value}` in both languages, where the value goes"])
        XCTAssertEqual(try schemaErrors(#"  - { path: x, type: text, vi: "x", en: "x", label: { vi: "x", en: "x" }, question: { vi: "x", en: "x" }, says: { vi: "{value}", en: "{value}" } }"#),
                       ["11 `says` is for count, number and date fields only"])
    }
}
