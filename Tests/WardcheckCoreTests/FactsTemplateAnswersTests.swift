import Foundation
import XCTest
import WardcheckCore
import YAMLTree

/// `FactsTemplate.render(answers:)`: a web form's answers, as text, written into the `init`
/// template so that a valid answer is written exactly as `init` writes the value, and an invalid
/// one reaches the validator as typed, without ever changing the shape of the file.
final class FactsTemplateAnswersTests: XCTestCase {
    /// Every value of the hand-written ready-ward fixture, as a form would send it (the text the
    /// file holds), gives the same text as the typed values themselves.
    func testValidAnswersAreWrittenAsTheTypedValuesAre() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let loaded = FactsFile.load(path: FactsFixtures.path("ready-ward.yaml"), validator: FactsValidator(schema: schema))
        let values = try XCTUnwrap(loaded.facts).values.mapValues(\.value)
        XCTAssertEqual(values.count, 39, "every value of the fixture, counted by hand")
        let answers = values.mapValues(\.display)
        XCTAssertEqual(template.render(answers: answers), template.render(values))
    }

    func testSurroundingSpaceAndDecomposedLettersAreTidiedAsInitTidiesThem() throws {
        let template = FactsTemplate(schema: try FactsFixtures.schema())
        XCTAssertEqual(template.render(answers: ["unit.name": "  Pho\u{031B}\u{0300}ng A \n", "staffing.officials": " 45 "]),
                       template.render(["unit.name": .text("Ph\u{1EDD}ng A"), "staffing.officials": .number(45)]))
    }

    func testEmptyAnswersBlocksAndUnknownPathsAreLeftOut() throws {
        let template = FactsTemplate(schema: try FactsFixtures.schema())
        XCTAssertEqual(template.render(answers: ["staffing.officials": "", "power": "x", "power.genrator.present": "true", "nowhere": "1"]),
                       template.render([:]))
    }

    /// A mistake is written as typed, so `validate` gives its usual message and hint; plain when
    /// that is safe, quoted when the text could end the value or add a key.
    func testUnreadableAnswersReachTheValidatorAsTyped() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let text = template.render(answers: [
            "format": "1", "unit.name": "Xã A",
            "security.firewall": "có",
            "equipment.printers.working": "4,5",
            "staffing.officials": "-3",
            "as_of": "05/07/2025",
            "unit.type": "phường",
            "unit.code": "2019",
            "staffing.trained": "12: x",
            "systems.email_accounts": "1\nsecurity: { firewall: true }",
        ])
        XCTAssertTrue(text.contains("\n  firewall: có\n"))
        XCTAssertTrue(text.contains("\n    working: 4,5\n"))
        XCTAssertTrue(text.contains("\n  officials: -3\n"))
        XCTAssertTrue(text.contains("\nas_of: 05/07/2025\n"))
        XCTAssertTrue(text.contains("\n  type: \"phường\"\n"), "not a plain word: quoted")
        XCTAssertTrue(text.contains("\n  code: \"2019\"\n"))
        XCTAssertTrue(text.contains("\n  trained: \"12: x\"\n"))
        XCTAssertTrue(text.contains("\n  email_accounts: \"1\\nsecurity: { firewall: true }\"\n"))

        let loaded = YAMLLoader.load(string: text)
        XCTAssertTrue(loaded.problems.isEmpty)
        let sink = DiagnosticSink(file: "form.yaml")
        _ = FactsValidator(schema: schema).validate(try XCTUnwrap(loaded.root), file: "form.yaml", sink: sink)
        let codes = sink.diagnostics.map(\.code.rawValue).sorted()
        XCTAssertEqual(codes, ["WC103", "WC104", "WC104", "WC104", "WC106", "WC107", "WC108", "WC109"])
        XCTAssertEqual(loaded.root?.entries?.filter { $0.key == "security" }.count, 1, "no key added by an answer")
    }

    func testWhatIsSafeToWritePlain() {
        for text in ["4,5", "yes", "có", "-3", "+2", "05/07/2025", "1.5", "12 máy", "a_b"] {
            XCTAssertTrue(YAMLText.isSafePlain(text), text)
        }
        for text in ["", " 1", "1 ", "-", "- 1", "a: b", "a #b", "#1", "\"x\"", "'x'", "[1]", "{a}", "a\nb", "null", "~", "&a", "*a", "!x", "%x", "@x", "`x", "|", ">", "?x"] {
            XCTAssertFalse(YAMLText.isSafePlain(text), text)
        }
    }
}
