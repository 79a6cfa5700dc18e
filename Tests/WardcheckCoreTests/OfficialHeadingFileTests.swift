import WardcheckCore
import XCTest

/// The settings file of the administrative document: read whole, and strict where a slip would
/// leave a blank the office believes it filled.
final class OfficialHeadingFileTests: XCTestCase {
    private func load(_ text: String) throws -> (OfficialHeading?, [Diagnostic]) {
        OfficialHeading.load(path: try Repo.write(text, name: "van-ban.yaml", test: self))
    }

    func testEveryPartIsRead() throws {
        let (settings, diagnostics) = try load("""
            official: 1
            parent_body: "UBND thành phố Đà Nẵng"
            issuer: "Sở Khoa học và Công nghệ"
            number: "125/BC-SKHCN"
            place: "Đà Nẵng"
            date: 2026-12-07
            authority: "KT. GIÁM ĐỐC"
            position: "PHÓ GIÁM ĐỐC"
            signer: "Nguyễn Văn An"
            recipients:
              - "Ban Chỉ đạo Trung ương"
              - "Lưu: VT"

            """)
        XCTAssertEqual(diagnostics.count, 0)
        let read = try XCTUnwrap(settings)
        XCTAssertEqual(read.parent, "UBND thành phố Đà Nẵng")
        XCTAssertEqual(read.issuer, "Sở Khoa học và Công nghệ")
        XCTAssertEqual(read.number, "125/BC-SKHCN")
        XCTAssertEqual(read.place, "Đà Nẵng")
        XCTAssertEqual(read.date, Day(iso: "2026-12-07"))
        XCTAssertEqual(read.authority, "KT. GIÁM ĐỐC")
        XCTAssertEqual(read.position, "PHÓ GIÁM ĐỐC")
        XCTAssertEqual(read.signer, "Nguyễn Văn An")
        XCTAssertEqual(read.recipients, ["Ban Chỉ đạo Trung ương", "Lưu: VT"])
    }

    func testWhatIsLeftOutStaysBlank() throws {
        let (settings, diagnostics) = try load("place: \"Hội An\"\n")
        XCTAssertEqual(diagnostics.count, 0)
        var expected = OfficialHeading()
        expected.place = "Hội An"
        XCTAssertEqual(settings, expected)
    }

    func testAMisspeltKeyIsAnErrorAtItsPlaceWithTheKeyMeant() throws {
        let (settings, diagnostics) = try load("issuer: \"Sở KH&CN\"\nsignr: \"Nguyễn Văn An\"\n")
        XCTAssertNil(settings, "a signer the office typed must not become a blank")
        let error = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(error.code, .configInvalid)
        XCTAssertEqual([error.start.line, error.start.column], [2, 1])
        XCTAssertEqual(error.message.en, "unknown key `signr` in official")
        XCTAssertEqual(error.hint?.en, "did you mean `signer`?")
        XCTAssertEqual(error.hint?.vi, "có phải ý bạn là `signer`?")
    }

    func testRecipientsAreAList() throws {
        let (settings, diagnostics) = try load("recipients: \"Lưu: VT\"\n")
        XCTAssertNil(settings)
        XCTAssertEqual(diagnostics.map(\.start.line), [1])
        XCTAssertEqual(diagnostics.first?.message.vi, "`recipients` cần một danh sách nơi nhận")
    }

    func testALineBreakInANameIsRefused() throws {
        // A signer's name over two lines would break the signature block.
        let (settings, diagnostics) = try load("signer: \"Nguyễn\\nVăn An\"\n")
        XCTAssertNil(settings)
        XCTAssertEqual(diagnostics.map(\.start.line), [1])
    }

    func testOnlyVersionOneIsKnown() throws {
        let (settings, diagnostics) = try load("official: 2\n")
        XCTAssertNil(settings)
        XCTAssertEqual(diagnostics.map { [$0.start.line, $0.start.column] }, [[1, 11]])
        XCTAssertEqual(diagnostics.first?.hint?.en, "write `official: 1`")
    }

    func testADateIsAnISODate() throws {
        let (settings, diagnostics) = try load("date: 07/12/2026\n")
        XCTAssertNil(settings)
        XCTAssertEqual(diagnostics.map(\.start.line), [1])
    }
}
