import Foundation

/// A facts file's problems said to someone who never opens the file (`Diagnostic.plain`): the
/// field by its label, what is written quoted as «…», what is expected in words. The diagnostic's
/// message, with its key path, code and line, stays for whoever edits the file.
struct PlainProblems {
    let words: FactWords

    init(schema: FactsSchema) {
        words = FactWords(schema: schema)
    }

    /// A value the field cannot hold: "Tường lửa: «yes» không phải câu trả lời có hoặc không".
    func value(_ code: DiagnosticCode, field: FactsSchema.Field, written: String?) -> Localized {
        let label = field.label
        // What was written, quoted; not when it is the problem itself (a hidden character, a line break).
        let shown = code == .badText ? "" : written.map { "«\($0)» " } ?? ""
        let what: Localized
        switch code {
        case .notBoolean: what = Localized(vi: "không phải câu trả lời có hoặc không", en: "is not a yes-or-no answer")
        case .notCount: what = Localized(vi: "không phải một số nguyên", en: "is not a whole number")
        case .notNumber: what = Localized(vi: "không phải một số", en: "is not a number")
        case .badDate: what = Localized(vi: "không phải một ngày", en: "is not a date")
        case .notInEnum:
            let choices = FactWords.alternatives(enumValues(field).map { words.value(.text($0), of: field.path).map { "«\($0)»" } })
            what = Localized(vi: "không phải một lựa chọn; chọn \(choices.vi)", en: "is not one of the choices: \(choices.en)")
        case .badPattern:
            what = Localized(vi: "không đúng dạng", en: "is not in the right form")
                + (field.help.map { Localized(vi: " (" + $0.vi + ")", en: " (" + $0.en + ")") } ?? Localized(""))
        case .outOfRange: what = Localized(vi: "nằm ngoài khoảng cho phép", en: "is out of range")
        case .badText: what = Localized(vi: "có ký tự ẩn hoặc xuống dòng", en: "holds a hidden character or a line break")
        case .wrongShape: what = Localized(vi: "viết sai dạng", en: "is written in the wrong shape")
        default: what = code.title.map(FactWords.lowerFirst)
        }
        return Localized(vi: "\(label.vi): \(shown)\(what.vi)", en: "\(label.en): \(shown)\(what.en)")
    }

    /// A key the form does not have: "Mục Nguồn điện có tên «genrator», có phải «generator»
    /// (Máy phát điện dự phòng)?".
    func unknown(_ key: String, in parent: String, meant: String?) -> Localized {
        let place = parent.isEmpty ? Localized(vi: "Tệp", en: "The file") : Localized(vi: "Mục ", en: "The section ") + words.label(parent)
        let has = Localized(vi: " có tên «\(key)»", en: " has «\(key)»")
        guard let meant else {
            return place + has + Localized(vi: ", không có trong mẫu", en: ", which the form does not have")
        }
        let meantKey = String(meant.split(separator: ".").last ?? Substring(meant))
        return place + has + Localized(vi: ", có phải «\(meantKey)» (", en: ": is it «\(meantKey)» (") + words.label(meant) + Localized(")?")
    }

    /// "Thiếu mã đơn vị" / "Unit code is missing".
    static func missing(_ field: FactsSchema.Field) -> Localized {
        Localized(vi: "Thiếu " + FactWords.lowerFirst(field.label.vi), en: field.label.en + " is missing")
    }

    /// "Loại đơn vị «phường» khác danh sách của thành phố («xã»)".
    func contradiction(_ path: String, written: FactValue, recorded: FactValue) -> Localized {
        let (w, r) = (words.value(written, of: path), words.value(recorded, of: path))
        let label = words.label(path)
        return Localized(vi: "\(label.vi) «\(w.vi)» khác danh sách đơn vị của thành phố («\(r.vi)»)",
                         en: "\(label.en) «\(w.en)» differs from the city roster («\(r.en)»)")
    }

    private func enumValues(_ field: FactsSchema.Field) -> [String] {
        if case .enumeration(let values, _) = field.type { return values }
        return []
    }
}
