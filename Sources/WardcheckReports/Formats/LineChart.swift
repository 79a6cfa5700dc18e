import Foundation
import WardcheckCore

/// A line chart drawn as inline SVG: no script and nothing fetched, so the page works offline and
/// prints. A missing reading (folder absent, revision not audited) breaks the line rather than
/// being drawn as zero. Every label goes through `HTML.escape`. `DocumentHTML` draws one for each
/// of a table's `charts`.
struct LineChart {
    struct Series {
        let name: String
        let values: [Double?]
        /// Extra class for the line, so two series can be told apart.
        let style: String
    }

    let labels: [String]
    let series: [Series]
    /// The top of the scale; nil: a round number above the largest value.
    let top: Double?
    /// Counts of units: gridlines on whole numbers only.
    let whole: Bool
    let format: (Double) -> String
    let description: String

    static let width = 560.0
    static let height = 280.0
    private static let left = 84.0, right = 36.0, upper = 28.0, lower = 40.0

    func svg() -> String {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.upper - Self.lower
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let (step, top) = Self.scale(largest, fixedTop: self.top, whole: whole)
        let count = labels.count
        func x(_ i: Int) -> Double { count <= 1 ? Self.left + plotWidth / 2 : Self.left + Double(i) * plotWidth / Double(count - 1) }
        func y(_ v: Double) -> Double { Self.upper + plotHeight - (top == 0 ? 0 : v / top * plotHeight) }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }

        var out = "<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-label=\"\(Self.text(description))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        var tick = 0.0
        while tick <= top + step / 2 {
            out += "<line class=\"grid\" x1=\"\(n(Self.left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(y(tick)))\"/>"
            out += "<text x=\"\(n(Self.left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Self.text(format(tick)))</text>\n"
            tick += step
        }
        out += "<line class=\"axis\" x1=\"\(n(Self.left))\" y1=\"\(n(y(0)))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(y(0)))\"/>\n"
        // As many period names as fit side by side (a dozen at most), so they never overlap: each
        // takes about 7 px a character at 13 px, and the last, always named, keeps its room.
        let room = Double(labels.map(\.count).max() ?? 0) * 7 + 12
        let spacing = count <= 1 ? plotWidth : plotWidth / Double(count - 1)
        let stride = max(1, Int((Double(count) / 12).rounded(.up)), Int((room / spacing).rounded(.up)))
        for (i, label) in labels.enumerated() where i == count - 1 || i % stride == 0 && Double(count - 1 - i) * spacing >= room {
            // The first and last names kept inside the drawing: a long one ("10/2025 (đang diễn ra)") would run off its edge.
            let anchor = count > 1 && i == 0 ? "start" : count > 1 && i == count - 1 ? "end" : "middle"
            out += "<text x=\"\(n(x(i)))\" y=\"\(n(Self.height - Self.lower + 16))\" text-anchor=\"\(anchor)\">\(Self.text(label))</text>\n"
        }
        for (index, s) in series.enumerated() {
            var segment: [String] = []
            func flush() {
                if segment.count > 1 { out += "<polyline class=\"line \(s.style)\" points=\"\(segment.joined(separator: " "))\"/>\n" }
                segment = []
            }
            for (i, value) in s.values.enumerated() {
                guard let value else { flush(); continue }
                segment.append("\(n(x(i))),\(n(y(value)))")
            }
            flush()
            for (i, value) in s.values.enumerated() {
                guard let value else { continue }
                out += "<circle class=\"dot \(s.style)\" cx=\"\(n(x(i)))\" cy=\"\(n(y(value)))\" r=\"3.5\"><title>\(Self.text(s.name + " · " + labels[i] + ": " + format(value)))</title></circle>\n"
            }
            if let lastIndex = s.values.lastIndex(where: { $0 != nil }), let value = s.values[lastIndex] {
                out += "<text class=\"value\" x=\"\(n(x(lastIndex)))\" y=\"\(n(y(value) - 8))\" text-anchor=\"\(lastIndex == 0 && count > 1 ? "start" : "end")\">\(Self.text(format(value)))</text>\n"
            }
            if series.count > 1 {
                out += "<text class=\"legend \(s.style)\" x=\"\(n(Self.left + Double(index) * 170))\" y=\"14\">■ \(Self.text(s.name))</text>\n"
            }
        }
        return out + "</svg>"
    }

    /// Text inside the SVG: control characters become spaces, then the HTML special characters are escaped.
    private static func text(_ s: String) -> String {
        HTML.escape(AuditLayout.plain(s))
    }

    /// A round step (1, 2 or 5 × 10ⁿ) giving about four gridlines, and the top of the scale.
    static func scale(_ largest: Double, fixedTop: Double?, whole: Bool = false) -> (step: Double, top: Double) {
        let top = fixedTop ?? largest
        guard top > 0 else { return (1, fixedTop ?? 1) }
        let raw = top / 4
        let magnitude = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        if whole { step = max(1, step.rounded(.up)) }
        return (step, fixedTop ?? (top / step).rounded(.up) * step)
    }

    /// "2,8 tỷ ₫" / "2.8 bn ₫" for a chart's scale, where a full amount would not fit; the
    /// table beside the chart holds the amounts in full.
    static func compactMoney(_ amount: Double, _ language: Language) -> String {
        let vi = language == .vi
        if amount >= 1e9 { return NumberText.decimal(amount / 1e9, language, places: 1) + (vi ? " tỷ ₫" : " bn ₫") }
        if amount >= 1e6 { return NumberText.decimal(amount / 1e6, language, places: 0) + (vi ? " triệu ₫" : " m ₫") }
        return NumberText.grouped(Int(amount.rounded()), language) + " ₫"
    }
}
