extension Gate.Findings {
    /// What a city audit found, counted the way the gate weighs it (what `wardcheck audit` exits on).
    ///
    /// - Invalid files: the files that could not be read as facts, and every error the audit
    ///   itself found (a code not in the roster, a code submitted twice): each is a file the city
    ///   cannot count. A warning (a name that differs from the roster) is not.
    /// - Failed, not reported, not evaluable: criteria, over the units the audit kept (a unit's
    ///   three failed criteria count three).
    /// - Not submitted: roster units with no file at all. Stale: units whose facts are older than
    ///   the audit allows.
    public init(_ audit: Audit) {
        self.init(invalidFiles: audit.invalid.count + audit.diagnostics.filter(\.isError).count,
                  failed: audit.tallies.reduce(0) { $0 + $1.failed },
                  notReported: audit.tallies.reduce(0) { $0 + $1.notReported },
                  notEvaluable: audit.tallies.reduce(0) { $0 + $1.notEvaluable },
                  notSubmitted: audit.notSubmitted.count,
                  stale: audit.stale)
    }
}

extension Gate {
    /// The exit code of a city audit: 2 when it evaluated no unit at all, whatever the kinds
    /// chosen, since an audit of nothing says nothing about the city; otherwise the code of its
    /// findings (`Findings(audit)`) as `exitCode(_:)` weighs them.
    public func exitCode(for audit: Audit) -> Int32 {
        if audit.valid == 0 { return Self.exitInvalidInput }
        return exitCode(Findings(audit))
    }
}
