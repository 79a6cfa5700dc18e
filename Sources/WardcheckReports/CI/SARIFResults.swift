import WardcheckCore

extension SARIFLog {
    /// SARIF `result`s, each made from one finding and serialised where it sits in the run's
    /// `results` array, so that a unit's results are made on the core that judged it.
    public struct Results: Sendable {
        let log: SARIFLog
        let ruleIndex: [String: Int]
        let artifactIndex: [String: Int]
        /// How deep a result sits in the log.
        let level: Int

        /// One checked unit's results: its findings, a criterion's with the unit and its remedies.
        public func check(_ report: UnitReport) -> [[UInt8]] {
            Finding.all(report, language: log.language).map { result($0, properties: properties($0, report.scorecard)) }
        }

        /// What a criterion's result carries beyond the finding: the outcome, the unit, what to do and what it costs.
        private func properties(_ finding: Finding, _ card: Scorecard?) -> [(String, JSON)] {
            guard let outcome = finding.outcome, let card, card.file == finding.file else { return [] }
            let language = log.language
            var properties: [(String, JSON)] = [("outcome", .string(outcome.rawValue))]
            if let code = card.code { properties.append(("unit", .string(code))) }
            if let name = card.name { properties.append(("unit_name", .string(name))) }
            let remedies = card.results.first { $0.id == finding.ruleID }.map { $0.outcome == .waived ? [] : $0.remedies } ?? []
            if !remedies.isEmpty {
                properties.append(("remedies", .array(remedies.map { ScorecardJSON.remedy($0, language) })))
                properties.append(("cost", .int(Money.sum(remedies.map(\.cost)))))
            }
            return properties
        }

        func result(_ f: Finding, properties extra: [(String, JSON)]) -> [UInt8] {
            let artifact = log.artifactLocation(f.file, index: artifactIndex[f.file]!)
            var members: [(String, JSON)] = [("ruleId", .string(f.ruleID))]
            if let index = ruleIndex[f.ruleID] { members.append(("ruleIndex", .int(index))) }
            members += [
                ("level", .string(f.level.rawValue)),
                ("message", .object([("text", .string(f.title + ": " + f.message))])),
                ("locations", .array([log.location(artifact, f.region)])),
            ]
            let related = f.reasons.enumerated().compactMap { (i, reason) -> JSON? in
                guard let region = reason.region else { return nil }
                return .object([
                    ("id", .int(i)),
                    ("physicalLocation", .object([("artifactLocation", artifact), ("region", log.region(region))])),
                    ("message", .object([("text", .string(reason.text))])),
                ])
            }
            if related.count > 1 { members.append(("relatedLocations", .array(related))) }
            if let waiver = f.waiver {
                members.append(("suppressions", .array([.object([
                    ("kind", .string("external")),
                    ("status", .string("accepted")),
                    ("justification", .string(Finding.waiverText(waiver, log.language))),
                    ("location", .object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(log.uri(waiver.file)))])),
                        ("region", .object([("startLine", .int(waiver.mark.line)), ("startColumn", .int(waiver.mark.column))])),
                    ]))])),
                ])])))
            }
            if !extra.isEmpty { members.append(("properties", .object(extra))) }
            return JSONStream.fragment(.object(members), level: level)
        }
    }
}
