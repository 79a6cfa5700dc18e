/// Most YAML syntax errors in hand-typed facts files are indentation: a field one space off its
/// siblings, or a line indented under a key that already has a value. libyaml reports where it
/// got lost, not why; this compares the line with the one above and says which to move.
enum Indentation {
    static func hint(line number: Int, in lines: [Substring]) -> Localized? {
        guard number >= 1, number <= lines.count else { return nil }
        let here = lines[number - 1]
        guard let indent = spaces(here) else { return nil }
        // The nearest line above with content.
        var above = number - 1
        while above >= 1, spaces(lines[above - 1]) == nil { above -= 1 }
        guard above >= 1, let upper = spaces(lines[above - 1]), upper != indent else { return nil }
        let upperText = lines[above - 1].dropFirst(upper)
        let hasValue = upperText.split(separator: ":", maxSplits: 1).count == 2
            && !(upperText.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces).isEmpty)
        if indent > upper, hasValue {
            return Localized(
                vi: "dòng \(number) thụt \(indent) dấu cách, sâu hơn dòng \(above) (\(upper)), nhưng dòng \(above) đã có giá trị: căn dòng \(number) thẳng cột với dòng \(above), hoặc sửa thụt lề của dòng \(above)",
                en: "line \(number) is indented \(indent) spaces, deeper than line \(above) (\(upper)), which already has a value: align line \(number) with line \(above), or fix line \(above)'s indentation")
        }
        if indent < upper, !hasValue { return nil }
        return Localized(
            vi: "dòng \(number) thụt \(indent) dấu cách, dòng \(above) thụt \(upper): các trường cùng một khối phải bắt đầu ở cùng một cột",
            en: "line \(number) is indented \(indent) spaces and line \(above) \(upper): the fields of one block start in the same column")
    }

    /// Leading spaces of a line with content; nil for a blank or comment line.
    private static func spaces(_ line: Substring) -> Int? {
        let count = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(count)
        guard let first = rest.first, first != "#", !rest.allSatisfy({ $0 == " " || $0 == "\r" }) else { return nil }
        return count
    }
}
