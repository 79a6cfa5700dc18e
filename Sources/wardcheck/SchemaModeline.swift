import Foundation

/// The first line `init` writes: `# yaml-language-server: $schema=…`, pointing the editor at the
/// JSON Schema shipped beside the facts schema (`facts.schema.json` in the criteria folder).
///
/// The YAML language server reads the path relative to the ward file's own folder, so the line
/// holds the path from where the file is written to the schema: `../../criteria/facts.schema.json`
/// for a file in `wards/submissions/`. With no folder in common but the root (an installed copy
/// under /usr/local), the absolute path is clearer; a path with spaces becomes a `file:` URI,
/// since the server reads the value up to the first space.
enum SchemaModeline {
    static let fileName = "facts.schema.json"

    /// The line and the schema file it names (which may be missing; the caller says so).
    static func line(forFileIn folder: String, criteriaFolder: String) -> (text: String, schema: String) {
        let schema = URL(fileURLWithPath: criteriaFolder).appendingPathComponent(fileName).standardizedFileURL.resolvingSymlinksInPath()
        let from = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        let target = schema.pathComponents
        let base = from.pathComponents
        var common = 0
        while common < target.count - 1, common < base.count, target[common] == base[common] { common += 1 }
        var reference: String
        if common <= 1 {
            reference = schema.path
        } else {
            reference = (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
        }
        if reference.contains(where: \.isWhitespace) {
            reference = schema.absoluteString
        }
        return ("# yaml-language-server: $schema=\(reference)\n", schema.path)
    }
}
