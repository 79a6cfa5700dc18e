import Foundation
import XCTest

/// Text a pull request controls (issue 10, items 6–8): a unit name, a waiver's text, a file name,
/// a deleted path from git. Refused where it is data; everywhere it is printed, shown escaped, so it
/// can neither start a line of its own (a forged `::error` command, a fake result) nor display as
/// something else (a bidirectional override).
final class HostileTextCLITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try WardcheckProcess.temporaryFolder(self)
    }

    private func run(_ arguments: [String]) throws -> WardcheckProcess.Output {
        try CIWard.run(arguments + ["--lang", "en"], in: folder)
    }

    /// Lines that are neither a workflow command wardcheck wrote nor its summary.
    private func foreignLines(_ github: String) -> [Substring] {
        github.split(separator: "\n").filter { line in
            !["::group::", "::endgroup::", "::error ", "::warning ", "::notice ", "wardcheck: "].contains { line.hasPrefix($0) }
        }
    }

    private func assertNoHiddenCharacters(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { scalar in
            scalar != "\n" && scalar != "\t" && ["Cc", "Cf", "Zl", "Zp"].contains(category(scalar))
        }
        XCTAssertEqual(raw.map { String($0.value, radix: 16) }, [], "\(what) carries hidden characters raw", file: file, line: line)
    }

    private func category(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control: return "Cc"
        case .format: return "Cf"
        case .lineSeparator: return "Zl"
        case .paragraphSeparator: return "Zp"
        default: return ""
        }
    }

    func testALineBreakOrAnOverrideInAUnitNameIsRefusedWithItsPosition() throws {
        let forged = CIWard.ready.replacingOccurrences(of: "name: \"Phường Thử Nghiệm\"", with: "name: \"A\\n::error file=x::forged\"")
        let bidi = CIWard.ready.replacingOccurrences(of: "name: \"Phường Thử Nghiệm\"", with: "name: Phường Thử \u{202E}Nghiệm")
        try CIWard.write(forged, "forged.yaml", in: folder)
        try CIWard.write(bidi, "bidi.yaml", in: folder)
        let out = try run(["validate", "--format", "github", "forged.yaml", "bidi.yaml"])
        XCTAssertEqual(out.status, 2)
        XCTAssertEqual(foreignLines(out.stdout), [])
        // `name: "A\n…"` on line 2 starts at column 30: a quoted value with an escape, so the value's start.
        XCTAssertTrue(out.stdout.contains("::error file=forged.yaml,line=2,col=30,endLine=2,endColumn=57,title=WC114::unit.name: the text breaks onto a new line at character 2; this field holds one line"), out.stdout)
        // Written raw in a plain value, the override is the 12th character, at column 30 + 11 = 41.
        XCTAssertTrue(out.stdout.contains("::error file=bidi.yaml,line=2,col=41,title=WC114::unit.name: the text holds a control or invisible character, U+202E RIGHT-TO-LEFT OVERRIDE, at character 12"), out.stdout)
        let text = try run(["validate", "bidi.yaml"])
        XCTAssertTrue(text.stdout.contains("2 | unit: { code: \"99001\", name: Phường Thử \\u{202E}Nghiệm,"), text.stdout)
        assertNoHiddenCharacters(out.stdout + text.stdout, "validate")
    }

    func testAFileNameIsShownEscapedInEveryFormat() throws {
        let name = "x\n::error file=a::forged \u{202E}lmth.yaml"
        try CIWard.write(CIWard.failing, name, in: folder)
        try CIWard.write(CIWard.invalid, "bad\u{200B}\r.yaml", in: folder)
        for format in ["text", "json", "junit", "sarif", "github"] {
            for command in ["check", "validate"] {
                let out = try run([command, "--format", format, "."])
                XCTAssertEqual(out.status, 2, "\(command) \(format): \(out.stderr)")
                assertNoHiddenCharacters(out.stdout, "\(command) --format \(format)")
                if format == "github" { XCTAssertEqual(foreignLines(out.stdout), [], out.stdout) }
                if format == "text" {
                    XCTAssertFalse(out.stdout.split(separator: "\n").contains { $0.hasPrefix("::error") }, out.stdout)
                }
            }
        }
        for format in ["text", "json", "markdown", "html"] {
            let out = try run(["audit", "--format", format, "."])
            assertNoHiddenCharacters(out.stdout, "audit --format \(format)")
        }
        // CSV quotes a line break inside a cell (RFC 4180) rather than escaping it; nothing else is raw.
        let csv = try run(["audit", "--format", "csv", "."]).stdout
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"), "the byte order mark Excel needs")
        assertNoHiddenCharacters(String(csv.dropFirst()).replacingOccurrences(of: "\r", with: "\n"), "audit --format csv")
        // The file by its name, as people know it, not by the folder the audit ran in.
        XCTAssertTrue(csv.contains("\"bad\\u{200B}\r.yaml\""), csv)
        let text = try run(["check", "."]).stdout
        XCTAssertTrue(text.contains("x\\u{A}::error file=a::forged \\u{202E}lmth.yaml"), text)
    }

    func testAWaiverWithALineBreakIsRefusedAtLoad() throws {
        try CIWard.write(CIWard.failing, "ward.yaml", in: folder)
        try CIWard.write(CIWard.waivers(expires: "2099-12-31").replacingOccurrences(
            of: "justification: \"Tường lửa đang chờ mua sắm tập trung\"",
            with: "justification: \"chờ\\n::error::TC16 passed\""), "waivers.yaml", in: folder)
        let out = try run(["check", "--format", "github", "--waivers", "waivers.yaml", "ward.yaml"])
        XCTAssertEqual(out.status, 2, out.stdout)
        XCTAssertEqual(out.stdout, "", "nothing is judged with a broken waivers file")
        XCTAssertTrue(out.stderr.contains("waivers.yaml:5:20: error[WC114]: the text breaks onto a new line at character 4; this field holds one line"), out.stderr)
    }

    func testDeletedPathsFromGitAreShownEscaped() throws {
        try git("init", "-q")
        try git("config", "user.email", "ci@example.org")
        try git("config", "user.name", "wardcheck CI test")
        try git("config", "commit.gpgsign", "false")
        let hostile = "wards/a\n::error::forged\u{202E}.yaml"
        try CIWard.write(CIWard.ready, hostile, in: folder)
        try CIWard.write(CIWard.renamed(CIWard.ready, code: "99002"), "wards/kept.yaml", in: folder)
        try git("add", ".")
        try git("commit", "-q", "-m", "wards")
        try FileManager.default.removeItem(at: folder.appendingPathComponent(hostile))
        try CIWard.write(CIWard.failing, "wards/kept.yaml", in: folder)
        let out = try WardcheckProcess.run(["validate", "--changed-since", "HEAD", "wards", "--criteria", CIWard.criteria, "--lang", "en"],
                                           in: folder, environment: ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stderr, "deleted, not checked: wards/a\\u{A}::error::forged\\u{202E}.yaml\n")
    }

    private func git(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }
}
