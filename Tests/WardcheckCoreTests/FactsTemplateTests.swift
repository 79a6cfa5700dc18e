import Foundation
import XCTest
import WardcheckCore
import YAMLTree

/// The `init` template is generated from the schema alone and is a valid facts file as written.
final class FactsTemplateTests: XCTestCase {
    private let asOf = Day(year: 2025, month: 7, day: 5)!

    private func standardValues(_ template: FactsTemplate, name: String = "Phường Hòa Xuân") throws -> [String: FactValue] {
        try template.values(code: "20194", name: name, choices: [("type", "ward"), ("terrain", "lowland")], asOf: asOf).get()
    }

    private func validate(_ text: String, _ schema: FactsSchema) -> (Facts?, [Spot], YAMLNode?) {
        let loaded = YAMLLoader.load(string: text)
        let sink = DiagnosticSink(file: "template.yaml")
        for problem in loaded.problems { sink.error(.yamlSyntax, at: problem.mark, Localized("\(problem.kind)")) }
        let facts = loaded.root.map { FactsValidator(schema: schema).validate($0, file: "template.yaml", sink: sink) }
        return (facts, sink.finished(source: loaded.source).map(Spot.init), loaded.root)
    }

    func testTemplateValidatesAsWrittenAndHoldsOnlyTheGivenValues() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let (facts, spots, _) = validate(template.render(try standardValues(template)), schema)
        XCTAssertEqual(spots, [])
        let facts_ = try XCTUnwrap(facts)
        // Format, identity, the two chosen enums and the reference date; everything else not reported.
        XCTAssertEqual(Set(facts_.values.keys), [schema.formatField, schema.codeField, schema.nameField,
                                                 "unit.type", "unit.terrain", schema.referenceDate])
        XCTAssertEqual(facts_[schema.formatField]?.value, .number(Decimal(try XCTUnwrap(schema.formats.last))))
        XCTAssertEqual(facts_.code, "20194")
        XCTAssertEqual(facts_.name, "Phường Hòa Xuân")
        XCTAssertEqual(facts_["unit.type"]?.value, .text("ward"))
        XCTAssertEqual(facts_["unit.terrain"]?.value, .text("lowland"))
        XCTAssertEqual(facts_.asOf, asOf)
    }

    func testTemplateWritesEverySchemaFieldInSchemaOrder() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let (_, _, root) = validate(template.render(try standardValues(template)), schema)
        var written: [String] = []
        func collect(_ node: YAMLNode, _ parent: String) {
            for entry in node.entries ?? [] {
                let path = parent.isEmpty ? entry.key : parent + "." + entry.key
                written.append(path)
                collect(entry.value, path)
            }
        }
        collect(try XCTUnwrap(root), "")
        // The schema lists each block before its fields, as the template writes them.
        XCTAssertEqual(written, schema.allPaths)
    }

    func testEveryFieldHasItsVietnameseDescriptionOnTheLineAbove() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let lines = template.render(try standardValues(template)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var searchFrom = 0
        for field in schema.fields {
            let indent = String(repeating: "  ", count: field.path.split(separator: ".").count - 1)
            guard let index = lines[searchFrom...].firstIndex(where: { $0.hasPrefix(indent + field.key + ":") }) else {
                return XCTFail("no line for \(field.path)")
            }
            XCTAssertTrue(lines[index - 1].hasPrefix(indent + "# " + field.description.vi),
                          "\(field.path): comment above is `\(lines[index - 1])`")
            searchFrom = index + 1
        }
    }

    func testBlocksAreWrittenInBlockStyle() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let code = template.render(try standardValues(template)).split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        XCTAssertFalse(code.contains { $0.contains("{") || $0.contains("[") }, "flow style found")
    }

    func testNamesWithQuotesBackslashesAndColonsReadBackExactly() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let awkward = "Phường \"Mới\" \\ số 1: # không phải chú thích, 'dấu nháy' & <thẻ>"
        let (facts, spots, _) = validate(template.render(try standardValues(template, name: awkward)), schema)
        XCTAssertEqual(spots, [])
        XCTAssertEqual(facts?.name.map { Array($0.unicodeScalars) }, Array(awkward.unicodeScalars))
    }

    func testNamesThatValidateWouldRefuseAreRefusedBeforeWriting() throws {
        // A line break, a tab, U+2028, a bidirectional override, a zero-width joiner: a unit name is one
        // visible line, so init says which character (1-based) is wrong instead of writing a bad file.
        let template = FactsTemplate(schema: try FactsFixtures.schema())
        for (name, position, code) in [("A\nB", 2, "U+000A"), ("A\tB", 2, "U+0009"), ("Phường\u{2028}", 7, "U+2028"),
                                       ("Xã \u{202E}Đông", 4, "U+202E"), ("An\u{200D}Hải", 3, "U+200D")] {
            let result = template.values(code: "20194", name: name, choices: [("type", "ward")], asOf: asOf)
            guard case .failure(let rejections) = result else { XCTFail("accepted \(name.debugDescription)"); continue }
            XCTAssertEqual(rejections.all.count, 1)
            XCTAssertTrue(rejections.all[0].message.en.contains("\(code)"), rejections.all[0].message.en)
            XCTAssertTrue(rejections.all[0].message.en.hasSuffix("at character \(position)"), rejections.all[0].message.en)
        }
    }

    func testDecomposedNameIsWrittenComposed() throws {
        let template = FactsTemplate(schema: try FactsFixtures.schema())
        let nfd = "Pho\u{031B}\u{0300}ng"  // "Phờng" typed decomposed
        let values = try standardValues(template, name: nfd)
        guard case .text(let written)? = values[template.schema.nameField] else { return XCTFail("no name") }
        XCTAssertEqual(Array(written.unicodeScalars), Array("Ph\u{1EDD}ng".unicodeScalars))
    }

    func testChoiceOutsideItsEnumIsRejectedListingTheAllowedValues() throws {
        let schema = try FactsFixtures.schema()
        let template = FactsTemplate(schema: schema)
        let result = template.values(code: "20194", name: "X", choices: [("type", "phường"), ("terrain", "hill")], asOf: asOf)
        guard case .failure(let rejections) = result else { return XCTFail("accepted `phường` and `hill`") }
        XCTAssertEqual(rejections.all.count, 2, "both bad options are named in one run")
        guard case .enumeration(let allowed, _)? = schema.field("unit.type")?.type else { return XCTFail("unit.type is not an enum") }
        let hint = rejections.all[0].hint?.en ?? ""
        XCTAssertTrue(hint.contains("did you mean `ward`?"), hint)
        for value in allowed { XCTAssertTrue(hint.contains(value), "hint should list \(value): \(hint)") }
    }

    func testChoiceWithoutAnEnumFieldAndBadCodeAreRejected() throws {
        let template = FactsTemplate(schema: try FactsFixtures.schema())
        let result = template.values(code: "2019", name: "X", choices: [("colour", "red")], asOf: asOf)
        guard case .failure(let rejections) = result else { return XCTFail("accepted a 4-digit code and `--colour`") }
        let messages = rejections.all.map(\.message.en)
        XCTAssertEqual(messages.count, 2, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("`2019`") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("`unit.colour`") }, "\(messages)")
    }

    func testTemplateFollowsAnyOtherSchema() throws {
        // A schema with none of the usual names, a block whose fields are declared apart, and a
        // second format version: the template must still be complete, grouped and valid.
        let schemaText = """
        schema: 1
        format_field: version
        formats: [1, 3]
        reference_date: day
        identity: { code: ward.id, name: ward.label }
        fields:
          - { path: version, type: count, required: true, vi: "Phiên bản", en: "Version", label: { vi: "Phiên bản", en: "Version" }, question: { vi: "?", en: "?" } }
          - { path: ward, type: block, required: true, vi: "Phường", en: "Ward", label: { vi: "Phường", en: "Ward" } }
          - { path: ward.id, type: code, pattern: "^W[0-9]+$", required: true, vi: "Mã", en: "Id", label: { vi: "Mã", en: "Id" }, question: { vi: "?", en: "?" } }
          - { path: ward.label, type: text, required: true, vi: "Tên", en: "Label", label: { vi: "Tên", en: "Label" }, question: { vi: "?", en: "?" } }
          - { path: day, type: date, required: true, vi: "Ngày", en: "Day", label: { vi: "Ngày", en: "Day" }, question: { vi: "?", en: "?" } }
          - { path: ward.kind, type: enum, values: [urban, rural], required: true, vi: "Loại", en: "Kind", label: { vi: "Loại", en: "Kind" }, question: { vi: "?", en: "?" },
              labels: { urban: { vi: "đô thị", en: "urban" }, rural: { vi: "nông thôn", en: "rural" } } }
          - { path: ward.pumps, type: count, vi: "Số máy bơm", en: "Pumps", label: { vi: "Số máy bơm", en: "Pumps" }, question: { vi: "?", en: "?" } }
        """
        let folder = try FactsFixtures.temporaryFolder(self)
        let path = folder.appendingPathComponent("facts.yaml").path
        try schemaText.write(toFile: path, atomically: true, encoding: .utf8)
        let sink = DiagnosticSink(file: path)
        let schema = try XCTUnwrap(FactsSchema.load(path: path, sink: sink), "\(sink.diagnostics.map(\.message.en))")
        let template = FactsTemplate(schema: schema)

        let values = try template.values(code: "W7", name: "Ward 7", choices: [("kind", "rural")], asOf: asOf).get()
        let text = template.render(values)
        let (facts, spots, root) = validate(text, schema)
        XCTAssertEqual(spots, [], text)
        XCTAssertEqual(root?.entries?.map(\.key), ["version", "ward", "day"], "one `ward` block: \(text)")
        XCTAssertEqual(root?["ward"]?.entries?.map(\.key), ["id", "label", "kind", "pumps"])
        XCTAssertEqual(facts?["version"]?.value, .number(3), "the last supported format")
        XCTAssertEqual(facts?["ward.kind"]?.value, .text("rural"))
        XCTAssertNil(facts?["ward.pumps"])
    }
}
