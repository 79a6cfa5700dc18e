import WardcheckCore
import YAMLTree

/// A facts file opened in the form. Each value goes to its field: as `validate` reads it where
/// it can, and as a person meant it where it cannot (`yes` for a firewall, `xa` for a commune),
/// with a note that says what the file wrote and how it was read. A value that means nothing
/// is a question at its field. A misspelt key whose meaning is plain (`genrator` under power)
/// carries its values to the block it meant, with a note; one that is not is reported, not guessed.
struct UploadReading: Sendable {
    /// What each control shows, by fact path, in the page's language ("1,5", "04/12/2026").
    var answers: [String: String] = [:]
    /// By field or block: what the file wrote, and how the form reads it.
    var notes: [String: Localized] = [:]
    /// By field: a value that could not be read, asked about in words.
    var questions: [String: Localized] = [:]

    static func read(_ tree: YAMLNode?, criteria: CriteriaSet, language: Language) -> UploadReading {
        var out = UploadReading()
        guard let tree else { return out }
        let schema = criteria.schema
        let reader = AnswerReader(schema: schema, language: language)
        let words = FactWords(schema: schema)

        func walk(_ node: YAMLNode, _ parent: String) {
            for entry in (node.entries ?? []).prefix(Self.mostEntries) {
                var path = parent.isEmpty ? entry.key : parent + "." + entry.key
                if schema.field(path) == nil {
                    guard let meant = Suggestion.unambiguous(to: entry.key, among: schema.keys(under: parent)) else {
                        // Said once per block, whatever a hostile file holds.
                        if (out.notes[parent]?.vi.count ?? 0) < 500 {
                            out.notes[parent, default: Localized("")] = joined(out.notes[parent], Localized(
                                vi: "Tệp có mục \(AnswerReader.quote(entry.key)) không có trong mẫu nên bị bỏ qua.",
                                en: "The file has \(AnswerReader.quote(entry.key)), which the form does not have; it is left out."))
                        }
                        continue
                    }
                    path = parent.isEmpty ? meant : parent + "." + meant
                    out.notes[path] = Localized(vi: "Tệp ghi «\(entry.key)»; đã hiểu là «\(words.label(path).vi)».",
                                                en: "The file says «\(entry.key)»; read as «\(words.label(path).en)».")
                }
                guard let field = schema.field(path) else { continue }
                if field.type == .block {
                    walk(entry.value, path)
                    continue
                }
                guard let written = entry.value.scalar, !entry.value.isNull else { continue }
                // No answer is that long: what the file wrote is not echoed back whole.
                guard written.unicodeScalars.count <= Self.longestAnswer else {
                    out.questions[path] = Localized(vi: "Tệp ghi ở đây \(written.unicodeScalars.count) ký tự, quá dài cho câu trả lời này.",
                                                    en: "The file writes \(written.unicodeScalars.count) characters here, too long for this answer.")
                    continue
                }
                if let value = criteria.validator.strictValue(entry.value, path: path) {
                    out.answers[path] = reader.shown(value)
                    continue
                }
                switch reader.read(written, path: path) {
                case .empty: break
                case .value(let value):
                    out.answers[path] = reader.shown(value)
                    let meant = field.type == .boolean || field.labels.isEmpty == false ? words.statement(value, of: path) : words.value(value, of: path)
                    out.notes[path] = joined(out.notes[path], Localized(vi: "Tệp ghi «\(written)»; đã hiểu là «\(meant.vi)».",
                                                                    en: "The file says «\(written)»; read as «\(meant.en)»."))
                case .question(let question):
                    // A box for text shows what the file wrote beside the question; a choice stays unchosen.
                    switch field.type {
                    case .boolean, .enumeration: break
                    default: out.answers[path] = written
                    }
                    out.questions[path] = question
                }
            }
        }
        walk(tree, "")
        return out
    }

    /// The longest value echoed back to a form's field.
    static let longestAnswer = 500
    /// Keys read in one block: a file of a hundred thousand unknown keys is not read for the form.
    static let mostEntries = 1000

    private static func joined(_ a: Localized?, _ b: Localized) -> Localized {
        guard let a, !a.vi.isEmpty else { return b }
        return Localized(vi: a.vi + " " + b.vi, en: a.en + " " + b.en)
    }
}
