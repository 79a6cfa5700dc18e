/// An amount of đồng as a person types it on the command line: digits, optionally grouped by
/// thousands with dots as Vietnamese write them ("1.500.000.000"). Strict, because a budget read
/// wrongly is a wrong decision: no sign, no decimals, no commas (in English "1,500" would be read
/// another way in Vietnamese), no leading zeros, no groups of other than three digits, nothing
/// past what an `Int` holds.
public enum AmountText {
    public static func parse(_ text: String) -> Int? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty else { return nil }
        let digits = { (s: Substring) in s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard groups.allSatisfy(digits) else { return nil }
        if groups.count > 1 {
            // Grouped: 1 to 3 digits first, then groups of exactly three.
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let whole = groups.joined()
        guard whole == "0" || !whole.hasPrefix("0") else { return nil }
        return Int(whole)
    }
}
