import Foundation

/// Each comparison's verdict as one sentence a ward official reads, written in this one place
/// from the result's data (the observed value, the typed requirement, the outcome) and the
/// schema's words:
///
///     Tốc độ tải xuống 8 Mbps — cần ít nhất 50 Mbps
///     Chưa có đường truyền dự phòng — cần 4G, 5G, nhà mạng thứ hai hoặc vệ tinh
///     Điểm cầu kiểm tra lần cuối ngày 15/10/2026, đã 50 ngày — cần trong vòng 30 ngày
///     Chưa có máy phát điện
///
/// A yes-or-no fact needs no "cần …": its answer says what is missing.
public struct Verdict: Sendable {
    public let words: FactWords

    public init(schema: FactsSchema) {
        self.words = FactWords(schema: schema)
    }

    public init(words: FactWords) {
        self.words = words
    }

    /// The whole sentence: what the unit has, then what is needed (or that it is met).
    public func sentence(_ c: ComparisonResult) -> Localized {
        let statement = words.statement(c.observed, of: c.fact, daysAgo: c.observed == nil ? nil : c.daysAgo)
        guard let needed = requirement(c) else { return statement }
        switch c.outcome {
        case .passed where c.requirement.isChoice:
            // "Đường truyền dự phòng 4G" says it all: the choices it was among add nothing.
            return statement
        case .passed:
            return statement + Localized(vi: " — đạt (cần ", en: " — met (needs ") + needed + Localized(")")
        case .notApplicable:
            return statement
        default:
            return statement + Localized(vi: " — cần ", en: " — needs ") + needed
        }
    }

    /// What the requirement asks, without its verb: "ít nhất 50 Mbps", "trong vòng 30 ngày",
    /// "4G, 5G, nhà mạng thứ hai hoặc vệ tinh". Nil for a yes-or-no fact, whose answers say it all.
    public func requirement(_ c: ComparisonResult) -> Localized? {
        switch c.requirement {
        case .value(let v):
            if case .boolean = v { return nil }
            if case .text(let t) = v, let values = enumValues(c.fact) {
                return accepted(c.op == .is ? [t] : values.filter { $0 != t }, of: c.fact)
            }
            let shown = words.value(v, of: c.fact)
            return c.op == .isNot ? Localized(vi: "khác ", en: "other than ") + shown : shown
        case .values(let list):
            let values = enumValues(c.fact) ?? list
            return accepted(c.op == .in ? list : values.filter { !list.contains($0) }, of: c.fact)
        case .days(let n):
            return Localized(vi: "trong vòng \(NumberText.grouped(n, .vi)) ngày", en: "within \(NumberText.counted(n, vi: "ngày", en: "day", .en))")
        case .computed(let computed):
            return amount(computed.range, op: c.op, path: c.fact) + dependence(computed, c)
        }
    }

    /// The enum's values when the fact is an enum: `is_not: none` reads as the values it allows.
    private func enumValues(_ path: String) -> [String]? {
        if case .enumeration(let values, _)? = words.schema.field(path)?.type { return values }
        return nil
    }

    private func accepted(_ values: [String], of path: String) -> Localized {
        FactWords.alternatives(values.map { words.value(.text($0), of: path) })
    }

    /// "ít nhất 50 Mbps", "không quá 0", "ít nhất 8–24 giờ".
    private func amount(_ range: ValueRange, op: Operator, path: String) -> Localized {
        let unit = words.schema.field(path)?.unit
        let shown: Localized
        if let exact = range.exact {
            if exact == 0, op == .atMost || op == .equals { return Localized(vi: "bằng 0", en: "0") }
            shown = FactWords.quantity(exact, unit: unit)
        } else {
            let plain = { (n: Decimal) in FactWords.quantity(n, unit: nil) }
            let tail = unit.map { Localized(vi: " " + $0.vi, en: " " + $0.en) } ?? Localized("")
            switch (range.lower, range.upper) {
            case let (l?, u?): shown = plain(l) + Localized("–") + plain(u) + tail
            case let (l?, nil): shown = plain(l) + tail + Localized(vi: " trở lên", en: " or more")
            case let (nil, u?): shown = Localized(vi: "tối đa ", en: "up to ") + plain(u) + tail
            default: shown = Localized("?")
            }
        }
        let words: Localized
        switch op {
        case .atLeast: words = Localized(vi: "ít nhất ", en: "at least ")
        case .atMost: words = Localized(vi: "không quá ", en: "at most ")
        case .moreThan: words = Localized(vi: "hơn ", en: "more than ")
        case .lessThan: words = Localized(vi: "dưới ", en: "less than ")
        case .equals: words = Localized(vi: "đúng ", en: "exactly ")
        default: words = Localized("")
        }
        return words + shown
    }

    /// ", tùy theo địa hình": the facts left out that the requirement itself depends on.
    private func dependence(_ computed: ComputedRequirement, _ c: ComparisonResult) -> Localized {
        guard computed.range.exact == nil else { return Localized("") }
        let open = computed.reads.filter { c.missing.contains($0) && $0 != c.fact }
        guard !open.isEmpty else { return Localized("") }
        return Localized(vi: ", tùy theo ", en: ", depending on ") + FactWords.list(open.map(words.inSentence))
    }
}
