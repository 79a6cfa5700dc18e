/// How often the history takes a reading: one point per calendar week, month or quarter, each
/// read at the period's last day.
public enum Period: String, Sendable, CaseIterable {
    case week, month, quarter

    /// The last day of the period that contains `day`. Weeks end on Sunday (ISO weeks).
    public func end(containing day: Day) -> Day {
        switch self {
        case .week:
            // 1970-01-01 was a Thursday, so ordinal 3 is a Sunday.
            let weekday = ((day.ordinal - 3) % 7 + 7) % 7
            return Day(ordinal: day.ordinal + (weekday == 0 ? 0 : 7 - weekday))
        case .month:
            let (y, m, _) = day.components
            return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
        case .quarter:
            let (y, m, _) = day.components
            let last = ((m - 1) / 3) * 3 + 3
            return Day(year: y, month: last, day: Day.daysIn(month: last, year: y))!
        }
    }

    /// The period ends from the one containing `first` through the one containing `last`, in order.
    public func ends(from first: Day, through last: Day) -> [Day] {
        guard first <= last else { return [] }
        var ends: [Day] = []
        var end = self.end(containing: first)
        let stop = self.end(containing: last)
        while end <= stop {
            ends.append(end)
            end = self.end(containing: Day(ordinal: end.ordinal + 1))
        }
        return ends
    }

    /// The period's name as reports show it: "2025-07", "2025-Q3", or a week by its Sunday, "2025-07-06".
    public func label(_ end: Day) -> String {
        let (y, m, _) = end.components
        switch self {
        case .week: return end.description
        case .month: return Digits.four(y) + "-" + Digits.two(m)
        case .quarter: return Digits.four(y) + "-Q\((m - 1) / 3 + 1)"
        }
    }

    public var name: Localized {
        switch self {
        case .week: return Localized(vi: "mỗi tuần", en: "weekly")
        case .month: return Localized(vi: "mỗi tháng", en: "monthly")
        case .quarter: return Localized(vi: "mỗi quý", en: "quarterly")
        }
    }
}
