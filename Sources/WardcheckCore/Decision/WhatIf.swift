import Foundation

/// The same units judged under the criteria in force and under a proposed set (a threshold
/// changed, a criterion added or dropped): who would fall back or come forward, criterion by
/// criterion, and what the plan would cost then and now, item by item and per paying party.
///
/// It is the month-on-month comparison (`AuditDiff`) with the criteria, not the facts, as what
/// changed: both audits read the same files with the same roster and waivers on the same day, so
/// every difference is the proposal's. A criterion is compared by its id: one in both sets whose
/// rule changed is compared unit by unit; one only in the proposal is new, one only in force is
/// dropped, and units are listed against those apart, since "gained" or "lost" would say nothing
/// about a criterion the other side did not have.
public struct WhatIf: Sendable {
    /// One unit whose outcome under some criterion, readiness or cost differs under the proposal.
    public struct UnitChange: Sendable {
        public var code: String
        public var name: String
        public var passedBefore: Int
        public var passedAfter: Int
        public var readyBefore: Bool
        public var readyAfter: Bool
        public var costBefore: Int
        public var costAfter: Int
        /// Criteria in both sets: met under the proposal and not now.
        public var gained: [String]
        /// Criteria in both sets: met now and not under the proposal.
        public var lost: [String]
        /// New criteria the unit would not meet.
        public var newNotMet: [String]
        /// Dropped criteria the unit did not meet: no longer in its way.
        public var droppedNotMet: [String]
    }

    /// What one paying party (the catalogue's role) would pay now and under the proposal.
    public struct PartyChange: Sendable {
        public var role: String
        public var who: Localized
        public var before: Int
        public var after: Int

        public var change: Int { after - before }
    }

    /// The comparison itself: headline figures, criteria pass counts, units in and out, plan lines.
    public var diff: AuditDiff
    /// Criteria ids, in the proposal's order then the dropped ones in their own.
    public var added: [String]
    public var dropped: [String]
    /// Criteria in both sets whose rule file differs (a threshold, a check, a remedy).
    public var revised: [String]
    public var units: [UnitChange]
    public var parties: [PartyChange]
    /// Waivers of criteria the proposal drops: they no longer apply to anything.
    public var waiversDropped: Int

    public var readyBefore: Int { diff.old.ready }
    public var readyAfter: Int { diff.new.ready }
    public var costBefore: Int { diff.old.totalCost }
    public var costAfter: Int { diff.new.totalCost }

    /// `current` and `proposed`: the same folder audited under each set.
    public init(current: Audit, proposed: Audit, currentCriteria: CriteriaSet, proposedCriteria: CriteriaSet,
                currentSource: String, proposedSource: String, waiversDropped: Int = 0) {
        diff = AuditDiff(old: AuditSnapshot(current, source: currentSource), new: AuditSnapshot(proposed, source: proposedSource))
        let before = Dictionary(currentCriteria.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(proposedCriteria.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        added = proposedCriteria.criteria.map(\.id).filter { before[$0] == nil }
        dropped = currentCriteria.criteria.map(\.id).filter { after[$0] == nil }
        revised = proposedCriteria.criteria.compactMap { c in
            guard let old = before[c.id] else { return nil }
            guard let then = Self.bytes(old.file), let now = Self.bytes(c.file), then == now else { return c.id }
            return nil
        }
        self.waiversDropped = waiversDropped

        let met = AuditSnapshot.met
        units = diff.units.compactMap { u in
            var change = UnitChange(code: u.code, name: u.name, passedBefore: u.passedBefore, passedAfter: u.passedAfter,
                                    readyBefore: u.readyBefore, readyAfter: u.readyAfter, costBefore: u.costBefore, costAfter: u.costAfter,
                                    gained: [], lost: [], newNotMet: [], droppedNotMet: [])
            for t in u.transitions {
                switch (t.before, t.after) {
                case (nil, let now?): if now != met { change.newNotMet.append(t.criterion) }
                case (let then?, nil): if then != met { change.droppedNotMet.append(t.criterion) }
                case (let then?, let now?):
                    if now == met, then != met { change.gained.append(t.criterion) }
                    if then == met, now != met { change.lost.append(t.criterion) }
                case (nil, nil): break
                }
            }
            // A unit whose only change is a criterion it met leaving the set has nothing to decide on.
            let moved = !(change.gained.isEmpty && change.lost.isEmpty && change.newNotMet.isEmpty && change.droppedNotMet.isEmpty)
            return moved || u.readyBefore != u.readyAfter || u.costBefore != u.costAfter ? change : nil
        }

        var roles = proposed.parties.map(\.role)
        for p in current.parties where !roles.contains(p.role) { roles.append(p.role) }
        let then = Dictionary(current.parties.map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(proposed.parties.map { ($0.role, $0) }, uniquingKeysWith: { a, _ in a })
        parties = roles.compactMap { role in
            // A party with nothing to pay on either side (its tasks are actions) has no figure to compare.
            guard let described = now[role] ?? then[role], (then[role]?.total ?? 0) != 0 || (now[role]?.total ?? 0) != 0 else { return nil }
            return PartyChange(role: role, who: described.who, before: then[role]?.total ?? 0, after: now[role]?.total ?? 0)
        }
    }

    /// A rule file's bytes; a file that cannot be read (nil) counts as changed.
    private static func bytes(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// Units that are ready now and would not be, and the reverse.
    public var fallBack: [UnitChange] { units.filter { $0.readyBefore && !$0.readyAfter } }
    public var comeForward: [UnitChange] { units.filter { !$0.readyBefore && $0.readyAfter } }
}
