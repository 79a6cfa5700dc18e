import ArgumentParser
import WardcheckCore
import WardcheckReports

/// Who issues and signs a report written as an administrative document (`--format docx`): from
/// a small settings file (`--official FILE`, see `OfficialHeading.load`), each option given on the
/// command line taking the place of the file's. What is not given stays a dotted blank in the
/// document, for the office to fill by hand.
struct OfficialOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Tệp thông tin văn bản / a settings file with the issuer, place and signer (docx); the options below override it.", valueName: "file"))
    var official: String?

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

    /// The heading as the file and the options give it; the date, unless the file gives one, is
    /// the report's day (`OfficialHeading.dated`). A settings file that does not load stops the
    /// run before any work, with its diagnostics.
    func heading(_ language: Language) throws -> OfficialHeading {
        var file = OfficialHeading()
        if let official {
            let (loaded, diagnostics) = OfficialHeading.load(path: official)
            for d in diagnostics { printError(DiagnosticText.render(d, language: language)) }
            guard let loaded else {
                printError(language == .vi ? "wardcheck: không đọc được tệp thông tin văn bản \(shown(official))"
                                           : "wardcheck: cannot read the official settings \(shown(official))")
                throw ExitCode(ExitStatus.invalidInput)
            }
            file = loaded
        }
        return OfficialHeading(parent: parentBody ?? file.parent, issuer: issuer ?? file.issuer, number: number ?? file.number,
                               place: place ?? file.place, date: file.date, authority: authority ?? file.authority,
                               position: position ?? file.position, signer: signer ?? file.signer,
                               recipients: recipient.isEmpty ? file.recipients : recipient)
    }
}
