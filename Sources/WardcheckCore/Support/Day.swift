/// A calendar day, counted as days since 1970-01-01. Dates in facts are days, never instants,
/// so there is no time zone to get wrong.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Strict ISO `YYYY-MM-DD`.
    public init?(iso text: String) {
        // `dddd-dd-dd`, read on the bytes; anything else is not a date.
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        var year = 0, month = 0, day = 0
        for (i, byte) in utf8.enumerated() {
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            if i < 4 { year = year * 10 + digit } else if i < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var description: String {
        let (y, m, d) = components
        return Digits.four(y) + "-" + Digits.two(m) + "-" + Digits.two(d)
    }

    /// The day as a person writes it: "04/12/2026" in Vietnamese, "4 Dec 2026" in English (the
    /// month in letters, so no reader takes it for the 12th of April). Files keep ISO.
    /// The English spaces do not break: a date never splits across two lines.
    public func written(_ language: Language) -> String {
        let (y, m, d) = components
        switch language {
        case .vi: return Digits.two(d) + "/" + Digits.two(m) + "/" + Digits.four(y)
        case .en: return "\(d)\u{00A0}" + Day.monthAbbreviations[m - 1] + "\u{00A0}" + Digits.four(y)
        }
    }

    /// Both languages' writing of the day.
    public var written: Localized { Localized(vi: written(.vi), en: written(.en)) }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today in Vietnam (UTC+7), for defaults such as the date `init` writes and for refusing
    /// facts from the future. `WARDCHECK_TODAY=YYYY-MM-DD` fixes it, for reproducible runs and tests.
    public static func today() -> Day {
        if let fixed = ProcessInfo.processInfo.environment["WARDCHECK_TODAY"].flatMap(Day.init(iso:)) { return fixed }
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
        return Day(ordinal: seconds / 86400)
    }

    /// Reads the date a person probably meant by a non-ISO date, to show it in the hint.
    /// Vietnamese writes day before month: 05/07/2025 is 5 July 2025.
    public static func guess(_ text: String) -> Day? {
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let pieces = text.split(whereSeparator: { "/.- ".contains($0) }).map(String.init)
        guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(isDigit) }) else {
            if text.count == 8, text.allSatisfy(isDigit), let y = Int(text.prefix(4)),
               let m = Int(text.dropFirst(4).prefix(2)), let d = Int(text.suffix(2)) {
                return Day(year: y, month: m, day: d)
            }
            return nil
        }
        let numbers = pieces.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if pieces[0].count == 4 { return Day(year: numbers[0], month: numbers[1], day: numbers[2]) }
        if pieces[2].count == 4 { return Day(year: numbers[2], month: numbers[1], day: numbers[0]) }
        return nil
    }
}

import Foundation

enum Digits {
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    static func four(_ value: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
