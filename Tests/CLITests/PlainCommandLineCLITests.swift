import Foundation
import XCTest

/// `wardcheck check FILE…` and `validate FILE…` with no option are built without the argument
/// parser (PlainCommandLine). `--` before the files sends the same line through the parser, which
/// then reads every option at its default: the two must say the same, byte for byte, with the
/// same exit code. A default set wrongly on the plain line (another format, English, a gate, a
/// criteria folder) or an option left unset (a crash on first read) shows here.
final class PlainCommandLineCLITests: XCTestCase {
    private let wards = [
        "wards/submissions/20194-hoa-xuan.yaml",  // every criterion met: exit 0
        "wards/submissions/20224-an-khe.yaml",    // criteria not met: exit 1
        "wards/submissions/20473-que-son.yaml",   // exit 2
    ]

    func testPlainLineSaysWhatTheParserSaysForEveryKindOfInput() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let misspelt = folder.appendingPathComponent("misspelt.yaml")
        let text = try String(contentsOf: WardcheckProcess.repository.appendingPathComponent(wards[0]), encoding: .utf8)
        try text.replacingOccurrences(of: "\npower:", with: "\npowr:").write(to: misspelt, atomically: true, encoding: .utf8)
        let inputs: [[String]] = wards.map { [$0] } + [
            wards,
            ["wards/submissions"],
            [misspelt.path],
            ["no-such-ward.yaml"],
            [wards[0], "no-such-ward.yaml"],
            // Words the parser, too, reads as file names.
            ["help"],
            [""],
        ]
        var statuses = Set<Int32>()
        for command in ["check", "validate"] {
            for files in inputs {
                let plain = try WardcheckProcess.run([command] + files)
                let parsed = try WardcheckProcess.run([command, "--"] + files)
                let line = ([command] + files).joined(separator: " ")
                XCTAssertEqual(plain.status, parsed.status, line + "\n" + plain.stderr)
                XCTAssertEqual(plain.stdout, parsed.stdout, line)
                XCTAssertEqual(plain.stderr, parsed.stderr, line)
                XCTAssertFalse(plain.stdout.isEmpty && plain.stderr.isEmpty, line + ": said nothing")
                statuses.insert(plain.status)
            }
        }
        // The inputs reach every exit code a file can give: 0, 1 and 2.
        XCTAssertEqual(statuses, [0, 1, 2])
    }

    /// The plain line finds the criteria as the parser's does: $WARDCHECK_CRITERIA first.
    func testPlainLineReadsTheCriteriaFolderFromTheEnvironment() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let ward = WardcheckProcess.repository.appendingPathComponent(wards[1]).path
        let environment = ["WARDCHECK_CRITERIA": WardcheckProcess.repository.appendingPathComponent("criteria").path]
        let plain = try WardcheckProcess.run(["check", ward], in: folder, environment: environment)
        let parsed = try WardcheckProcess.run(["check", "--", ward], in: folder, environment: environment)
        XCTAssertEqual(plain.status, 1, plain.stderr)
        XCTAssertEqual(plain.stdout, parsed.stdout)
        XCTAssertEqual(plain.stderr, parsed.stderr)
    }

    /// An option anywhere on the line still reaches the parser.
    func testOptionsStillReachTheParser() throws {
        let english = try WardcheckProcess.run(["check", wards[1], "--lang", "en"])
        XCTAssertEqual(english.status, 1)
        XCTAssertTrue(english.stdout.contains("criteria met"), english.stdout)
        let json = try WardcheckProcess.run(["check", wards[0], "--format", "json"])
        XCTAssertEqual(json.status, 0)
        XCTAssertTrue(json.stdout.hasPrefix("{"), json.stdout)
        let misspelt = try WardcheckProcess.run(["check", wards[0], "--no-such-option"])
        XCTAssertEqual(misspelt.status, 64, misspelt.stderr)
    }
}
