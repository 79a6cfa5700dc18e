import Foundation
@testable import WardcheckCore
import XCTest

/// Facts kept by the schema's field number, and comparisons that carry the number of the fact
/// they read: a number must always name the fact its path names, or a unit would be judged on
/// another fact's value.
final class FieldNumberTests: XCTestCase {
    func testATableFindsByPathAndByNumberAlike() throws {
        let numbering = FieldNumbering(paths: ["unit", "unit.code", "power.ups"])
        var table = FieldTable<Int>(numbering)
        XCTAssertTrue(table.isEmpty)
        table["power.ups"] = 3
        table[field: 1] = 7
        table["not.in.schema"] = 9
        table[field: 99] = 5  // outside the numbering: nothing is kept
        XCTAssertEqual(table[field: 2], 3)
        XCTAssertEqual(table["unit.code"], 7)
        XCTAssertEqual(table["not.in.schema"], 9)
        XCTAssertNil(table["unit"])
        XCTAssertNil(table[field: 99])
        XCTAssertEqual(table.count, 3)
        XCTAssertEqual(table.map(\.key), ["unit.code", "power.ups", "not.in.schema"], "schema order, then the others")
        table["power.ups"] = nil
        XCTAssertEqual(table.keys, ["unit.code", "not.in.schema"])
        XCTAssertNil(table[field: 2])
        // Set again after it was cleared, and a value replaced: each field reads its own last value.
        table["power.ups"] = 11
        table[field: 1] = 8
        table[field: 0] = 1
        XCTAssertEqual(table[field: 2], 11)
        XCTAssertEqual(table["unit.code"], 8)
        XCTAssertEqual(table.map(\.value), [1, 8, 11, 9])
        XCTAssertEqual(table.count, 4)
        XCTAssertFalse(table.isEmpty)
        // Found by a number of this table's numbering, or by the path under another's.
        XCTAssertEqual(table.value("unit.code", number: 1, in: numbering), 8)
        let other = FieldNumbering(paths: ["power.ups", "unit.code"])
        XCTAssertEqual(table.value("unit.code", number: 1, in: other), 8)
        XCTAssertEqual(table.value("power.ups", number: 0, in: other), 11)
        XCTAssertEqual(table.value("not.in.schema", number: -1, in: numbering), 9)
    }

    func testEveryComparisonCarriesTheNumberOfItsFact() throws {
        let set = try Repo.loadCriteria()
        var seen = 0
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts), .any(let parts): parts.forEach(visit)
            case .not(let inner): visit(inner)
            case .compare(let c):
                seen += 1
                XCTAssertGreaterThanOrEqual(c.field, 0, c.fact)
                XCTAssertEqual(set.schema.numbering.paths[c.field], c.fact)
            }
        }
        for criterion in set.criteria {
            for check in criterion.checks { check.when.map(visit); visit(check.require) }
        }
        XCTAssertGreaterThan(seen, 30, "the 16 criteria compare 35 facts")
    }

    /// Every fact read inside a threshold or a remedy's quantity carries its number too.
    func testEveryFactOfAnExpressionCarriesItsNumber() throws {
        let set = try Repo.loadCriteria()
        var seen = 0
        func visit(_ e: WardcheckCore.Expression) {
            switch e {
            case .constant: break
            case .fact(let path, _, let field):
                seen += 1
                XCTAssertEqual(set.schema.numbering.paths[field], path)
            case .ceil(let x), .floor(let x): visit(x)
            case .add(let xs), .multiply(let xs), .max(let xs), .min(let xs): xs.forEach(visit)
            case .subtract(let a, let b), .divide(let a, let b): visit(a); visit(b)
            case .byCase(_, _, let cases, let otherwise): cases.forEach { visit($0.1) }; otherwise.map(visit)
            }
        }
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts), .any(let parts): parts.forEach(visit)
            case .not(let inner): visit(inner)
            case .compare(let c): if case .expression(let e) = c.operand { visit(e) }
            }
        }
        for criterion in set.criteria {
            for check in criterion.checks {
                check.when.map(visit)
                visit(check.require)
                if case .expression(let e)? = check.remedy.quantity { visit(e) }
            }
        }
        XCTAssertGreaterThan(seen, 5, "thresholds and quantities read facts (officials, villages, …)")
    }

    /// A compiled set whose expression names one fact by path and another by number is refused.
    func testACompiledSetWithAWrongNumberInAnExpressionIsNotRead() throws {
        let set = try Repo.loadCriteria()
        let count = set.schema.fields.count
        func shifted(_ e: WardcheckCore.Expression) -> WardcheckCore.Expression {
            switch e {
            case .fact(let path, let at, let field): return .fact(path, at, field: (field + 1) % count)
            case .ceil(let x): return .ceil(shifted(x))
            case .floor(let x): return .floor(shifted(x))
            case .add(let xs): return .add(xs.map(shifted))
            case .multiply(let xs): return .multiply(xs.map(shifted))
            case .max(let xs): return .max(xs.map(shifted))
            case .min(let xs): return .min(xs.map(shifted))
            case .subtract(let a, let b): return .subtract(shifted(a), shifted(b))
            case .divide(let a, let b): return .divide(shifted(a), shifted(b))
            case .byCase(let fact, let at, let cases, let otherwise): return .byCase(fact: fact, mark: at, cases: cases.map { ($0.0, shifted($0.1)) }, otherwise: otherwise.map(shifted))
            case .constant: return e
            }
        }
        // How many facts an expression reads by number (a case's selector is read by path).
        func numbered(_ e: WardcheckCore.Expression) -> Int {
            switch e {
            case .fact: return 1
            case .ceil(let x), .floor(let x): return numbered(x)
            case .add(let xs), .multiply(let xs), .max(let xs), .min(let xs): return xs.map(numbered).reduce(0, +)
            case .subtract(let a, let b), .divide(let a, let b): return numbered(a) + numbered(b)
            case .byCase(_, _, let cases, let otherwise): return cases.map { numbered($0.1) }.reduce(0, +) + (otherwise.map(numbered) ?? 0)
            case .constant: return 0
            }
        }
        var threshold = 0, quantity = 0
        for (i, criterion) in set.criteria.enumerated() {
            for (j, check) in criterion.checks.enumerated() {
                if case .compare(var c) = check.require, case .expression(let e) = c.operand, numbered(e) > 0 {
                    var wrong = set
                    c.operand = .expression(shifted(e))
                    wrong.criteria[i].checks[j] = Check(id: check.id, title: check.title, when: check.when, require: .compare(c), remedy: check.remedy, mark: check.mark)
                    XCTAssertThrowsError(try CriteriaCoding.decode(CriteriaCoding.encode(wrong), folder: set.folder, digest: set.identity.digest), "\(criterion.id)")
                    threshold += 1
                }
                if case .expression(let e)? = check.remedy.quantity, numbered(e) > 0 {
                    var wrong = set
                    var remedy = check.remedy
                    remedy.quantity = .expression(shifted(e))
                    wrong.criteria[i].checks[j] = Check(id: check.id, title: check.title, when: check.when, require: check.require, remedy: remedy, mark: check.mark)
                    XCTAssertThrowsError(try CriteriaCoding.decode(CriteriaCoding.encode(wrong), folder: set.folder, digest: set.identity.digest), "\(criterion.id)")
                    quantity += 1
                }
            }
        }
        XCTAssertGreaterThan(threshold, 0, "a threshold reads a fact")
        XCTAssertGreaterThan(quantity, 0, "a quantity reads a fact")
        XCTAssertNoThrow(try CriteriaCoding.decode(CriteriaCoding.encode(set), folder: set.folder, digest: set.identity.digest))
    }

    /// A compiled set whose comparison names one fact by path and another by number is refused.
    func testACompiledSetWithAWrongNumberIsNotRead() throws {
        let set = try Repo.loadCriteria()
        XCTAssertNoThrow(try CriteriaCoding.decode(CriteriaCoding.encode(set), folder: set.folder, digest: set.identity.digest))
        var wrong = set
        let first = set.criteria[0].checks[0]
        guard case .compare(var c) = first.require else { return XCTFail("the first check of \(set.criteria[0].id) is one comparison") }
        c.field = (c.field + 1) % set.schema.fields.count
        wrong.criteria[0].checks[0] = Check(id: first.id, title: first.title, when: first.when, require: .compare(c), remedy: first.remedy, mark: first.mark)
        XCTAssertThrowsError(try CriteriaCoding.decode(CriteriaCoding.encode(wrong), folder: set.folder, digest: set.identity.digest))
    }

    /// Facts numbered by another schema (one more field at its top, so every number moves on by
    /// one) are read by path: the same verdicts as the facts of the criteria's own schema.
    func testFactsOfAnotherSchemaAreReadByPath() throws {
        let folder = Repo.temporary("numbers", test: self)
        try FileManager.default.copyItem(atPath: Repo.criteria, toPath: folder)
        let schemaPath = folder + "/" + CriteriaSet.schemaFile
        let schemaText = try String(contentsOfFile: schemaPath, encoding: .utf8)
        let extra = "fields:\n  - path: note\n    type: text\n    vi: \"Ghi chú\"\n    en: \"Note\"\n    label: { vi: \"Ghi chú\", en: \"Note\" }\n    question: { vi: \"Ghi chú\", en: \"A note\" }\n\n"
        XCTAssertTrue(schemaText.contains("\nfields:\n"))
        try schemaText.replacingOccurrences(of: "\nfields:\n", with: "\n" + extra).write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let set = try Repo.loadCriteria(), other = try Repo.loadCriteria(folder)
        XCTAssertEqual(other.schema.numbering.paths.first, "note")
        XCTAssertEqual(Array(other.schema.numbering.paths.dropFirst()), set.schema.numbering.paths)
        XCTAssertFalse(set.schema.numbering === other.schema.numbering)
        let text = try String(contentsOf: Repo.root.appendingPathComponent("wards/submissions/20194-hoa-xuan.yaml"), encoding: .utf8)
        let mine = try XCTUnwrap(FactsFile.load(text: text, path: "a.yaml", validator: set.validator).facts)
        let theirs = try XCTUnwrap(FactsFile.load(text: text, path: "a.yaml", validator: other.validator).facts)
        let evaluator = Evaluator(criteria: set, asOf: Day(iso: "2026-11-15"))
        let a = evaluator.scorecard(for: mine), b = evaluator.scorecard(for: theirs)
        XCTAssertEqual(a.results.map(\.outcome), b.results.map(\.outcome))
        XCTAssertEqual(a.remedies.map(\.text.en), b.remedies.map(\.text.en))
        XCTAssertGreaterThan(a.remedies.count, 0, "a unit with something to fix, so that values were read")
    }
}
