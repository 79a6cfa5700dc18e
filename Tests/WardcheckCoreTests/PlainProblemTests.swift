import Foundation
import XCTest
@testable import WardcheckCore

/// A facts file's problems said to someone who never opens the file (`Diagnostic.people`): the
/// field by its label, the value quoted, what is expected in words; no key path, code, backtick
/// or line. Each sentence is written out by hand.
final class PlainProblemTests: XCTestCase {
    private func people(_ name: String, _ language: Language = .vi, checks: FileChecks = FileChecks()) throws -> [String] {
        FactsFile.load(path: FactsFixtures.path(name), validator: try FactsFixtures.validator(), checks: checks)
            .diagnostics.filter { $0.severity != .note }.map { $0.people.text(language) }
    }

    private func assertForPeople(_ sentences: [String], file: StaticString = #filePath, line: UInt = #line) {
        for sentence in sentences {
            XCTAssertFalse(sentence.contains("`"), sentence, file: file, line: line)
            XCTAssertNil(sentence.range(of: #"WC\d{3}|[a-z_]{2,}\.[a-z_]{2,}|\b(true|false)\b|\d{4}-\d{2}-\d{2}"#, options: .regularExpression), sentence, file: file, line: line)
        }
    }

    func testValuesAFileCannotHold() throws {
        let vi = try people("many-errors.yaml")
        XCTAssertTrue(vi.contains("Mã đơn vị: «2019» không đúng dạng (5 chữ số, ví dụ 20194)"), "\(vi)")
        XCTAssertTrue(vi.contains("Bộ lưu điện: «yes» không phải câu trả lời có hoặc không"), "\(vi)")
        XCTAssertTrue(vi.contains("Số máy in đang hoạt động: «4.5» không phải một số nguyên"), "\(vi)")
        XCTAssertTrue(vi.contains("Mục Nguồn điện có tên «genrator», có phải «generator» (Máy phát điện dự phòng)?"), "\(vi)")
        XCTAssertTrue(vi.contains("Số cán bộ được tập huấn (25) lớn hơn số cán bộ, công chức (20)"), "\(vi)")
        assertForPeople(vi)
        let en = try people("many-errors.yaml", .en)
        XCTAssertTrue(en.contains("UPS: «yes» is not a yes-or-no answer"), "\(en)")
        XCTAssertTrue(en.contains("The section Power has «genrator»: is it «generator» (Backup generator)?"), "\(en)")
        XCTAssertTrue(en.contains("Trained officials (25) exceed officials (20)"), "\(en)")
        assertForPeople(en)
    }

    func testAChoiceOutsideTheListNamesTheChoicesInWords() throws {
        let vi = try people("enum-outside.yaml")
        XCTAssertTrue(vi.contains("Loại đơn vị: «phường» không phải một lựa chọn; chọn «phường», «xã» hoặc «đặc khu»"), "\(vi)")
        XCTAssertTrue(vi.contains("Địa hình: «mountian» không phải một lựa chọn; chọn «đồng bằng», «ven biển», «miền núi» hoặc «hải đảo»"), "\(vi)")
        assertForPeople(vi)
    }

    func testMissingAndContradictoryAndLateAnswers() throws {
        let missing = try people("missing-required.yaml")
        XCTAssertFalse(missing.isEmpty)
        XCTAssertTrue(missing.allSatisfy { $0.hasPrefix("Thiếu ") }, "\(missing)")
        assertForPeople(missing)
        let late = try people("date-after-as-of.yaml")
        XCTAssertTrue(late.contains { $0.hasSuffix(", sau ngày số liệu 05/07/2025") }, "\(late)")
        assertForPeople(late)
        // Dated after today: 2025-07-05 is after a today of 2025-07-01.
        let future = try people("valid-minimal.yaml", checks: FileChecks(today: Day(iso: "2025-07-01")))
        XCTAssertEqual(future, ["Ngày số liệu 05/07/2025 chưa đến: hôm nay là 01/07/2025"])
    }

    func testAStrayKeyWithNoNearSpelling() {
        let sink = DiagnosticSink(file: "x.yaml")
        let schema = try! FactsFixtures.schema()
        let root = YAMLLoaderShim.root("format: 1\nzzzzzz: 1\n")
        _ = FactsValidator(schema: schema).validate(root, file: "x.yaml", sink: sink)
        let plain = sink.diagnostics.first { $0.code == .unknownKey }?.people
        XCTAssertEqual(plain?.vi, "Tệp có tên «zzzzzz», không có trong mẫu")
        XCTAssertEqual(plain?.en, "The file has «zzzzzz», which the form does not have")
    }
}

import YAMLTree

enum YAMLLoaderShim {
    static func root(_ text: String) -> YAMLNode {
        YAMLLoader.load(string: text).root!
    }
}
