import Foundation
import YAMLTree

/// Reads one mapping of a configuration file (criteria, schema, catalogue, waivers, roster)
/// strictly: missing keys and unknown keys are reported at their position, with a suggestion.
struct MappingReader {
    let node: YAMLNode
    let sink: DiagnosticSink
    private let allowed: [String]

    /// `allowed` lists every key this mapping may hold; returns nil (and reports) if the node is not a mapping.
    init?(_ node: YAMLNode, _ sink: DiagnosticSink, allowed: [String], what: String) {
        guard node.entries != nil else {
            sink.error(.configInvalid, at: node.start, end: node.end,
                       Localized(vi: "\(what): cần một khối `khoá: giá trị`", en: "\(what): expected a block of `key: value` pairs"))
            return nil
        }
        self.node = node
        self.sink = sink
        self.allowed = allowed
        for entry in node.entries! where !allowed.contains(entry.key) {
            let suggestion = Suggestion.nearest(to: entry.key, among: allowed)
            sink.error(.configInvalid, at: entry.keyStart, end: entry.keyEnd,
                       Localized(vi: "khoá không hợp lệ `\(entry.key)` trong \(what)", en: "unknown key `\(entry.key)` in \(what)"),
                       hint: suggestion.map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") }
                           ?? Localized(vi: "các khoá hợp lệ: \(allowed.joined(separator: ", "))", en: "valid keys: \(allowed.joined(separator: ", "))"))
        }
    }

    func optional(_ key: String) -> YAMLNode? {
        guard let value = node[key], !value.isNull else { return nil }
        return value
    }

    mutating func required(_ key: String) -> YAMLNode? {
        if let value = optional(key) { return value }
        sink.error(.configInvalid, at: node.start,
                   Localized(vi: "thiếu khoá bắt buộc `\(key)`", en: "missing required key `\(key)`"),
                   hint: Localized(vi: "thêm dòng `\(key): …`", en: "add a `\(key): …` line"))
        return nil
    }

    func entry(_ key: String) -> YAMLNode.Entry? { node.entry(key) }

    mutating func string(_ key: String, required isRequired: Bool = true) -> String? {
        guard let value = isRequired ? required(key) : optional(key) else { return nil }
        return read(value, ScalarReading.text)
    }

    /// One line of text (a name, a reason, an approver): no line breaks, nothing hidden.
    mutating func line(_ key: String, required isRequired: Bool = true) -> String? {
        guard let value = isRequired ? required(key) : optional(key) else { return nil }
        return read(value, ScalarReading.line)
    }

    mutating func localized(_ key: String, required isRequired: Bool = true) -> Localized? {
        guard let value = isRequired ? required(key) : optional(key) else { return nil }
        return Self.localized(value, sink)
    }

    /// `{ vi: "…", en: "…" }`: both languages are required, so no user ever meets a blank.
    static func localized(_ node: YAMLNode, _ sink: DiagnosticSink) -> Localized? {
        guard var reader = MappingReader(node, sink, allowed: ["vi", "en"], what: "text") else { return nil }
        guard let vi = reader.string("vi"), let en = reader.string("en") else { return nil }
        return Localized(vi: vi, en: en)
    }

    mutating func count(_ key: String, required isRequired: Bool = true) -> Int? {
        guard let value = isRequired ? required(key) : optional(key) else { return nil }
        return read(value, ScalarReading.count).map { NSDecimalNumber(decimal: $0).intValue }
    }

    /// A price in whole đồng: digits only, at most 100 billion, so quantity × price always fits.
    mutating func money(_ key: String) -> Int? {
        guard let value = required(key) else { return nil }
        guard value.style == .plain, let text = value.scalar, !text.isEmpty, text.count <= 12,
              text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let amount = Int(text), amount <= 100_000_000_000 else {
            sink.error(.configInvalid, at: value.start, end: value.end,
                       Localized(vi: "`\(key)` phải là số đồng nguyên, tối đa 100.000.000.000", en: "`\(key)` must be whole đồng, at most 100,000,000,000"),
                       hint: Localized(vi: "viết chữ số, không dấu chấm, ví dụ 15000000", en: "write digits without separators, e.g. 15000000"))
            return nil
        }
        return amount
    }

    mutating func boolean(_ key: String, required isRequired: Bool = true) -> Bool? {
        guard let value = isRequired ? required(key) : optional(key) else { return nil }
        return read(value, ScalarReading.boolean)
    }

    mutating func date(_ key: String, required isRequired: Bool = true) -> Day? {
        guard let value = isRequired ? required(key) : optional(key) else { return nil }
        return read(value, ScalarReading.date)
    }

    func read<T>(_ node: YAMLNode, _ reading: (YAMLNode) -> Result<T, ScalarRejection>) -> T? {
        switch reading(node) {
        case .success(let value): return value
        case .failure(let rejection):
            sink.error(rejection.code, at: rejection.at ?? node.start, end: rejection.at == nil ? node.end : nil, rejection.message, hint: rejection.hint)
            return nil
        }
    }

    /// A list of strings, e.g. `[ward, commune]`.
    func strings(_ node: YAMLNode) -> [String]? {
        guard let items = node.items else {
            sink.error(.configInvalid, at: node.start, Localized(vi: "cần một danh sách", en: "expected a list"))
            return nil
        }
        return items.compactMap { read($0, ScalarReading.text) }
    }
}

/// Loads a configuration file and reports YAML problems into the sink; nil if there is no tree to read.
func loadConfigTree(_ path: String, bytes: [UInt8]? = nil, _ sink: DiagnosticSink, limits: YAMLLimits = .standard,
                    streaming: YAMLLoader.ItemStream? = nil) -> (YAMLNode?, String) {
    let loaded = bytes.map { YAMLLoader.load(bytes: $0, limits: limits, streaming: streaming) }
        ?? YAMLLoader.load(path: path, limits: limits, streaming: streaming)
    for problem in loaded.problems { sink.report(problem) }
    return (loaded.problems.contains(where: \.isFatal) ? nil : loaded.root, loaded.source)
}
