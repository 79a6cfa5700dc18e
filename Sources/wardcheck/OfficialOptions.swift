import ArgumentParser
import WardcheckCore
import WardcheckReports

/// Who issues and signs a report written as an administrative document (`--format docx`). What
/// is not given stays a dotted blank in the document, for the office to fill by hand.
struct OfficialOptions: ParsableArguments {
    @Option(name: .long, help: "Cơ quan chủ quản / the body above the issuer, e.g. \"UBND thành phố Đà Nẵng\" (docx).")
    var parentBody: String?

    @Option(name: .long, help: "Cơ quan ban hành / the issuing body, e.g. \"Sở Khoa học và Công nghệ\" (docx).")
    var issuer: String?

    @Option(name: .long, help: "Số, ký hiệu / number and symbol, e.g. \"125/BC-SKHCN\" (docx).")
    var number: String?

    @Option(name: .long, help: "Địa danh / the place before the date, e.g. \"Đà Nẵng\" (docx).")
    var place: String?

    @Option(name: .long, help: "Quyền hạn ký / authority over the signature, e.g. \"KT. GIÁM ĐỐC\" (docx).")
    var authority: String?

    @Option(name: .long, help: "Chức vụ người ký / the signer's position, e.g. \"PHÓ GIÁM ĐỐC\" (docx).")
    var position: String?

    @Option(name: .long, help: "Họ tên người ký / the signer's name (docx).")
    var signer: String?

    @Option(name: .long, help: "Nơi nhận, mỗi lần một nơi / a recipient, once each (docx; default: Như trên; Lưu: VT).")
    var recipient: [String] = []

    func heading(on day: Day) -> OfficialHeading {
        OfficialHeading(parent: parentBody, issuer: issuer, number: number, place: place, date: day,
                        authority: authority, position: position, signer: signer, recipients: recipient)
    }
}
