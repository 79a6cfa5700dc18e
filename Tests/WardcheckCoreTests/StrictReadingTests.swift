import Foundation
import WardcheckCore
import XCTest
import YAMLTree

/// Issue 10 items 6, 7, 9 and 10 at the validator: one-line text refuses what could forge a line or
/// disguise a name, with its place; quoted dates and leading zeros are not numbers or dates in
/// YAML 1.2; a file of thousands of mistakes costs a bounded list and a bounded search.
final class StrictReadingTests: XCTestCase {
    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        FactsFile.load(path: try Repo.write(text, test: self), validator: try Repo.loadCriteria().validator).diagnostics
    }

    private func withName(_ yaml: String) -> String {
        Repo.readyWard.replacingOccurrences(of: "name: \"Phường Thử Nghiệm\"", with: "name: " + yaml)
    }

    // MARK: items 6 and 7: one-line text

    func testEveryKindOfHiddenCharacterInANameIsRefusedAtItsPlace() throws {
        // Line 2 is `unit: { code: "99001", name: …`; the value starts at column 30. Written raw in a
        // plain value, the character's own column is known: 30 + (position − 1).
        let cases: [(String, Int, String)] = [
            ("An\u{202E}Hải", 3, "U+202E RIGHT-TO-LEFT OVERRIDE"),
            ("An\u{2066}Hải", 3, "U+2066 LEFT-TO-RIGHT ISOLATE"),
            ("An\u{200B}Hải", 3, "U+200B ZERO WIDTH SPACE"),
            ("An\u{200D}Hải", 3, "U+200D ZERO WIDTH JOINER"),
            ("An\u{2060}Hải", 3, "U+2060 WORD JOINER"),
            ("An\u{FEFF}Hải", 3, "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ]
        for (name, position, described) in cases {
            let found = try diagnostics(withName(name))
            XCTAssertEqual(found.map(\.code), [.badText], name.debugDescription)
            XCTAssertEqual(found.first?.start, Mark(line: 2, column: 30 + position - 1), name.debugDescription)
            XCTAssertEqual(found.first?.message.en,
                           "unit.name: the text holds a control or invisible character, \(described), at character \(position)")
        }
    }

    func testALineBreakInATextFactIsRefusedWhereverItComesFrom() throws {
        for yaml in ["\"A\\nB\"", "\"A\\rB\"", "\"A\\NB\"", "\"A\\u2028B\"", "\"A\\tB\"", "|\n    A\n    B"] {
            let text = yaml.hasPrefix("|")
                ? Repo.readyWard.replacingOccurrences(of: "name: \"Phường Thử Nghiệm\", ", with: "").replacingOccurrences(of: "format: 1\n", with: "format: 1\ncontact:\n  name: \(yaml)\n")
                : withName(yaml)
            let found = try diagnostics(text)
            XCTAssertEqual(found.map(\.code), [.badText] + (yaml.hasPrefix("|") ? [.missingRequired] : []), yaml)
            XCTAssertTrue(found[0].message.en.contains("at character 2"), found[0].message.en)
        }
        // Escapes move the text away from the source, so the value's start is the place.
        XCTAssertEqual(try diagnostics(withName("\"A\\u202EB\"")).first?.start, Mark(line: 2, column: 30))
    }

    func testVietnameseNamesInEitherNormalFormStillRead() throws {
        for name in ["Phường Hòa Xuân", "Pho\u{031B}\u{0300}ng Ho\u{0300}a Xua\u{0302}n", "Đặc khu Hoàng Sa", "Xã Trà Leng (cũ: Trà Tập)"] {
            XCTAssertEqual(try diagnostics(withName("\"\(name)\"")).map(\.code), [], name)
        }
    }

    func testWaiversAndTheRosterHoldOneLineOfTextToo() throws {
        let set = try Repo.loadCriteria()
        let waivers = try Repo.write("""
        waivers: 1
        entries:
          - { criterion: TC04, unit: "99001", justification: "chờ trạm\\n::notice::ok", approved_by: "Chánh Văn phòng", expires: 2030-01-01 }
          - { criterion: TC06, unit: "99001", justification: "chờ máy", approved_by: "A\u{202E}B", expires: 2030-01-01 }

        """, name: "waivers.yaml", test: self)
        let (loaded, found) = Waivers.load(path: waivers, criteria: set)
        XCTAssertNil(loaded)
        XCTAssertEqual(found.map(\.code), [.badText, .badText])
        let roster = try Repo.write("roster: 1\nunits:\n  - { code: \"99001\", name: \"Phường \\e[2J\" }\n", name: "roster.yaml", test: self)
        let (none, problems) = Roster.load(path: roster, schema: set.schema)
        XCTAssertNil(none)
        XCTAssertEqual(problems.map(\.code), [.badText])
        XCTAssertTrue(problems[0].message.en.contains("U+001B"), problems[0].message.en)
    }

    // MARK: item 10: YAML 1.2 core schema and the facts format

    func testAQuotedDateIsTextAndTheHintDropsTheQuotes() throws {
        for quoted in ["\"2025-07-05\"", "'2025-07-05'"] {
            let found = try diagnostics(Repo.readyWard.replacingOccurrences(of: "as_of: 2025-07-05", with: "as_of: \(quoted)"))
            XCTAssertEqual(found.map(\.code), [.badDate], quoted)
            XCTAssertEqual(found.first?.hint?.en, "remove the quotes: write 2025-07-05")
        }
    }

    func testLeadingZerosAreNotNumbersAndTheHintGivesTheNumber() throws {
        let expected = ["007": "write 7", "00": "write 0", "007.5": "write 7.5", "010.25": "write 10.25"]
        for (written, hint) in expected {
            let found = try diagnostics(Repo.readyWard.replacingOccurrences(of: "capacity_kva: 10", with: "capacity_kva: \(written)"))
            XCTAssertEqual(found.map(\.code), [.notNumber], written)
            XCTAssertEqual(found.first?.hint?.en, hint, written)
        }
        for fine in ["0", "0.5", "10", "10.0"] {
            let found = try diagnostics(Repo.readyWard.replacingOccurrences(of: "runtime_minutes: 30", with: "runtime_minutes: \(fine)"))
            XCTAssertFalse(found.contains { $0.code == .notNumber }, fine)
        }
        XCTAssertEqual(try diagnostics(Repo.readyWard.replacingOccurrences(of: "desks: 4", with: "desks: 007")).first?.hint?.en, "write 7")
    }

    // MARK: item 9: limits

    func testAFileShowsAHundredDiagnosticsAndSaysHowManyMore() throws {
        var text = "format: 1\n"
        for i in 0..<5_000 { text += "k\(i): 1\n" }
        let found = try diagnostics(text)
        // 5,000 unknown keys + 2 missing required fields (`unit`, `as_of`; `format` is there) = 5,002.
        // The two missing ones sort first (1:1), then k0… from line 2: the 100th shown is k97 on line 99.
        XCTAssertEqual(found.count, 101)
        XCTAssertEqual(found.filter(\.isError).count, 100)
        let last = try XCTUnwrap(found.last)
        XCTAssertEqual(last.code, .moreDiagnostics)
        XCTAssertEqual(last.severity, .note)
        XCTAssertEqual(last.message.en, "… and 4,902 more not shown (at most 100 per file)")
        XCTAssertEqual(last.message.vi, "… và 4.902 vấn đề khác không hiển thị (tối đa 100 mỗi tệp)")
        XCTAssertEqual(found.prefix(2).map(\.code), [.missingRequired, .missingRequired], "never crowded out by unknown keys")
        XCTAssertEqual(found[99].start, Mark(line: 99, column: 1))
        XCTAssertEqual(last.start, Mark(line: 100, column: 1), "at the first one not shown")
        XCTAssertFalse(FactsFile.load(path: try Repo.write(text, test: self), validator: try Repo.loadCriteria().validator).isValid)
    }

    func testOnlyTheFirstUnknownKeysGetADidYouMeanSearch() throws {
        // Twenty-five misspelt `generator`s in `power`: the first 20 diagnostics searched, the rest list the keys.
        var text = Repo.readyWard + "power2: 1\n"
        text = text.replacingOccurrences(of: "  ups: { present: true, runtime_minutes: 30 }\n",
                                         with: "  ups: { present: true, runtime_minutes: 30 }\n" + (0..<25).map { "  genrator\($0 < 10 ? "" : "x")\($0): 1\n" }.joined())
        let hints = try diagnostics(text).filter { $0.code == .unknownKey }.compactMap(\.hint?.en)
        XCTAssertEqual(hints.count, 26)
        XCTAssertEqual(hints.prefix(10).filter { $0 == "did you mean `generator`?" }.count, 10)
        XCTAssertTrue(hints.dropFirst(20).allSatisfy { $0.hasPrefix("valid keys: ") }, "\(hints.dropFirst(20))")
    }

    func testTheLengthFilterKeepsEverySuggestionThatCouldBeATypo() {
        XCTAssertEqual(Suggestion.nearest(to: "genrator", among: ["generator", "ups"]), "generator")
        XCTAssertEqual(Suggestion.nearest(to: "capacity", among: ["capacity_kva", "fuel_hours"]), nil)
        XCTAssertEqual(Suggestion.nearest(to: "ups", among: ["ups", "generator"]), "ups")
        // Acted on without asking (an opened file's misspelt block) only when nothing else is as near.
        XCTAssertEqual(Suggestion.unambiguous(to: "printer", among: ["computers", "service_counter", "printers"]), "printers")
        XCTAssertEqual(Suggestion.unambiguous(to: "wards", among: ["ward", "words"]), nil, "one edit from each: not plain which")
        XCTAssertEqual(Suggestion.nearest(to: String(repeating: "x", count: 8_000), among: ["generator"]), nil)
    }
}
