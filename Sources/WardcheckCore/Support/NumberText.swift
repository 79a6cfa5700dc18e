import Foundation

/// Every number a reader sees, written one way per language: Vietnamese 2.801.600.000 ₫, 13,4/16,
/// 1,5 giờ; English 2,801,600,000 ₫, 13.4/16. Every renderer goes through here. The grouping is
/// written by hand: a Foundation formatter per call was the slow part of large reports.
public enum NumberText {
    /// "45", "40.5": no grouping, dot for decimals, as in the YAML the user wrote (and in JSON, CSV).
    public static func plain(_ n: Decimal) -> String {
        DecimalShortcuts.plain(n) ?? NSDecimalNumber(decimal: n).stringValue
    }

    /// Whole number with Vietnamese grouping (105.000.000) or English (105,000,000).
    public static func grouped(_ n: Int, _ language: Language) -> String {
        let separator: UInt8 = language == .vi ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An amount of Vietnamese đồng: "105.000.000 ₫".
    public static func money(_ amount: Int, _ language: Language) -> String {
        grouped(amount, language) + " ₫"
    }

    /// A fact's number as the reader writes it: "1,5" and "1.000" in Vietnamese, "1.5" and "1,000" in English.
    public static func number(_ n: Decimal, _ language: Language) -> String {
        // A whole number, as most facts and requirements are, grouped straight from its digits:
        // writing it out as text and reading the text back cost two thousand instructions.
        if let whole = DecimalShortcuts.integer(n) { return grouped(whole, language) }
        return localized(plain: plain(n), language)
    }

    /// A measured value rounded to `places` decimals: "13,4" / "13.4".
    public static func decimal(_ value: Double, _ language: Language, places: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        return localized(plain: String(format: "%.\(max(0, places))f", value), language)
    }

    /// "1 file", "2 files"; Vietnamese nouns do not change: "1 tệp", "2 tệp". `enPlural` for irregular nouns.
    public static func counted(_ n: Int, vi: String, en: String, enPlural: String? = nil, _ language: Language) -> String {
        let number = grouped(n, language)
        switch language {
        case .vi: return number + " " + vi
        case .en: return number + " " + (n == 1 ? en : enPlural ?? en + "s")
        }
    }

    /// Rewrites a plain number ("1234.5", "-3") the language's way; anything else comes back as it was.
    public static func localized(plain text: String, _ language: Language) -> String {
        var bytes = Array(text.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let dot = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(dot ?? bytes.count)]
        let fraction = dot.map { bytes[($0 + 1)...] } ?? []
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit), dot == nil || !fraction.isEmpty else { return text }
        let (group, point): (UInt8, UInt8) = language == .vi ? (UInt8(ascii: "."), UInt8(ascii: ",")) : (UInt8(ascii: ","), UInt8(ascii: "."))
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        for (i, digit) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { out.append(group) }
            out.append(digit)
        }
        if dot != nil {
            out.append(point)
            out.append(contentsOf: fraction)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `localizingNumbers` could change the text: a run of four or more digits (grouped),
    /// or, when decimals are rewritten, a digit, a dot and a digit.
    private static func mayRewrite(_ utf8: String.UTF8View, decimals: Bool) -> Bool {
        var run = 0
        var dotAfterDigit = false
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if dotAfterDigit && decimals { return true }
                run += 1
                if run > 3 { return true }
                dotAfterDigit = false
            } else {
                dotAfterDigit = run > 0 && byte == UInt8(ascii: ".")
                run = 0
            }
        }
        return false
    }

    /// Every plain number inside a text we composed (a requirement, a formula such as
    /// "⌈0.9 × 45⌉") rewritten the language's way. Fact paths, ids and dates are left alone:
    /// a number counts only when no letter, digit, `_`, `-` or `.`-word touches it.
    public static func localizingNumbers(in text: String, _ language: Language) -> String {
        // Most texts have nothing to rewrite: no run of more than three digits, and in English no
        // decimal either ("9", "5 kVA", "⌈45 ÷ 5⌉"). Only a number that would change is looked at.
        guard mayRewrite(text.utf8, decimals: language == .vi) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWordy(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII {
                let v = s.value
                return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || s == "_" || s == "-"
            }
            return s.properties.isAlphabetic
        }
        while i < scalars.count {
            let s = scalars[i]
            let startsNumber = ("0"..."9").contains(s) && (i == 0 || !(isWordy(scalars[i - 1]) || scalars[i - 1] == "."))
            guard startsNumber else {
                out.append(s)
                i += 1
                continue
            }
            var j = i
            while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
            if j + 1 < scalars.count, scalars[j] == ".", ("0"..."9").contains(scalars[j + 1]) {
                j += 1
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
            }
            let token = String(String.UnicodeScalarView(scalars[i..<j]))
            let touches = j < scalars.count && (isWordy(scalars[j]) || (scalars[j] == "." && j + 1 < scalars.count && isWordy(scalars[j + 1])))
            out.append(contentsOf: (touches ? token : localized(plain: token, language)).unicodeScalars)
            i = j
        }
        return String(out)
    }
}
