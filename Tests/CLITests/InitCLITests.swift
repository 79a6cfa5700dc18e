import Foundation
import XCTest

/// `wardcheck init` as an office uses it: write the template, fill it in, validate it.
final class InitCLITests: XCTestCase {
    private let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path

    private func initCommand(_ arguments: [String], in folder: URL) throws -> WardcheckProcess.Output {
        try WardcheckProcess.run(["init"] + arguments + ["--criteria", criteria], in: folder)
    }

    private let hoaXuan = ["--code", "20194", "--name", "Phường Hòa Xuân", "--type", "ward", "--terrain", "lowland", "--as-of", "2025-07-05"]

    private func validateJSON(_ file: String, in folder: URL) throws -> (WardcheckProcess.Output, [String: Any]) {
        let result = try WardcheckProcess.run(["validate", file, "--format", "json", "--criteria", criteria], in: folder)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result, try XCTUnwrap(json, "not JSON: \(result.stdout) \(result.stderr)"))
    }

    func testTemplatePassesValidateAsWritten() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let made = try initCommand(hoaXuan, in: folder)
        XCTAssertEqual(made.status, 0, made.stderr)

        // `-o` defaults to <code>.yaml in the current folder.
        let text = try String(contentsOf: folder.appendingPathComponent("20194.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("\n  code: \"20194\"\n"), text)
        XCTAssertTrue(text.contains("\n  name: \"Phường Hòa Xuân\"\n"), text)
        XCTAssertTrue(text.contains("\n  type: ward\n") && text.contains("\n  terrain: lowland\n"), text)
        XCTAssertTrue(text.contains("\nas_of: 2025-07-05\n"), text)

        let (validated, json) = try validateJSON("20194.yaml", in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout)
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["valid"] as? Int, 1)
        XCTAssertEqual(summary["errors"] as? Int, 0)
    }

    func testTemplateFilledWithCompleteValuesPassesValidate() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        XCTAssertEqual(try initCommand(hoaXuan, in: folder).status, 0)
        let url = folder.appendingPathComponent("20194.yaml")
        let template = try String(contentsOf: url, encoding: .utf8)

        let (filled, used, leftEmpty) = Self.fill(template, with: Self.domainExample)
        XCTAssertEqual(Set(used), Set(Self.domainExample.keys), "fields the template did not offer")
        XCTAssertEqual(leftEmpty, [], "fields the example does not fill")
        try filled.write(to: url, atomically: true, encoding: .utf8)

        let (validated, json) = try validateJSON("20194.yaml", in: folder)
        XCTAssertEqual(validated.status, 0, validated.stdout)
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(files.first?["valid"] as? Bool, true)
        XCTAssertEqual((files.first?["diagnostics"] as? [Any])?.count, 0)
    }

    func testFilledTemplateWithAnErrorIsReportedOnItsLine() throws {
        // Proof that filling really changes what validate sees: one wrong value, one error, on its line.
        let folder = try WardcheckProcess.temporaryFolder(self)
        XCTAssertEqual(try initCommand(hoaXuan, in: folder).status, 0)
        let url = folder.appendingPathComponent("20194.yaml")
        var values = Self.domainExample
        values["security.firewall"] = "yes"
        let (filled, _, _) = Self.fill(try String(contentsOf: url, encoding: .utf8), with: values)
        try filled.write(to: url, atomically: true, encoding: .utf8)
        let line = try XCTUnwrap(filled.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  firewall: yes" }) + 1

        let (validated, json) = try validateJSON("20194.yaml", in: folder)
        XCTAssertEqual(validated.status, 2)
        let diagnostics = try XCTUnwrap((json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { $0["code"] as? String }, ["WC103"])
        XCTAssertEqual(diagnostics.first?["line"] as? Int, line)
        XCTAssertEqual(diagnostics.first?["column"] as? Int, 13)  // `  firewall: ` is 12 characters
    }

    func testInitRefusesToOverwriteWithoutForce() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let url = folder.appendingPathComponent("20194.yaml")
        let original = Data("# số liệu đã điền — không được mất\nformat: 1\n".utf8)
        try original.write(to: url)

        let refused = try initCommand(hoaXuan, in: folder)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("20194.yaml"), "the message names the file: \(refused.stderr)")
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: url), original, "the existing file must be left byte for byte")

        let forced = try initCommand(hoaXuan + ["--force"], in: folder)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let written = try String(contentsOf: url, encoding: .utf8)
        XCTAssertNotEqual(Data(written.utf8), original)
        XCTAssertTrue(written.contains("\n  code: \"20194\"\n"))
        // The atomic write leaves no temporary file behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["20194.yaml"])
    }

    func testOutputOptionWritesElsewhereOrToStandardOutput() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let named = try initCommand(hoaXuan + ["-o", "nop/hoa-xuan.yaml"], in: folder)
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nop/hoa-xuan.yaml").path))

        let other = try WardcheckProcess.temporaryFolder(self)
        let printed = try initCommand(hoaXuan + ["-o", "-"], in: other)
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.contains("\n  code: \"20194\"\n"), printed.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: other.path), [], "`-o -` writes no file")
    }

    func testTypeOutsideTheSchemaIsRejectedWithTheAllowedValues() throws {
        let folder = try WardcheckProcess.temporaryFolder(self)
        let result = try initCommand(["--code", "20194", "--name", "X", "--type", "phường", "--lang", "en"], in: folder)
        XCTAssertNotEqual(result.status, 0)
        for value in ["ward", "commune", "special_zone"] {
            XCTAssertTrue(result.stderr.contains(value), "allowed value \(value) not listed: \(result.stderr)")
        }
        XCTAssertTrue(result.stderr.contains("did you mean `ward`?"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    // MARK: - Filling in a template

    /// The DOMAIN.md example, for every field `init` leaves empty. Text values carry their quotes.
    static let domainExample: [String: String] = [
        "unit.villages": "12",
        "contact.name": "\"Võ Hữu Tài\"", "contact.phone": "\"0236 3002 803\"",
        "network.internet.fibre": "true", "network.internet.download_mbps": "300", "network.internet.upload_mbps": "100",
        "network.backup_link": "4g",
        "network.data_network.connected": "true",
        "network.lan.all_offices": "true",
        "network.wifi.service_counter": "true",
        "network.mobile.headquarters_4g": "true", "network.mobile.villages_without_signal": "0",
        "network.video_conference.endpoint": "true", "network.video_conference.last_test": "2025-07-01",
        "power.generator.present": "true", "power.generator.capacity_kva": "10", "power.generator.fuel_hours": "8",
        "power.generator.last_test": "2025-06-20",
        "power.ups.present": "true", "power.ups.runtime_minutes": "30",
        "equipment.computers.working": "42",
        "equipment.service_counter.desks": "4", "equipment.service_counter.scanners": "4",
        "equipment.printers.working": "10",
        "staffing.officials": "45", "staffing.it_officer": "true",
        "staffing.digital_signatures.personal": "45", "staffing.digital_signatures.organisation": "true",
        "staffing.trained": "40",
        "staffing.community_digital_team.villages_covered": "12",
        "systems.document_accounts": "45", "systems.procedure_accounts": "20", "systems.email_accounts": "45",
        "security.protected_computers": "42",
        "security.firewall": "true",
    ]

    /// Writes `values` after the colons the template left empty, finding each field's path from
    /// the indentation as a person would. Returns the text, the paths filled, and the fields still
    /// empty (lines with no value and nothing indented under them).
    static func fill(_ template: String, with values: [String: String]) -> (String, [String], [String]) {
        var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var stack: [String] = []
        var used: [String] = []
        var empty: [(index: Int, path: String, depth: Int)] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let depth = (line.count - trimmed.count) / 2
            let key = String(trimmed[..<colon])
            stack = Array(stack.prefix(depth)) + [key]
            let path = stack.joined(separator: ".")
            guard trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if let value = values[path] {
                lines[index] = line + " " + value
                used.append(path)
            } else {
                empty.append((index, path, depth))
            }
        }
        // An empty line with a deeper line right after it is a block, not an unfilled field.
        let content = lines.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty && !$0.element.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let leftEmpty = empty.filter { entry in
            guard let position = content.firstIndex(where: { $0.offset == entry.index }) else { return true }
            let next = content.indices.contains(position + 1) ? content[position + 1].element : nil
            let nextDepth = next.map { ($0.count - $0.drop { $0 == " " }.count) / 2 } ?? 0
            return nextDepth <= entry.depth
        }.map(\.path)
        return (lines.joined(separator: "\n"), used, leftEmpty)
    }
}
