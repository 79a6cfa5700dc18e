/// The exit-code policy that gates a merge: which kinds of finding fail the run.
/// A waived criterion never does.
public struct Gate: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case invalid
        case failed
        case notReported = "not-reported"
        case notEvaluable = "not-evaluable"
        /// Roster units with no file (audit only): a city pipeline that requires every unit.
        case notSubmitted = "not-submitted"
        /// Units whose facts are older than the audit allows (audit only).
        case stale
    }

    /// What fails the run unless `--fail-on` says otherwise. Completeness (not-submitted, stale)
    /// is asked for, not assumed: a city mid-collection still wants its audit to pass.
    public static let defaultKinds: Set<Kind> = [.invalid, .failed, .notReported, .notEvaluable]

    public var failOn: Set<Kind>

    public init(failOn: Set<Kind> = Gate.defaultKinds) { self.failOn = failOn }

    public static let exitOK: Int32 = 0
    public static let exitCriteriaNotMet: Int32 = 1
    public static let exitInvalidInput: Int32 = 2
    /// The results could not be written (a full disk, `> /dev/full`, a file-size limit): EX_IOERR
    /// of sysexits.h, so that CI never reads a lost report as "a criterion failed".
    public static let exitOutputFailed: Int32 = 74

    /// What one run found, counted the way the gate weighs it.
    public struct Findings: Sendable {
        public var invalidFiles = 0
        public var failed = 0
        public var notReported = 0
        public var notEvaluable = 0
        public var notSubmitted = 0
        public var stale = 0

        public init(invalidFiles: Int = 0, failed: Int = 0, notReported: Int = 0, notEvaluable: Int = 0, notSubmitted: Int = 0, stale: Int = 0) {
            self.invalidFiles = invalidFiles
            self.failed = failed
            self.notReported = notReported
            self.notEvaluable = notEvaluable
            self.notSubmitted = notSubmitted
            self.stale = stale
        }
    }

    /// 2 when an invalid file counts, else 1 when any other counted finding occurs, else 0.
    public func exitCode(_ found: Findings) -> Int32 {
        if failOn.contains(.invalid), found.invalidFiles > 0 { return Self.exitInvalidInput }
        let counted: [(Kind, Int)] = [(.failed, found.failed), (.notReported, found.notReported), (.notEvaluable, found.notEvaluable),
                                      (.notSubmitted, found.notSubmitted), (.stale, found.stale)]
        if counted.contains(where: { failOn.contains($0.0) && $0.1 > 0 }) { return Self.exitCriteriaNotMet }
        return Self.exitOK
    }

    public func exitCode(invalidFiles: Int, failed: Int, notReported: Int, notEvaluable: Int = 0) -> Int32 {
        exitCode(Findings(invalidFiles: invalidFiles, failed: failed, notReported: notReported, notEvaluable: notEvaluable))
    }

    public func exitCode(for reports: [UnitReport]) -> Int32 {
        exitCode(UnitReport.Tally.findings(reports.lazy.map(\.tally)))
    }
}
