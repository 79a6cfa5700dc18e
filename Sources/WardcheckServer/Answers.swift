import WardcheckCore
import YAMLTree

/// The bridge between a form and a facts file. A form's answers are text by fact path; the file
/// is the `init` template filled with them (`FactsTemplate.render(answers:)`), so the server
/// checks exactly what the office downloads. Going back, a file's values fill the form, and each
/// diagnostic is placed at the field it concerns.
struct Answers {
    let schema: FactsSchema

    /// The paths a form may send: every field but the blocks.
    func unknownPaths(_ answers: [String: String]) -> [String] {
        answers.keys.filter { schema.field($0).map { $0.type == .block } ?? true }.sorted()
    }

    /// The text a form shows for each field written in a file, as written, whether or not it is
    /// valid: an office must see the `yes` it typed next to the error that says to write true.
    func values(in tree: YAMLNode?) -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ node: YAMLNode, _ parent: String) {
            for entry in node.entries ?? [] {
                let path = parent.isEmpty ? entry.key : parent + "." + entry.key
                guard let field = schema.field(path) else { continue }
                if field.type == .block {
                    walk(entry.value, path)
                } else if let text = entry.value.scalar, !entry.value.isNull {
                    out[path] = text
                }
            }
        }
        if let tree { walk(tree, "") }
        return out
    }

    /// The field a position in the file belongs to: the innermost key whose entry (key to the end
    /// of its value) holds the position, raised to the nearest path the schema knows, so that a
    /// misspelt key lands on its block. "" when no field holds it (the top of the file).
    func field(at mark: Mark, in tree: YAMLNode?) -> String {
        var best = ""
        func walk(_ node: YAMLNode, _ parent: String) {
            // The last entry that starts at or before the mark: an empty value's end can reach
            // the next key, and the next key is the one meant.
            guard let entry = (node.entries ?? []).last(where: { $0.keyStart <= mark }),
                  mark <= max(entry.value.end, entry.keyEnd) else { return }
            let path = parent.isEmpty ? entry.key : parent + "." + entry.key
            best = path
            walk(entry.value, path)
        }
        if let tree { walk(tree, "") }
        while !best.isEmpty, schema.field(best) == nil {
            best = best.contains(".") ? String(best[..<best.lastIndex(of: ".")!]) : ""
        }
        return best
    }
}
