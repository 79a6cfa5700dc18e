import Foundation
import YAMLTree

/// Who issues and signs the city's reports sent up as administrative documents (`OfficialHeading`),
/// kept in a small file (`--official FILE`) so the office types it once rather than on every run:
///
///     official: 1
///     parent_body: "UBND thành phố Đà Nẵng"
///     issuer: "Sở Khoa học và Công nghệ"
///     number: "125/BC-SKHCN"
///     place: "Đà Nẵng"
///     authority: "KT. GIÁM ĐỐC"
///     position: "PHÓ GIÁM ĐỐC"
///     signer: "Nguyễn Văn An"
///     recipients: ["Ban Chỉ đạo Trung ương", "Lưu: VT"]
///
/// Every key may be left out: what is not given stays a blank to fill by hand. Read strictly
/// like every other file of the city's: an unknown or misspelt key is an error at its line, with
/// the key meant, never a blank silently left where the office thought it wrote a name.
extension OfficialHeading {
    static let keys = ["official", "parent_body", "issuer", "number", "place", "date", "authority", "position", "signer", "recipients"]

    /// The heading as a settings file gives it (`date` nil unless the file names the day).
    public static func load(path: String) -> (OfficialHeading?, [Diagnostic]) {
        let sink = DiagnosticSink(file: path)
        let (tree, source) = loadConfigTree(path, sink)
        var settings = OfficialHeading()
        if let root = tree, var reader = MappingReader(root, sink, allowed: keys, what: "official") {
            if let version = reader.optional("official"), version.scalar != "1" {
                sink.error(.configInvalid, at: version.start, end: version.end,
                           Localized(vi: "phiên bản tệp thông tin văn bản phải là 1", en: "the official settings' version must be 1"),
                           hint: Localized(vi: "viết `official: 1`", en: "write `official: 1`"))
            }
            settings.parent = reader.line("parent_body", required: false)
            settings.issuer = reader.line("issuer", required: false)
            settings.number = reader.line("number", required: false)
            settings.place = reader.line("place", required: false)
            settings.date = reader.date("date", required: false)
            settings.authority = reader.line("authority", required: false)
            settings.position = reader.line("position", required: false)
            settings.signer = reader.line("signer", required: false)
            if let list = reader.optional("recipients") {
                if let items = list.items {
                    settings.recipients = items.compactMap { reader.read($0, ScalarReading.line) }
                } else {
                    sink.error(.configInvalid, at: list.start, end: list.end,
                               Localized(vi: "`recipients` cần một danh sách nơi nhận", en: "`recipients` takes a list of recipients"),
                               hint: Localized(vi: "viết mỗi nơi nhận trên một dòng bắt đầu bằng `- `, ví dụ `- \"Lưu: VT\"`",
                                               en: "write each recipient on its own line after `- `, e.g. `- \"Lưu: VT\"`"))
                }
            }
        }
        let diagnostics = sink.finished(source: source)
        return (sink.hasErrors ? nil : settings, diagnostics)
    }
}
