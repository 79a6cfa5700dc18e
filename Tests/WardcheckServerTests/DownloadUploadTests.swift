import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// `POST /api/yaml` gives the file `init` would write, filled with the answers, and `validate`
/// accepts it; `POST /api/upload` reads a file back into the form, diagnostics at their fields.
final class DownloadUploadTests: XCTestCase {
    func testTheDownloadIsWhatInitWritesForTheSameAnswers() async throws {
        let folder = try ServerFixture.temporaryFolder(self)
        let initialised = try Wardcheck.run(["init", "--code", "20194", "--name", "Phường Hòa Xuân", "--type", "ward",
                                             "--terrain", "lowland", "--as-of", "2025-07-05", "-o", "-"], in: folder)
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        let template = try Self.withoutEditorLine(initialised.stdout)
        XCTAssertTrue(template.hasPrefix("# Tệp dữ kiện"))
        let answers = ["format": "1", "unit.code": "20194", "unit.name": "Phường Hòa Xuân", "unit.type": "ward",
                       "unit.terrain": "lowland", "as_of": "2025-07-05"]
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.post("/api/yaml", answers: answers)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.header("Content-Type"), "application/yaml; charset=utf-8")
            XCTAssertEqual(response.header("Content-Disposition"), "attachment; filename=\"20194.yaml\"")
            XCTAssertEqual(response.text, template)
        }
    }

    /// `init` starts with a line pointing an editor at the JSON Schema by a path from where the
    /// file is written; a download's place is the browser's to choose, so the page leaves that line
    /// out and the rest must be the same text.
    static func withoutEditorLine(_ text: String) throws -> String {
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        XCTAssertTrue(lines.first?.hasPrefix("# yaml-language-server: $schema=") == true, String(lines.first ?? ""))
        return String(try XCTUnwrap(lines.last))
    }

    /// In English, the comments are English, as `init --lang en` writes them.
    func testTheEnglishDownloadIsWhatInitWritesInEnglish() async throws {
        let folder = try ServerFixture.temporaryFolder(self)
        let initialised = try Wardcheck.run(["init", "--lang", "en", "--code", "20352", "--name", "Xã Bà Nà", "--type", "commune",
                                             "--as-of", "2025-07-05", "-o", "-"], in: folder)
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        let template = try Self.withoutEditorLine(initialised.stdout)
        XCTAssertTrue(template.hasPrefix("# Facts for one unit"))
        let answers = ["format": "1", "unit.code": "20352", "unit.name": "Xã Bà Nà", "unit.type": "commune", "as_of": "2025-07-05"]
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.post("/api/yaml?lang=en", answers: answers)
            XCTAssertEqual(response.text, template)
        }
    }

    /// With every answer given, the file is the template holding exactly the typed values a
    /// hand-written file with those facts holds, and `validate` and `check` accept it.
    func testAFullDownloadValidatesAndHoldsTheAnswers() async throws {
        let folder = try ServerFixture.temporaryFolder(self)
        let set = try ServerFixture.criteria()
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let text = try await client.post("/api/yaml", answers: Answers16.ready).text
            let file = folder.appendingPathComponent("99001.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let validated = try Wardcheck.run(["validate", "99001.yaml"], in: folder)
            XCTAssertEqual(validated.status, 0, validated.stdout + validated.stderr)
            let checked = try Wardcheck.run(["check", "99001.yaml"], in: folder)
            XCTAssertEqual(checked.status, 0, checked.stdout)
            XCTAssertTrue(checked.stdout.contains("16/16 tiêu chí đạt"))

            // The same facts, read from the shared fixture written by hand: every value equal.
            let fromForm = FactsFile.load(path: file.path, validator: set.validator).facts?.values.mapValues(\.value)
            let fixture = ServerFixture.root.appendingPathComponent("Tests/Fixtures/facts/ready-ward.yaml").path
            let byHand = FactsFile.load(path: fixture, validator: set.validator).facts?.values.mapValues(\.value)
            XCTAssertNotNil(fromForm)
            XCTAssertEqual(fromForm, byHand)
            // Every field of the template is there, with its comment, as `init` writes it.
            XCTAssertTrue(text.contains("  # Máy phát điện dự phòng\n  generator:\n    # Có máy phát điện (true/false)\n    present: true\n"))
        }
    }

    /// What the page shows beside the scorecard is what `wardcheck check` prints for the file downloaded.
    func testTheCheckTextIsWhatCheckPrintsForTheDownloadedFile() async throws {
        let folder = try ServerFixture.temporaryFolder(self)
        let answers = Answers16.with(["equipment.printers.working": nil, "power.generator.capacity_kva": "3", "contact.name": "Lê Thị Hoa"])
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let yaml = try await client.post("/api/yaml", answers: answers).text
            try yaml.write(to: folder.appendingPathComponent("99001.yaml"), atomically: true, encoding: .utf8)
            let shown = try await client.post("/api/evaluate", answers: answers).json()
            let checked = try Wardcheck.run(["check", "99001.yaml"], in: folder)
            XCTAssertEqual(checked.status, 1)
            XCTAssertEqual(shown["check_text"] as? String, checked.stdout)
        }
    }

    func testTheDownloadNameIsNeverTakenFromAnUncheckedCode() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.post("/api/yaml", answers: ["unit.code": "../../etc/passwd"])
            XCTAssertEqual(response.header("Content-Disposition"), "attachment; filename=\"tu-danh-gia.yaml\"")
            let english = try await client.post("/api/yaml?lang=en", answers: ["unit.code": "20194\"; x=\""])
            XCTAssertEqual(english.header("Content-Disposition"), "attachment; filename=\"self-assessment.yaml\"")
        }
    }

    /// The sample city's one invalid file (wards/README.md): a misspelt `genrator` block, `firewall: yes`
    /// and `working: 4.5`. Its values fill the form, read as meant where they can be (with a note
    /// that says what the file wrote), asked about where they cannot; the file's own check is kept
    /// for the file view.
    func testAnUploadedFileFillsTheFormReadAsMeantWithNotesAndQuestions() async throws {
        let file = ServerFixture.wards.appendingPathComponent("submissions/20473-que-son.yaml")
        let bytes = try Data(contentsOf: file)
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let response = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "application/yaml"],
                                                    body: ByteBuffer(bytes: bytes))
            XCTAssertEqual(response.status, .ok)
            let json = try response.json()
            let opened = try XCTUnwrap(json["opened"] as? [String: Any])
            XCTAssertEqual(opened["valid"] as? Bool, false)
            XCTAssertEqual((opened["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }.sorted(), ["WC101", "WC103", "WC104"])
            XCTAssertEqual(json["file"] as? String, "20473.yaml")
            let answers = try XCTUnwrap(json["answers"] as? [String: String])
            XCTAssertEqual(answers["unit.code"], "20473")
            XCTAssertEqual(answers["unit.name"], "Xã Quế Sơn")
            XCTAssertEqual(answers["security.firewall"], "true", "`yes` is the firewall's yes")
            XCTAssertEqual(answers["equipment.printers.working"], "4.5", "as written, beside its question")
            XCTAssertEqual(answers["staffing.officials"], "30")
            XCTAssertEqual(answers["power.generator.present"], "true", "the misspelt block's values go where they were meant")
            XCTAssertEqual(answers["power.generator.capacity_kva"], "7,5", "as Vietnamese writes it")
            XCTAssertEqual(answers.count, 41, "every value the file writes, the generator's four with them, counted by hand")
            let notes = Dictionary(uniqueKeysWithValues: (json["notes"] as? [[String: Any]] ?? []).map { ($0["field"] as! String, $0["text"] as! String) })
            XCTAssertEqual(notes["power.generator"], "Tệp ghi «genrator»; đã hiểu là «Máy phát điện dự phòng».")
            XCTAssertEqual(notes["security.firewall"], "Tệp ghi «yes»; đã hiểu là «Đã có tường lửa».")
            XCTAssertEqual(questions(json)["equipment.printers.working"], "«4.5»: ô này đếm số lượng, cần một số nguyên, ví dụ 12.")
            XCTAssertEqual(json["scored"] as? Bool, true, "the rest is scored")
            XCTAssertEqual(outcomes(json)["TC16"], "passed")
            XCTAssertEqual(outcomes(json)["TC10"], "not_reported")
        }
    }

    /// A misspelt block whose meaning is plain carries its values where they were meant, with a
    /// note; a key the form has nothing like is left out, and said so.
    func testAMisspeltBlockGoesWhereItMeantAndAStrayKeyIsSaid() async throws {
        let text = """
        format: 1
        unit: { code: "20194", name: "Phường Hòa Xuân", type: ward }
        as_of: 2025-07-05
        equipment:
          printer:
            working: 6
          xyz: 1

        """
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let json = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "application/yaml"],
                                                body: ByteBuffer(string: text)).json()
            XCTAssertEqual((json["answers"] as? [String: String])?["equipment.printers.working"], "6", "the printers' value is not dropped")
            let notes = Dictionary(uniqueKeysWithValues: (json["notes"] as? [[String: Any]] ?? []).map { ($0["field"] as! String, $0["text"] as! String) })
            XCTAssertEqual(notes["equipment.printers"], "Tệp ghi «printer»; đã hiểu là «Máy in».")
            XCTAssertEqual(notes["equipment"], "Tệp có mục «xyz» không có trong mẫu nên bị bỏ qua.")
            XCTAssertEqual(outcomes(json)["TC10"], "not_reported", "6 printers but no officials: TC10 waits on the officials")
        }
    }

    func testAnUploadedValidFileIsScored() async throws {
        let file = ServerFixture.wards.appendingPathComponent("submissions/20352-ba-na.yaml")
        try await ServerFixture.app(try ServerFixture.settings(wards: ServerFixture.wards)).test(.router) { client in
            let json = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "text/yaml"],
                                                body: ByteBuffer(bytes: try Data(contentsOf: file))).json()
            XCTAssertEqual(json["valid"] as? Bool, true)
            XCTAssertEqual((json["opened"] as? [String: Any])?["valid"] as? Bool, true)
            XCTAssertEqual(json["name"] as? String, "Xã Bà Nà")
            XCTAssertEqual((json["answers"] as? [String: String])?["network.backup_link"], "none")
            XCTAssertEqual((json["notes"] as? [[String: Any]])?.count, 0, "a valid file needs no note")
        }
    }

    func testAnUploadThatIsNotUTF8OrNotYAMLIsReportedNotCrashed() async throws {
        try await ServerFixture.app(try ServerFixture.settings()).test(.router) { client in
            let legacy = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "application/yaml"],
                                                  body: ByteBuffer(bytes: Array("unit:\n  name: \"Ph".utf8) + [0xFF, 0x22, 0x0A])).json()
            XCTAssertEqual(((legacy["opened"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }, ["WC003"])
            let broken = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "application/yaml"],
                                                  body: ByteBuffer(string: "unit: [\n")).json()
            XCTAssertEqual(((broken["opened"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }, ["WC004"])
            let note = (broken["notes"] as? [[String: Any]])?.first { $0["field"] as? String == "" }?["text"] as? String
            XCTAssertEqual(note, "Không đọc được tệp này: lỗi cú pháp YAML.", "said in words, at the top of the form")
            XCTAssertEqual(broken["scored"] as? Bool, true, "the form is still scored, empty")
        }
    }

    func testUploadRefusesOtherTypesAndOversizedFiles() async throws {
        try await ServerFixture.app(try ServerFixture.settings(bodyLimit: 1000)).test(.router) { client in
            let plain = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "format: 1\n"))
            XCTAssertEqual(plain.status, .unsupportedMediaType)
            let big = try await client.execute(uri: "/api/upload", method: .post, headers: [.contentType: "application/yaml"],
                                               body: ByteBuffer(string: "# " + String(repeating: "x", count: 2000) + "\n"))
            XCTAssertEqual(big.status, .contentTooLarge)
        }
    }
}

/// Runs the `wardcheck` binary built beside the tests, as a user would.
enum Wardcheck {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("wardcheck")
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:], executable: URL = binary) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["WARDCHECK_CRITERIA"] = ServerFixture.criteriaFolder
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
