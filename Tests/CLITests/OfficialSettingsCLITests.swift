import Foundation
import XCTest

/// `--official FILE`: the office writes who issues and signs its reports once, and an option on
/// the command line takes the place of the file's for one run. The fixture city has an invalid
/// file, so its audit exits 2 with its report written.
final class OfficialSettingsCLITests: XCTestCase {
    static let criteria = WardcheckProcess.repository.appendingPathComponent("criteria").path
    static let city = WardcheckProcess.repository.appendingPathComponent("Tests/Fixtures/city").path

    private func settings(_ text: String) throws -> URL {
        let file = try WardcheckProcess.temporaryFolder(self).appendingPathComponent("van-ban.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func testTheFileGivesTheHeadingAndAnOptionOverridesIt() throws {
        let file = try settings("""
            official: 1
            issuer: "Sở Khoa học và Công nghệ"
            number: "125/BC-SKHCN"
            place: "Hội An"
            date: 2026-12-07
            position: "Phó Giám đốc"
            signer: "Trần Thị Bình"
            recipients: ["Ban Chỉ đạo Trung ương", "Lưu: VT"]

            """)
        let target = file.deletingLastPathComponent().appendingPathComponent("bao-cao.docx")
        let out = try WardcheckProcess.run(["audit", Self.city, "--criteria", Self.criteria, "--as-of", "2025-08-01", "--format", "docx",
                                            "-o", target.path, "--official", file.path, "--signer", "Nguyễn Văn An"])
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertFalse(out.stderr.contains("van-ban.yaml"), out.stderr)
        let xml = try Python.run(["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", target.path], test: self)
        // Signed on the file's day, not the audit's (01/08/2025); the signer given on the command line.
        for expected in ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 125/BC-SKHCN", "Hội An, ngày 07 tháng 12 năm 2026", "PHÓ GIÁM ĐỐC",
                         "Nguyễn Văn An", "- Ban Chỉ đạo Trung ương;", "- Lưu: VT."] {
            XCTAssertTrue(xml.contains(expected), "the document lacks «\(expected)»")
        }
        XCTAssertFalse(xml.contains("Trần Thị Bình"), "the option takes the file's place")
    }

    func testWithoutADateTheDocumentIsDatedOnTheAuditsDay() throws {
        let file = try settings("place: \"Hội An\"\n")
        let target = file.deletingLastPathComponent().appendingPathComponent("bao-cao.docx")
        let out = try WardcheckProcess.run(["audit", Self.city, "--criteria", Self.criteria, "--as-of", "2025-08-01", "--format", "docx",
                                            "-o", target.path, "--official", file.path])
        XCTAssertEqual(out.status, 2, out.stderr)
        XCTAssertFalse(out.stderr.contains("van-ban.yaml"), out.stderr)
        let xml = try Python.run(["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", target.path], test: self)
        // Decree 30: a zero before a day under 10 and a month under 3 only.
        XCTAssertTrue(xml.contains("Hội An, ngày 01 tháng 8 năm 2025"))
    }

    func testAMisspeltKeyStopsTheRunAtItsLineBeforeAnyReport() throws {
        let file = try settings("issuer: \"Sở KH&CN\"\nsignr: \"Nguyễn Văn An\"\n")
        let target = file.deletingLastPathComponent().appendingPathComponent("bao-cao.docx")
        let out = try WardcheckProcess.run(["audit", Self.city, "--criteria", Self.criteria, "--format", "docx", "-o", target.path,
                                            "--official", file.path])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains(file.path + ":2:1: "), out.stderr)
        XCTAssertTrue(out.stderr.contains("có phải ý bạn là `signer`?"), out.stderr)
        XCTAssertTrue(out.stderr.contains("không đọc được tệp thông tin văn bản"), out.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "no report from a run that stopped")
        let english = try WardcheckProcess.run(["audit", Self.city, "--criteria", Self.criteria, "--format", "docx", "-o", target.path,
                                                "--official", file.path, "--lang", "en"])
        XCTAssertEqual(english.status, 2)
        XCTAssertTrue(english.stderr.contains("did you mean `signer`?"), english.stderr)
    }

    func testTheSettingsFileIsNeverOverwritten() throws {
        let file = try settings("place: \"Hội An\"\n")
        let out = try WardcheckProcess.run(["audit", Self.city, "--criteria", Self.criteria, "--format", "docx", "-o", file.path,
                                            "--official", file.path])
        XCTAssertEqual(out.status, 64, out.stderr)
        XCTAssertTrue(out.stderr.contains("đó là tệp đầu vào"), out.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "place: \"Hội An\"\n")
    }
}
