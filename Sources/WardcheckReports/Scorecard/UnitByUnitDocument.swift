import WardcheckCore

/// A `check` report written as its units are judged, in the order of the files
/// (`Pipeline.ordered`): each unit's part is made on the core that judged it, and the document
/// only joins the parts and keeps counts for what comes after them. A folder of any size is then
/// checked in the memory of a few units. The whole-report functions (`ScorecardJSON.render`,
/// `GitHubAnnotations.check`, …) run the same document, so there is one writer a format.
public protocol UnitByUnitDocument {
    associatedtype Part: Sendable

    /// One unit's part, in the order of the files; `tally` is all the document may keep of it.
    mutating func add(_ part: Part, _ tally: UnitReport.Tally)
    /// After the last unit: whatever closes the report (a summary, closing brackets).
    mutating func finish()
    /// The bytes written so far, handed over to be sent to the output.
    mutating func take() -> [UInt8]
}

extension ScorecardJSON.Document: UnitByUnitDocument {}

extension ScorecardText {
    /// The scorecards one after another, a rule between two.
    public struct Document: UnitByUnitDocument {
        private static let separator = Array(("\n" + String(repeating: "─", count: 72) + "\n\n").utf8)
        private var bytes: [UInt8] = []
        private var first = true

        public init() {}

        public mutating func add(_ part: [UInt8], _ tally: UnitReport.Tally) {
            if !first { bytes += Self.separator }
            bytes += part
            first = false
        }

        public mutating func finish() {}

        public mutating func take() -> [UInt8] {
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
    }
}
