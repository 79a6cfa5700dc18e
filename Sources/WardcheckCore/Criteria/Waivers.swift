import Foundation
import YAMLTree

/// An approved exemption from one criterion for one unit, until a date.
public struct Waiver: Sendable {
    public var criterion: String
    public var unit: String
    public var justification: String
    public var approvedBy: String
    public var expires: Day
    public var file: String
    public var mark: Mark

    /// Active on the evaluation day itself and before; ignored after.
    public func isActive(on day: Day) -> Bool { day <= expires }
}

/// The waivers file (wards/waivers.yaml), checked against the loaded criteria.
public struct Waivers: Sendable {
    public var entries: [Waiver]

    public static let none = Waivers(entries: [])

    public init(entries: [Waiver]) {
        self.entries = entries
    }

    /// The waivers of criteria `ids` holds: a waiver of a criterion a proposal drops waives nothing.
    public func keeping(criteria ids: Set<String>) -> Waivers {
        Waivers(entries: entries.filter { ids.contains($0.criterion) })
    }

    public func find(criterion: String, unit: String) -> Waiver? {
        entries.first { $0.criterion == criterion && $0.unit == unit }
    }

    /// Every waiver names a criterion that exists and a unit the roster lists (or, with no
    /// roster, a well-formed unit code): a mistyped waiver would otherwise silently excuse nothing.
    public static func load(path: String, criteria: CriteriaSet, roster: Roster? = nil) -> (Waivers?, [Diagnostic]) {
        let sink = DiagnosticSink(file: path)
        let (tree, source) = loadConfigTree(path, sink)
        var entries: [Waiver] = []
        if let root = tree, var reader = MappingReader(root, sink, allowed: ["waivers", "entries"], what: "waivers") {
            let ids = criteria.criteria.map(\.id)
            for node in reader.required("entries")?.items ?? [] {
                guard var w = MappingReader(node, sink, allowed: ["criterion", "unit", "justification", "approved_by", "expires"], what: "waiver"),
                      let criterion = w.line("criterion"), let unit = w.line("unit"), let justification = w.line("justification"),
                      let approvedBy = w.line("approved_by"), let expires = w.date("expires")
                else { continue }
                if !ids.contains(criterion) {
                    sink.error(.unknownCriterion, at: w.entry("criterion")!.value.start,
                               Localized(vi: "không có tiêu chí `\(criterion)`", en: "no criterion `\(criterion)`"),
                               hint: Suggestion.nearest(to: criterion, among: ids).map { Localized(vi: "có phải ý bạn là `\($0)`?", en: "did you mean `\($0)`?") })
                    continue
                }
                let unitAt = w.entry("unit")!.value.start
                if let roster, roster.unit(unit) == nil {
                    sink.error(.notInRoster, at: unitAt,
                               Localized(vi: "đơn vị `\(unit)` không có trong danh sách \(roster.file)", en: "unit `\(unit)` is not in the roster \(roster.file)"),
                               hint: Suggestion.nearest(to: unit, among: roster.codes).map { code in
                                   let name = roster.unit(code)?.name ?? ""
                                   return Localized(vi: "có phải ý bạn là `\(code)` (\(name))?", en: "did you mean `\(code)` (\(name))?")
                               } ?? Localized(vi: "kiểm tra mã đơn vị trong \(roster.file)", en: "check the unit code in \(roster.file)"))
                    continue
                }
                if roster == nil, !criteria.validator.isValidCode(unit) {
                    sink.error(.badPattern, at: unitAt, Localized(vi: "`\(unit)` không phải mã đơn vị hợp lệ", en: "`\(unit)` is not a valid unit code"),
                               hint: criteria.validator.codeHint)
                    continue
                }
                if let previous = entries.first(where: { $0.criterion == criterion && $0.unit == unit }) {
                    sink.error(.configInvalid, at: node.start, Localized(
                        vi: "miễn trừ \(criterion) cho đơn vị \(unit) đã có ở dòng \(previous.mark.line)",
                        en: "a waiver of \(criterion) for unit \(unit) is already on line \(previous.mark.line)"))
                    continue
                }
                entries.append(Waiver(criterion: criterion, unit: unit, justification: justification, approvedBy: approvedBy,
                                      expires: expires, file: path, mark: node.start))
            }
        }
        let diagnostics = sink.finished(source: source)
        return (sink.hasErrors ? nil : Waivers(entries: entries), diagnostics)
    }
}
