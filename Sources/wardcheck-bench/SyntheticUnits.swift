#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WardcheckCore
import YAMLTree

/// A valid facts file split into lines, with the place of its unit code, its name, and the other
/// facts of its unit block (type, terrain, …) as written, for the roster.
struct Template {
    var path: String
    var lines: [String]
    var line: Int
    /// Zero-based Unicode-scalar offsets of the code scalar, quotes included, on `line`.
    var start: Int
    var end: Int
    var name: String
    /// The unit block's other scalars: key, text, and whether it was written plain.
    var attributes: [(key: String, text: String, plain: Bool)]

    /// The file with its unit code replaced. Marks count columns in Unicode scalars, so the line is cut by scalars too.
    func with(code: String) -> String {
        var copy = lines
        let scalars = Array(copy[line].unicodeScalars)
        var edited = String.UnicodeScalarView()
        edited.append(contentsOf: scalars[..<start])
        edited.append(contentsOf: "\"\(code)\"".unicodeScalars)
        edited.append(contentsOf: scalars[end...])
        copy[line] = String(edited)
        return copy.joined(separator: "\n")
    }

    /// The roster line for this template's copy with `code`: the city records what the file says.
    func rosterLine(code: String) -> String {
        var fields = ["code: \(quoted(code))", "name: \(quoted(name))"]
        for a in attributes { fields.append("\(a.key): \(a.plain ? a.text : quoted(a.text))") }
        return "  - { " + fields.joined(separator: ", ") + " }"
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Builds N synthetic units from the valid sample files, each with its own unit code, and a
/// roster that lists every one of them. Knows no fact by name: the code and name fields, and the
/// block they sit in, come from the facts schema.
struct SyntheticUnits {
    let templates: [Template]

    /// Every unit code is five digits (the schema's pattern), and the N codes are distinct for any
    /// N up to 100,000: i ↦ (7919·i + 20000) mod 100000 is a bijection on 0…99999, because 7919
    /// shares no factor with 100000. Codes spread over the whole range, leading zeros included.
    static let largest = 100_000

    static func code(_ i: Int) -> String {
        let n = (7919 * i + 20000) % largest
        let digits = String(n)
        return String(repeating: "0", count: 5 - digits.count) + digits
    }

    init(folder: String, criteria set: CriteriaSet) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        let codePath = set.schema.codeField.split(separator: ".").map(String.init)
        let nameKey = set.schema.nameField.split(separator: ".").last.map(String.init) ?? ""
        let codeKey = codePath.last ?? ""
        var templates: [Template] = []
        for name in names {
            let path = folder + "/" + name
            guard FactsFile.load(path: path, validator: set.validator).isValid else { continue }
            let loaded = YAMLLoader.load(path: path)
            var block = loaded.root
            for key in codePath.dropLast() { block = block?[key] }
            guard let block, let node = block[codeKey], node.scalar != nil, node.start.line == node.end.line,
                  let unitName = block[nameKey]?.scalar else { continue }
            let attributes = (block.entries ?? []).compactMap { entry -> (key: String, text: String, plain: Bool)? in
                guard entry.key != codeKey, entry.key != nameKey, let text = entry.value.scalar else { return nil }
                return (entry.key, text, entry.value.style == .plain)
            }
            templates.append(Template(path: path, lines: loaded.source.components(separatedBy: "\n"),
                                      line: node.start.line - 1, start: node.start.column - 1, end: node.end.column - 1,
                                      name: unitName, attributes: attributes))
        }
        guard !templates.isEmpty else { throw BenchError("no valid template in \(folder)") }
        self.templates = templates
    }

    /// Writes `count` units and `roster.yaml` into `folder` (created, emptied first). `first`:
    /// the index of the first unit's code, so that the provinces of a roll-up share no code.
    func write(count: Int, to folder: String, first: Int = 0, province: String = "Synthetic") throws {
        guard count >= 1, first + count <= Self.largest else { throw BenchError("--units: at most \(Self.largest) distinct five-digit codes exist") }
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var roster = "# Synthetic roster written by wardcheck-bench: one line per generated unit.\nroster: 1\nprovince: \"\(province)\"\nunits:\n"
        roster.reserveCapacity(count * 120)
        var seen = Set<String>()
        for i in first..<(first + count) {
            let code = Self.code(i)
            guard seen.insert(code).inserted else { throw BenchError("generator produced \(code) twice") }
            let template = templates[i % templates.count]
            try writeFile(folder + "/" + code + ".yaml", template.with(code: code))
            roster += template.rosterLine(code: code) + "\n"
        }
        try writeFile(folder + "/roster.yaml", roster)
    }

    private func writeFile(_ path: String, _ text: String) throws {
        var bytes = Array(text.utf8)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }
}
