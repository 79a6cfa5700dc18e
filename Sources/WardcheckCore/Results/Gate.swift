/// The exit-code policy that gates a merge: which kinds of finding fail the run.
/// A waived criterion never does.
public struct Gate: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case invalid
        case failed
        case notReported = "not-reported"
        case notEvaluable = "not-evaluable"
    }

    public var failOn: Set<Kind>

    public init(failOn: Set<Kind> = Set(Kind.allCases)) { self.failOn = failOn }

    public static let exitOK: Int32 = 0
    public static let exitCriteriaNotMet: Int32 = 1
    public static let exitInvalidInput: Int32 = 2

    /// 2 when an invalid file counts, else 1 when a counted outcome occurs, else 0.
    public func exitCode(invalidFiles: Int, failed: Int, notReported: Int, notEvaluable: Int = 0) -> Int32 {
        if failOn.contains(.invalid), invalidFiles > 0 { return Self.exitInvalidInput }
        if failOn.contains(.failed), failed > 0 { return Self.exitCriteriaNotMet }
        if failOn.contains(.notReported), notReported > 0 { return Self.exitCriteriaNotMet }
        if failOn.contains(.notEvaluable), notEvaluable > 0 { return Self.exitCriteriaNotMet }
        return Self.exitOK
    }

    public func exitCode(for reports: [UnitReport]) -> Int32 {
        let cards = reports.compactMap(\.scorecard)
        return exitCode(invalidFiles: reports.filter { !$0.isValid }.count,
                        failed: cards.reduce(0) { $0 + $1.count(.failed) },
                        notReported: cards.reduce(0) { $0 + $1.count(.notReported) },
                        notEvaluable: cards.reduce(0) { $0 + $1.count(.notEvaluable) })
    }
}
