import Foundation
import XCTest

/// Issue 10, item 11: whatever `init` writes, `validate` accepts, in both languages, for every unit
/// type and terrain the schema allows; what it would have to write invalid, it refuses to write.
final class InitTemplateValidityCLITests: XCTestCase {
    /// The enum values of a field, read from the shipped schema so that a new type is covered too.
    private func values(of field: String) throws -> [String] {
        let schema = try String(contentsOfFile: CIWard.criteria + "/facts.yaml", encoding: .utf8)
        guard let at = schema.range(of: "- path: \(field)\n"),
              let line = schema[at.upperBound...].split(separator: "\n").first(where: { $0.contains("values: [") }),
              let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]") else {
            XCTFail("no values for \(field) in facts.yaml")
            return []
        }
        return line[line.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func testEveryTemplateValidatesForEveryLanguageTypeAndTerrain() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let types = try values(of: "unit.type")
        let terrains = try values(of: "unit.terrain")
        XCTAssertEqual(types, ["ward", "commune", "special_zone"])
        XCTAssertEqual(terrains, ["lowland", "coastal", "mountain", "island"])
        var written: [String] = []
        for language in ["vi", "en"] {
            for type in types {
                for terrain in [nil] + terrains.map(Optional.some) {
                    let file = "\(language)-\(type)-\(terrain ?? "none").yaml"
                    var arguments = ["init", "--lang", language, "--code", "20194", "--name", "Phường Hòa Xuân", "--type", type, "-o", file]
                    if let terrain { arguments += ["--terrain", terrain] }
                    let made = try CIWard.run(arguments, in: folder)
                    XCTAssertEqual(made.status, 0, "\(file): \(made.stderr)")
                    let checked = try CIWard.run(["validate", "--lang", language, file], in: folder)
                    XCTAssertEqual(checked.status, 0, "\(file): \(checked.stdout)")
                    written.append(file)
                }
            }
        }
        XCTAssertEqual(written.count, 2 * 3 * 5)
        // All together too, as a folder: thirty valid files.
        XCTAssertTrue(try CIWard.run(["validate", "--lang", "en", "."], in: folder).stdout.hasSuffix("30 files: 30 valid, 0 invalid (0 errors)\n"))
    }

    func testANameValidateWouldRefuseIsRefusedAndNothingIsWritten() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let cases: [(String, String)] = [
            ("Phường A\n::error::x", "U+000A"),
            ("Phường \u{202E}A", "U+202E RIGHT-TO-LEFT OVERRIDE"),
            (String(repeating: "Phường ", count: 1_200), "value too long"),
        ]
        for (name, reason) in cases {
            let out = try CIWard.run(["init", "--lang", "en", "--code", "20194", "--name", name, "--type", "ward", "-o", "out.yaml"], in: folder)
            XCTAssertEqual(out.status, 64, out.stderr)
            XCTAssertTrue(out.stderr.hasPrefix("wardcheck init: "), out.stderr)
            XCTAssertTrue(out.stderr.contains(reason), out.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
        }
    }
}
