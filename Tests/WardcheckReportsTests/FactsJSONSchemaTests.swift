import Foundation
import WardcheckCore
import XCTest
@testable import WardcheckReports

/// The JSON Schema generator over a made-up facts schema whose names appear nowhere in the
/// shipped one: what comes out can only have come from the YAML.
final class FactsJSONSchemaTests: XCTestCase {
    static let facts = """
    schema: 1
    format_field: version
    formats: [3, 4]
    reference_date: seen_on
    identity: { code: site.ref, name: site.label }
    fields:
      - { path: version, type: count, required: true, vi: "Phiên bản", en: "Version", label: { vi: "Phiên bản", en: "Version" }, question: { vi: "Phiên bản?", en: "Version?" } }
      - { path: site, type: block, required: true, vi: "Nơi", en: "Site", label: { vi: "Nơi", en: "Site" } }
      - { path: site.ref, type: code, pattern: "[A-Z]{2}-[0-9]+", required: true, vi: "Mã nơi", en: "Site reference", label: { vi: "Mã", en: "Ref" }, question: { vi: "Mã?", en: "Ref?" } }
      - { path: site.label, type: text, required: true, vi: "Tên nơi", en: "Site label", label: { vi: "Tên", en: "Label" }, question: { vi: "Tên?", en: "Label?" } }
      - { path: site.kind, type: enum, values: [north, "5", "null"], vi: "Loại", en: "Kind", label: { vi: "Loại", en: "Kind" }, question: { vi: "Loại?", en: "Kind?" },
          labels: { north: { vi: "bắc", en: "north" }, "5": { vi: "năm", en: "five" }, "null": { vi: "không", en: "none" } } }
      - { path: seen_on, type: date, required: true, vi: "Ngày xem", en: "Day seen", label: { vi: "Ngày", en: "Day" }, question: { vi: "Ngày?", en: "Day?" } }
      - { path: pumps, type: block, vi: "Máy bơm", en: "Pumps", label: { vi: "Bơm", en: "Pumps" } }
      - { path: pumps.spare, type: boolean, vi: "Có bơm dự phòng", en: "Spare pump", label: { vi: "Bơm dự phòng", en: "Spare" }, question: { vi: "Có bơm dự phòng?", en: "Spare?" },
          answers: { "true": { vi: "Có", en: "Yes" }, "false": { vi: "Không", en: "No" } } }
      - { path: pumps.flow_lps, type: number, unit: "l/s", vi: "Lưu lượng", en: "Flow", label: { vi: "Lưu lượng", en: "Flow" }, question: { vi: "Lưu lượng?", en: "Flow?" } }
      - { path: pumps.count, type: count, minimum: 1, vi: "Số bơm", en: "Pump count", label: { vi: "Số bơm", en: "Pumps" }, question: { vi: "Bao nhiêu bơm?", en: "How many?" } }
      - { path: pumps.inspected, type: date, vi: "Ngày kiểm tra", en: "Inspected", label: { vi: "Ngày kiểm tra", en: "Inspected" }, question: { vi: "Khi nào?", en: "When?" } }
    rules:
      - { fact: pumps.count, at_most: pumps.count, vi: "x", en: "x" }
    """

    private func generated() throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("facts.yaml").path
        try Self.facts.write(toFile: path, atomically: true, encoding: .utf8)
        let sink = DiagnosticSink(file: path)
        let schema = try XCTUnwrap(FactsSchema.load(path: path, sink: sink), sink.diagnostics.map { $0.message.en }.joined(separator: "; "))
        let json = FactsJSONSchema.render(schema)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? [String: Any])
    }

    func testTheTopLevelIsAClosedObjectOfTheDeclaredDialect() throws {
        let root = try generated()
        XCTAssertEqual(root["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(root["type"] as? String, "object")
        XCTAssertEqual(root["additionalProperties"] as? Bool, false)
        XCTAssertEqual(root["required"] as? [String], ["version", "site", "seen_on"])
        XCTAssertEqual((root["properties"] as? [String: Any])?.keys.sorted(), ["pumps", "seen_on", "site", "version"])
        // The cross-field rule and the reference date, named from the data, in the comment.
        let comment = try XCTUnwrap(root["$comment"] as? String)
        XCTAssertTrue(comment.contains("pumps.count ≤ pumps.count") && comment.contains("no date after seen_on"), comment)
    }

    func testEachTypeMapsToItsKeywords() throws {
        let properties = try XCTUnwrap(try generated()["properties"] as? [String: Any])
        let version = try XCTUnwrap(properties["version"] as? [String: Any])
        XCTAssertEqual(version["type"] as? String, "integer")
        XCTAssertEqual(version["enum"] as? [Int], [3, 4], "the format field allows the versions read, nothing else")

        let site = try XCTUnwrap(properties["site"] as? [String: Any])
        XCTAssertEqual(site["type"] as? String, "object", "a required block cannot be left empty")
        XCTAssertEqual(site["required"] as? [String], ["ref", "label"])
        XCTAssertEqual(site["additionalProperties"] as? Bool, false)
        let inner = try XCTUnwrap(site["properties"] as? [String: Any])
        let ref = try XCTUnwrap(inner["ref"] as? [String: Any])
        XCTAssertEqual(ref["type"] as? String, "string")
        XCTAssertEqual(ref["pattern"] as? String, "^(?:[A-Z]{2}-[0-9]+)(?![\\s\\S])", "anchored as wardcheck matches the whole value")
        let label = try XCTUnwrap(inner["label"] as? [String: Any])
        XCTAssertEqual(label["type"] as? [String], ["string", "number", "boolean"], "any scalar is text to wardcheck")
        let kind = try XCTUnwrap(inner["kind"] as? [String: Any])
        let values = try XCTUnwrap(kind["enum"] as? [Any])
        // "5" and "null" written plain reach a YAML 1.2 validator as 5 and null; optional adds null.
        XCTAssertEqual(values.count, 6)
        XCTAssertEqual(values[0] as? String, "north")
        XCTAssertEqual(values[1] as? String, "5")
        XCTAssertEqual(values[2] as? Int, 5)
        XCTAssertEqual(values[3] as? String, "null")
        XCTAssertTrue(values[4] is NSNull)
        XCTAssertTrue(values[5] is NSNull)

        let pumps = try XCTUnwrap(properties["pumps"] as? [String: Any])
        XCTAssertEqual(pumps["type"] as? [String], ["object", "null"], "an optional block may be left empty")
        XCTAssertEqual(pumps["required"] as? [String], [])
        let fields = try XCTUnwrap(pumps["properties"] as? [String: Any])
        XCTAssertEqual((fields["spare"] as? [String: Any])?["type"] as? [String], ["boolean", "null"])
        let flow = try XCTUnwrap(fields["flow_lps"] as? [String: Any])
        XCTAssertEqual(flow["type"] as? [String], ["number", "null"])
        XCTAssertEqual(flow["minimum"] as? Int, 0)
        XCTAssertEqual(flow["maximum"] as? Int, 1_000_000)
        let count = try XCTUnwrap(fields["count"] as? [String: Any])
        XCTAssertEqual(count["type"] as? [String], ["integer", "null"])
        XCTAssertEqual(count["minimum"] as? Int, 1, "a field whose zero is impossible says so")
        let inspected = try XCTUnwrap(fields["inspected"] as? [String: Any])
        XCTAssertEqual(inspected["type"] as? [String], ["string", "null"])
        XCTAssertEqual(inspected["format"] as? String, "date")
        XCTAssertEqual(inspected["pattern"] as? String, FactsJSONSchema.datePattern)
    }

    func testDescriptionsVietnameseFirstEnglishBeside() throws {
        let properties = try XCTUnwrap(try generated()["properties"] as? [String: Any])
        let pumps = try XCTUnwrap(properties["pumps"] as? [String: Any])
        XCTAssertEqual(pumps["description"] as? String, "Máy bơm")
        XCTAssertEqual(pumps["markdownDescription"] as? String, "Máy bơm\n\n*Pumps*")
        XCTAssertEqual(pumps["x-description-en"] as? String, "Pumps")
    }

    /// The date pattern knows month lengths and leap years, as `wardcheck validate` does.
    func testDatePatternIsACalendar() throws {
        let regex = try NSRegularExpression(pattern: FactsJSONSchema.datePattern)
        func accepts(_ s: String) -> Bool { regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        for good in ["2025-07-05", "2024-02-29", "2000-02-29", "1996-02-29", "2025-12-31", "2025-04-30", "0400-02-29"] {
            XCTAssertTrue(accepts(good), good)
            XCTAssertNotNil(Day(iso: good), "wardcheck agrees: \(good)")
        }
        for bad in ["2025-02-29", "1900-02-29", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-07-00", "2025-7-5",
                    "05/07/2025", "2025-07-05T00:00", " 2025-07-05", "20250705", "2025-07-05\n", "2025-07-05\r"] {
            XCTAssertFalse(accepts(bad), bad)
            XCTAssertNil(Day(iso: bad), "wardcheck agrees: \(bad)")
        }
    }

    func testTextPatternRefusesControlCharactersButTabAndNewline() throws {
        let regex = try NSRegularExpression(pattern: FactsJSONSchema.textPattern)
        func accepts(_ s: String) -> Bool { regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        XCTAssertTrue(accepts("Phường Hòa Xuân"))
        XCTAssertTrue(accepts("a\tb\nc"))
        XCTAssertFalse(accepts("red \u{1B}[31m"))
        XCTAssertFalse(accepts("bell\u{7}"))
        XCTAssertFalse(accepts("cr\r"))
        XCTAssertFalse(accepts("c1\u{85}"))
    }
}
