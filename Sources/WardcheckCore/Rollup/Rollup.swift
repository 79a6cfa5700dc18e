import Foundation

/// Many provinces' audits as one national report: each province's figures and rank, each
/// criterion's pass rate nationally and by province, the national plan by item and by party,
/// and the audits' summaries added up. Audits that cannot be added are refused
/// (`RollupRefusal`); what can be added but must be said is in `notes`.
public struct Rollup: Sendable {
    public struct Province: Sendable {
        /// 1 for the province with the largest share of units ready; equal shares and means share a rank.
        public var rank: Int
        public var audit: ProvinceAudit
    }

    public struct CriterionLine: Sendable {
        public var id: String
        public var group: String
        public var title: Localized
        /// Units meeting it, nationally.
        public var passed: Int
        /// Units evaluated nationally: what the pass rate is of.
        public var judged: Int
        /// Units meeting it in each province, in `provinces` order.
        public var byProvince: [Int]
    }

    /// A fact about the audits added that the reader must know: they were judged on different
    /// days, or one does not record its criteria set.
    public struct Note: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case daysDiffer = "days_differ", noCriteriaSet = "no_criteria_set"
        }

        public var kind: Kind
        public var message: Localized
        public var sources: [String]
    }

    /// Ranked: the largest share of units ready first, then the higher mean of criteria met.
    public var provinces: [Province]
    public var criteria: [CriterionLine]
    public var groups: [(key: String, label: Localized)]
    /// The audits' summaries added up; `criteria` is the number of criteria, `passedTotal` gives
    /// the mean over every unit evaluated (not a mean of the provinces' means).
    public var summary: ProvinceAudit.Summary
    public var plan: [ProvinceAudit.PlanLine]
    public var parties: [ProvinceAudit.Party]
    /// The one criteria set every audit that records one was made with.
    public var criteriaSet: CriteriaIdentity?
    /// The day every audit was judged on, nil when they differ (each province gives its own).
    public var evaluatedOn: Day?
    public var notes: [Note]

    public var totalCost: Int { summary.totalCost }

    /// Adds `audits` up, or says why they cannot be.
    public static func make(_ given: [ProvinceAudit]) throws -> Rollup {
        let audits = named(given)
        try checkCodes(audits)
        let notes = try checkCriteria(audits) + days(audits)
        let ranked = rank(audits)
        let first = audits.first
        let criteria = (first?.criteria ?? []).map { c in
            CriterionLine(id: c.id, group: c.group, title: c.title,
                          passed: audits.reduce(0) { $0 + ($1.passed[c.id] ?? 0) },
                          judged: audits.reduce(0) { $0 + $1.summary.valid },
                          byProvince: ranked.map { $0.audit.passed[c.id] ?? 0 })
        }
        let days = Set(audits.compactMap(\.evaluatedOn))
        return Rollup(provinces: ranked, criteria: criteria, groups: audits.first { !$0.groups.isEmpty }?.groups ?? [],
                      summary: sum(audits.map(\.summary)), plan: plan(audits), parties: parties(audits),
                      criteriaSet: audits.compactMap(\.criteriaSet).first,
                      evaluatedOn: days.count == 1 && audits.allSatisfy { $0.evaluatedOn != nil } ? days.first : nil,
                      notes: notes)
    }

    /// The first two audits that account for the same unit code, with every code they share.
    static func checkCodes(_ audits: [ProvinceAudit]) throws {
        var owner: [String: Int] = [:]
        for (i, audit) in audits.enumerated() {
            var shared: [Int: [String]] = [:]
            for code in audit.codes {
                if let other = owner[code] { shared[other, default: []].append(code) } else { owner[code] = i }
            }
            if let other = shared.keys.min() {
                throw RollupRefusal.sharedCodes(first: audits[other].source, second: audit.source, codes: shared[other]!.sorted())
            }
        }
    }

    /// Refuses audits made with different criteria; notes those that do not say which.
    static func checkCriteria(_ audits: [ProvinceAudit]) throws -> [Note] {
        guard let first = audits.first else { return [] }
        let ids = first.criteria.map(\.id)
        let known = audits.first { $0.criteriaSet != nil }
        var notes: [Note] = []
        for audit in audits {
            if let known, let set = audit.criteriaSet, set != known.criteriaSet {
                throw RollupRefusal.differentCriteria(first: known.source, firstSet: known.criteriaSet, second: audit.source, secondSet: set)
            }
            // Without an identity, the criterion ids are all there is to compare.
            if audit.criteria.map(\.id) != ids {
                throw RollupRefusal.differentCriteria(first: first.source, firstSet: first.criteriaSet, second: audit.source, secondSet: audit.criteriaSet)
            }
        }
        let unknown = audits.filter { $0.criteriaSet == nil }
        if !unknown.isEmpty {
            let names = unknown.map(\.source).joined(separator: ", ")
            notes.append(Note(kind: .noCriteriaSet, message: Localized(
                vi: "Không ghi bộ tiêu chí (báo cáo của phiên bản cũ): \(names). Các tiêu chí cùng mã với các báo cáo khác nên vẫn được cộng, nhưng không kiểm tra được là cùng quy tắc và đơn giá; nên đánh giá lại bằng phiên bản này.",
                en: "No criteria set recorded (reports of an earlier version): \(names). Their criteria have the same ids as the others', so they are added, but whether the rules and prices were the same cannot be checked; audit them again with this version."),
                sources: unknown.map(\.source)))
        }
        return notes
    }

    /// Two audits under one name (two cities whose rosters name the same province, or two files
    /// of one name in different folders) are told apart by their source, so no row of the report
    /// can be read as the other's.
    static func named(_ audits: [ProvinceAudit]) -> [ProvinceAudit] {
        let counts = Dictionary(audits.map { ($0.province, 1) }, uniquingKeysWith: +)
        return audits.map { audit in
            guard counts[audit.province, default: 0] > 1 else { return audit }
            var named = audit
            named.province += " (" + audit.source + ")"
            return named
        }
    }

    /// A note when the audits were not all judged on one day: each day with its provinces.
    static func days(_ audits: [ProvinceAudit]) -> [Note] {
        var byDay: [Day: [String]] = [:]
        for audit in audits { if let day = audit.evaluatedOn { byDay[day, default: []].append(audit.province) } }
        guard byDay.count > 1 else { return [] }
        let days = byDay.keys.sorted()
        func list(_ language: Language) -> String {
            days.map { day in day.written(language) + ": " + byDay[day]!.joined(separator: ", ") }.joined(separator: "; ")
        }
        return [Note(kind: .daysDiffer, message: Localized(
            vi: "Các tỉnh được đánh giá vào những ngày khác nhau (\(list(.vi))): mỗi tỉnh là số liệu của ngày mình, các số cộng lại không cùng một ngày.",
            en: "The provinces were judged on different days (\(list(.en))): each province's figures are of its own day, so the totals are not of one day."),
            sources: audits.filter { $0.evaluatedOn != nil }.map(\.source))]
    }

    /// Largest share ready first, then the higher mean of criteria met, then by name; compared
    /// as exact fractions, so two provinces share a rank only when both figures are equal.
    static func rank(_ audits: [ProvinceAudit]) -> [Province] {
        func before(_ a: ProvinceAudit.Summary, _ b: ProvinceAudit.Summary) -> Bool? {
            if (a.valid > 0) != (b.valid > 0) { return a.valid > 0 }
            let share = (a.ready * b.valid, b.ready * a.valid)
            if share.0 != share.1 { return share.0 > share.1 }
            let mean = (a.passedTotal * b.valid, b.passedTotal * a.valid)
            if mean.0 != mean.1 { return mean.0 > mean.1 }
            return nil
        }
        let sorted = audits.sorted { a, b in
            before(a.summary, b.summary) ?? ((a.province, a.source) < (b.province, b.source))
        }
        var provinces: [Province] = []
        for (i, audit) in sorted.enumerated() {
            let tied = i > 0 && before(sorted[i - 1].summary, audit.summary) == nil
            provinces.append(Province(rank: tied ? provinces[i - 1].rank : i + 1, audit: audit))
        }
        return provinces
    }

    /// Every member added up. The nullable ones (roster figures) are a sum only when every audit
    /// has them: a national count of roster units missing a province's is not a national count.
    static func sum(_ summaries: [ProvinceAudit.Summary]) -> ProvinceAudit.Summary {
        var s = ProvinceAudit.Summary()
        func total(_ value: (ProvinceAudit.Summary) -> Int?) -> Int? {
            let values = summaries.map(value)
            return values.contains(nil) || values.isEmpty ? nil : values.reduce(0) { $0 + $1! }
        }
        func plain(_ value: (ProvinceAudit.Summary) -> Int) -> Int { summaries.reduce(0) { $0 + value($1) } }
        s.rosterUnits = total(\.rosterUnits)
        s.files = plain(\.files)
        s.valid = plain(\.valid)
        s.invalid = plain(\.invalid)
        s.notSubmitted = total(\.notSubmitted)
        s.ready = plain(\.ready)
        s.stale = plain(\.stale)
        s.notEvaluable = plain(\.notEvaluable)
        s.notReady = plain(\.notReady)
        s.incomplete = plain(\.incomplete)
        s.withWaivers = plain(\.withWaivers)
        // The same criteria in every audit (checked before): their number, not a sum.
        s.criteria = summaries.first?.criteria ?? 0
        s.passedTotal = plain(\.passedTotal)
        s.auditErrors = plain(\.auditErrors)
        s.unitsInvalid = plain(\.unitsInvalid)
        s.unitsDuplicated = plain(\.unitsDuplicated)
        s.filesOutsideRoster = total(\.filesOutsideRoster)
        s.totalCost = Money.sum(summaries.map(\.totalCost))
        return s
    }

    /// The plan lines of every audit, one line an item and party, in the order first met.
    static func plan(_ audits: [ProvinceAudit]) -> [ProvinceAudit.PlanLine] {
        var lines: [ProvinceAudit.PlanLine] = []
        var index: [String: Int] = [:]
        for line in audits.flatMap(\.plan) {
            let key = line.item + "\u{1F}" + line.role
            if let i = index[key] {
                lines[i].quantity += line.quantity
                lines[i].units += line.units
                lines[i].total = Money.sum([lines[i].total, line.total])
            } else {
                index[key] = lines.count
                lines.append(line)
            }
        }
        return lines
    }

    /// What falls to each party nationally, in the order first met.
    static func parties(_ audits: [ProvinceAudit]) -> [ProvinceAudit.Party] {
        var parties: [ProvinceAudit.Party] = []
        var index: [String: Int] = [:]
        for party in audits.flatMap(\.parties) {
            if let i = index[party.role] {
                parties[i].units += party.units
                parties[i].total = Money.sum([parties[i].total, party.total])
            } else {
                index[party.role] = parties.count
                parties.append(party)
            }
        }
        return parties
    }
}
