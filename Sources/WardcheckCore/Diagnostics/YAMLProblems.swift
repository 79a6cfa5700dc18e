import YAMLTree

/// Explains libyaml-level problems to a person who is not a programmer.
extension DiagnosticSink {
    func report(_ problem: YAMLProblem) {
        // Duplicates, anchors and tags can repeat thousands of times; past the cap, count them.
        guard problem.isFatal || !isFull else { return count(error: true) }
        let at = problem.mark
        let end = problem.end
        switch problem.kind {
        case .fileUnreadable(let reason):
            switch reason {
            case "missing":
                error(.fileUnreadable, at: at, Localized(vi: "không tìm thấy tệp", en: "file not found"),
                      hint: Localized(vi: "kiểm tra đường dẫn", en: "check the path"))
            case "folder":
                error(.fileUnreadable, at: at, Localized(vi: "đây là một thư mục, không phải tệp", en: "this is a folder, not a file"),
                      hint: Localized(vi: "chỉ rõ tệp .yaml, hoặc đưa thư mục vào lệnh như một tham số để đọc mọi tệp trong đó",
                                      en: "name a .yaml file, or pass the folder itself to read every file in it"))
            default:
                error(.fileUnreadable, at: at, Localized(vi: "không đọc được tệp: \(reason)", en: "cannot read the file: \(reason)"),
                      hint: Localized(vi: "kiểm tra quyền đọc tệp", en: "check that the file is readable"))
            }
        case .fileTooLarge(let bytes, let limit):
            let size = bytes.map { Localized(vi: "\($0) byte", en: "\($0) bytes") }
                ?? Localized(vi: "hơn \(limit) byte", en: "more than \(limit) bytes")
            error(.fileTooLarge, at: at, Localized(
                vi: "tệp quá lớn: \(size.vi), tối đa \(limit) byte",
                en: "file too large: \(size.en), the limit is \(limit) bytes"),
                  hint: Localized(vi: "một tệp dữ kiện chỉ vài kilobyte; kiểm tra xem có chọn nhầm tệp không",
                                  en: "a facts file is a few kilobytes; check that this is the right file"))
        case .invalidUTF8:
            error(.invalidUTF8, at: at, Localized(vi: "byte không hợp lệ trong UTF-8", en: "invalid UTF-8 byte"),
                  hint: Localized(vi: "lưu tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8)",
                                  en: "save the file as UTF-8 (in your editor: Save with Encoding → UTF-8)"))
        case .syntax(let problemText, let context):
            let detail = context.map { "\(problemText) (\($0))" } ?? problemText
            error(.yamlSyntax, at: at, Localized(vi: "lỗi cú pháp YAML: \(Self.vietnamese(problemText))", en: "YAML syntax error: \(detail)"),
                  hint: Localized(vi: "kiểm tra thụt lề (dùng dấu cách), dấu hai chấm sau mỗi khoá và dấu ngoặc kép đóng mở",
                                  en: "check indentation (spaces only), a colon after each key, and matching quotes"))
        case .tabIndentation:
            error(.tabIndentation, at: at, Localized(vi: "dùng ký tự tab để thụt lề", en: "tab character used for indentation"),
                  hint: Localized(vi: "YAML chỉ cho phép dấu cách; thay mỗi tab bằng hai dấu cách",
                                  en: "YAML allows spaces only; replace each tab with two spaces"))
        case .emptyDocument:
            error(.emptyFile, at: at, Localized(vi: "tệp rỗng", en: "the file is empty"),
                  hint: Localized(vi: "với tệp dữ kiện: tạo mẫu bằng `wardcheck init` rồi điền số liệu",
                                  en: "for a facts file: create a template with `wardcheck init` and fill it in"))
        case .rootNotMapping(let found):
            error(.rootNotMapping, at: at, end: end, Localized(
                vi: "gốc của tệp phải là các cặp khoá: giá trị, không phải \(Self.shapeVI(found))",
                en: "the top level must be key: value pairs, not a \(found)"),
                  hint: Localized(vi: "viết các dòng `khoá: giá trị` sát lề trái, không có dấu `-` phía trước",
                                  en: "write `key: value` lines at the left margin, with no leading `-`"))
        case .multipleDocuments:
            error(.multipleDocuments, at: at, end: end, Localized(vi: "tệp chứa nhiều hơn một tài liệu YAML", en: "the file holds more than one YAML document"),
                  hint: Localized(vi: "mỗi đơn vị một tệp; xoá dòng `---` thứ hai và phần sau nó, hoặc tách ra tệp riêng",
                                  en: "one unit per file; remove the second `---` and what follows, or move it to its own file"))
        case .tooDeep(let limit):
            error(.tooDeep, at: at, Localized(vi: "lồng nhau quá sâu (tối đa \(limit) cấp)", en: "nested too deeply (at most \(limit) levels)"),
                  hint: Localized(vi: "tệp dữ kiện chỉ lồng vài cấp; kiểm tra dấu ngoặc [ { bị thừa", en: "facts nest only a few levels; look for stray [ or { brackets"))
        case .scalarTooLong(let bytes, let limit):
            error(.scalarTooLong, at: at, end: end, Localized(vi: "giá trị quá dài: \(bytes) byte, tối đa \(limit)", en: "value too long: \(bytes) bytes, at most \(limit)"),
                  hint: Localized(vi: "rút gọn nội dung", en: "shorten the text"))
        case .duplicateKey(let key, let first):
            error(.duplicateKey, at: at, end: end, Localized(
                vi: "khoá `\(key)` bị lặp (đã có ở dòng \(first.line))",
                en: "duplicate key `\(key)` (first written on line \(first.line))"),
                  hint: Localized(vi: "giữ một dòng `\(key)` và xoá dòng còn lại", en: "keep one `\(key)` line and delete the other"))
        case .anchor(let name):
            error(.anchorOrAlias, at: at, end: end, Localized(vi: "không dùng neo YAML (`&\(name)`) trong tệp này", en: "YAML anchors (`&\(name)`) are not allowed here"),
                  hint: Localized(vi: "viết giá trị trực tiếp, không dùng & và *", en: "write the value out; do not use & or *"))
        case .alias(let name):
            error(.anchorOrAlias, at: at, end: end, Localized(vi: "không dùng tham chiếu YAML (`*\(name)`) trong tệp này", en: "YAML aliases (`*\(name)`) are not allowed here"),
                  hint: Localized(vi: "viết giá trị trực tiếp, không dùng & và *", en: "write the value out; do not use & or *"))
        case .tag(let tag):
            error(.tag, at: at, end: end, Localized(vi: "không dùng thẻ kiểu YAML (`\(tag)`)", en: "YAML type tags (`\(tag)`) are not allowed"),
                  hint: Localized(vi: "bỏ thẻ; lược đồ đã quy định kiểu của từng trường", en: "remove the tag; the schema decides each field's type"))
        case .yaml12(let rule):
            switch rule {
            case .continuationNotIndented:
                error(.yamlSyntax, at: at, Localized(
                    vi: "lỗi cú pháp YAML: dòng tiếp theo của giá trị phải thụt lề sâu hơn khoá của nó",
                    en: "YAML syntax error: a value continued on another line must be indented more than its key"),
                      hint: Localized(vi: "thêm dấu cách ở đầu dòng này (không dùng tab), hoặc viết cả giá trị trên một dòng",
                                      en: "indent this line with spaces (not a tab), or write the whole value on one line"))
            case .commentWithoutSpace:
                error(.yamlSyntax, at: at, Localized(
                    vi: "lỗi cú pháp YAML: cần một dấu cách trước dấu `#` của chú thích",
                    en: "YAML syntax error: a comment's `#` must follow a space"),
                      hint: Localized(vi: "viết một dấu cách trước `#`", en: "put a space before the `#`"))
            case .blockScalarLeadingSpaces:
                error(.yamlSyntax, at: at, Localized(
                    vi: "lỗi cú pháp YAML: dòng trống ở đầu khối văn bản có nhiều dấu cách hơn dòng đầu tiên của khối",
                    en: "YAML syntax error: a blank line at the start of a text block has more spaces than the block's first line"),
                      hint: Localized(vi: "xoá các dấu cách thừa trên dòng trống", en: "remove the extra spaces from the blank line"))
            }
        case .complexKey:
            error(.complexKey, at: at, end: end, Localized(vi: "khoá phải là một từ, không phải danh sách hay khối", en: "a key must be a plain word, not a list or a block"),
                  hint: Localized(vi: "viết `khoá: giá trị`", en: "write `key: value`"))
        }
    }

    private static func shapeVI(_ shape: String) -> String {
        switch shape {
        case "sequence": return "danh sách"
        case "scalar": return "một giá trị đơn"
        default: return shape
        }
    }

    /// The problems libyaml reports most often, in Vietnamese; anything else is shown as libyaml says it.
    private static func vietnamese(_ problem: String) -> String {
        let known: [String: String] = [
            "mapping values are not allowed in this context": "không được đặt `khoá: giá trị` ở đây (thiếu dấu cách sau dấu hai chấm, hoặc giá trị chứa `: ` mà không có ngoặc kép)",
            "could not find expected ':'": "thiếu dấu hai chấm `:` sau khoá",
            "found character that cannot start any token": "gặp ký tự không thể mở đầu một giá trị",
            "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu ngoặc kép hoặc ngoặc đóng)",
            "did not find expected key": "thụt lề không khớp: không tìm thấy khoá như mong đợi",
            "did not find expected node content": "thiếu giá trị",
            "did not find expected ',' or ']'": "thiếu dấu `,` hoặc `]`",
            "did not find expected ',' or '}'": "thiếu dấu `,` hoặc `}`",
            "block sequence entries are not allowed in this context": "không được đặt mục danh sách `-` ở đây",
            "found undefined tag handle": "thẻ kiểu không xác định",
            "control characters are not allowed": "tệp chứa ký tự điều khiển không hợp lệ",
        ]
        return known[problem] ?? problem
    }
}
