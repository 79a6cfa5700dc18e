import Foundation
@testable import WardcheckCore
import XCTest

/// The reading shortcuts taken for speed give exactly what the Foundation or standard-library
/// call they replace gives: the same Decimal from the same digits, the same verdict on a unit
/// code, the same filled text.
final class ShortcutAgreementTests: XCTestCase {
    private let posix = Locale(identifier: "en_US_POSIX")

    /// Same value, same exponent, same significand and the same text, alone and after the
    /// arithmetic a criterion does with it: a number read by hand must never print differently.
    func testDigitsReadAsTheDecimalFoundationReads() {
        var texts = ["0", "00", "007", "007.5", "0.0", "0.00", "7.50", "0.5", "0.05", "100", "1000000", "12.000", "40.5",
                     "3.14159", "999999.999999", "1.10", "000000000000000000000001", "123456789012345678", "1234567890123456789",
                     "99999999999999999999.5", "5.", ".5", "1..2", "", "1e3", "-1"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let whole = String(Int.random(in: 0...2_000_000, using: &generator))
            let zeros = String(repeating: "0", count: Int.random(in: 0...2, using: &generator))
            let fraction = Bool.random(using: &generator) ? "" : "." + String(Int.random(in: 0...99999, using: &generator))
            texts.append(zeros + whole + fraction)
        }
        let ninetenths = Decimal(string: "0.9", locale: posix)!
        for text in texts {
            let mine = ScalarReading.digitsAsDecimal(text)
            let valid = !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: ".") || ($0 >= 0x30 && $0 <= 0x39) }
                && text.split(separator: ".", omittingEmptySubsequences: false).count <= 2
            guard valid, !text.hasPrefix("."), !text.hasSuffix(".") else { continue }
            guard let mine, let theirs = Decimal(string: text, locale: posix) else {
                XCTFail("`\(text)`: \(String(describing: mine)) vs Foundation's reading")
                continue
            }
            XCTAssertEqual(mine, theirs, text)
            XCTAssertEqual(mine.exponent, theirs.exponent, text)
            XCTAssertEqual(mine.significand.description, theirs.significand.description, text)
            for (a, b) in [(mine, theirs), (mine * ninetenths, theirs * ninetenths), (mine / 7, theirs / 7), (mine + 1, theirs + 1), (mine - 3, theirs - 3)] {
                XCTAssertEqual(NumberText.plain(a), NSDecimalNumber(decimal: b).stringValue, text)
            }
        }
        XCTAssertNil(ScalarReading.digitsAsDecimal("1.2.3"))
        XCTAssertNil(ScalarReading.digitsAsDecimal("12a"))
        XCTAssertNil(ScalarReading.digitsAsDecimal("."))
    }

    /// A number as people read it ("1.000", "2,5"): whole numbers take a shortcut, which must
    /// write what writing the number out in full and localizing that text writes.
    func testWholeNumbersWrittenAsTheFullPathWritesThem() {
        var values: [Decimal] = [0, 1, -1, 7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, 105_000_000, Decimal(Int.max), Decimal(Int.min) + 1,
                                 Decimal(sign: .plus, exponent: 3, significand: 5), Decimal(sign: .minus, exponent: 2, significand: 12),
                                 Decimal(string: "5.0", locale: posix)!, Decimal(string: "2.50", locale: posix)!, Decimal(string: "1234.5", locale: posix)!]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { values.append(Decimal(Int.random(in: -50_000_000...50_000_000, using: &generator))) }
        for value in values {
            for language in [Language.vi, .en] {
                XCTAssertEqual(NumberText.number(value, language),
                               NumberText.localized(plain: NSDecimalNumber(decimal: value).stringValue, language), "\(value) \(language)")
            }
        }
        XCTAssertEqual(NumberText.number(1_000_000, .vi), "1.000.000")
        XCTAssertEqual(NumberText.number(-12_345, .en), "-12,345")
        XCTAssertEqual(NumberText.number(Decimal(string: "2.5", locale: posix)!, .vi), "2,5")
    }

    /// Comparing, printing, dividing and rounding by integers agrees with Foundation's Decimal
    /// on the numbers facts and criteria make, and beyond: negatives, zero with decimals, values
    /// too wide for 64 bits (where the shortcut must step aside).
    func testDecimalShortcutsAgreeWithFoundation() throws {
        XCTAssertTrue(DecimalShortcuts.available, "the storage layout check failed: every shortcut is off")
        var values: [Decimal] = [0, 1, -1, 45, 70000, 1_000_000, Decimal(UInt64.max), Decimal(UInt64.max) * 10, Decimal(1) / 3,
                                 Decimal(string: "0.00", locale: posix)!, Decimal(string: "7.50", locale: posix)!, Decimal(string: "-0.05", locale: posix)!]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let whole = Decimal(Int.random(in: -2_000_000...2_000_000, using: &generator))
            let scale = Decimal(sign: .plus, exponent: -Int.random(in: 0...4, using: &generator), significand: 1)
            values.append(whole * scale)
            values.append(Decimal(Int.random(in: 0...1_000_000, using: &generator)) / Decimal(Int.random(in: 1...64, using: &generator)))
        }
        for (i, a) in values.enumerated() {
            XCTAssertEqual(NumberText.plain(a), NSDecimalNumber(decimal: a).stringValue, "\(a)")
            let b = values[(i * 7 + 3) % values.count]
            XCTAssertEqual(DecimalShortcuts.less(a, b), a < b, "\(a) < \(b)")
            XCTAssertEqual(DecimalShortcuts.lessOrEqual(a, b), a <= b, "\(a) <= \(b)")
            XCTAssertEqual(DecimalShortcuts.equal(a, a), true)
            for up in [true, false] {
                var input = a
                var rounded = Decimal()
                NSDecimalRound(&rounded, &input, 0, up ? .up : .down)
                if let whole = DecimalShortcuts.whole(a, up: up) {
                    XCTAssertEqual(whole, rounded, "\(a) rounded \(up ? "up" : "down")")
                    XCTAssertEqual(NumberText.plain(whole), NSDecimalNumber(decimal: rounded).stringValue)
                }
            }
            // Sums and differences: the same Decimal (value, exponent, significand) and the same text.
            for (mine, theirs, sign) in [(DecimalShortcuts.add(a, b), a + b, "+"), (DecimalShortcuts.add(a, b, negating: true), a - b, "−")] {
                guard let mine else { continue }
                XCTAssertEqual(mine, theirs, "\(a) \(sign) \(b)")
                XCTAssertEqual(mine.exponent, theirs.exponent, "\(a) \(sign) \(b)")
                XCTAssertEqual(mine.significand.description, theirs.significand.description, "\(a) \(sign) \(b)")
                XCTAssertEqual(NumberText.plain(mine), NSDecimalNumber(decimal: theirs).stringValue, "\(a) \(sign) \(b)")
            }
            if !b.isZero, let quotient = DecimalShortcuts.divide(a, b) {
                XCTAssertEqual(quotient, a / b, "\(a) / \(b)")
                XCTAssertEqual(NumberText.plain(quotient), NSDecimalNumber(decimal: a / b).stringValue, "\(a) / \(b)")
            }
        }
        XCTAssertEqual(DecimalShortcuts.add(52, 40, negating: true), 12)
        XCTAssertEqual(DecimalShortcuts.add(Decimal(string: "7.5", locale: posix)!, Decimal(string: "2.5", locale: posix)!), 10)
        XCTAssertEqual(DecimalShortcuts.add(3, 5, negating: true), -2)
        XCTAssertEqual(DecimalShortcuts.add(-3, -5, negating: true), 2)
        for zero in [DecimalShortcuts.add(5, 5, negating: true), DecimalShortcuts.add(Decimal(string: "0.5", locale: posix)!, Decimal(string: "-0.50", locale: posix)!)] {
            XCTAssertEqual(zero?.exponent, 0)
            XCTAssertEqual(zero?.significand.description, "0")
        }
        XCTAssertEqual(DecimalShortcuts.divide(45, 5), 9)
        XCTAssertEqual(DecimalShortcuts.divide(46, 5), Decimal(string: "9.2", locale: posix))
        XCTAssertNil(DecimalShortcuts.divide(10, 3), "a repeating quotient is Foundation's to round")
        XCTAssertNil(DecimalShortcuts.parts(Decimal(string: "123456789012345678901234567", locale: posix)!))
        XCTAssertEqual(DecimalShortcuts.integer(Decimal(70000)), 70000)
        XCTAssertEqual(Evaluator.wholeUp(Decimal(string: "40.5", locale: posix)!), 41)
        XCTAssertEqual(Evaluator.wholeUp(Decimal(string: "-40.5", locale: posix)!), -40)
    }

    /// A walked folder's paths come out in the order `String`'s `<` gives them, whether they are
    /// ASCII (compared on their bytes) or not (Vietnamese names, composed and decomposed), prefixes
    /// and all; and a real walk lists a folder's files that way.
    func testPathsSortedAsStringsSortThem() throws {
        var paths = ["w/a.yaml", "w/a.yaml.yml", "w/A.yaml", "w/b", "w/ab.yaml", "w/a", "w/", "w/Hòa Xuân.yaml",
                     "w/Ho\u{300}a Xuân.yaml", "w/Hoa.yaml", "w/~.yaml", "w/z/1.yaml", "w/z.yaml", "w/é.yml", "w/e\u{301}.yml"]
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aAbz09._-/ éòƯ".unicodeScalars)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...12, using: &generator)
            var name = "w/"
            for _ in 0..<length {
                // Mostly ASCII, as real paths are.
                let scalar = Int.random(in: 0..<10, using: &generator) == 0 ? letters[Int.random(in: 10..<letters.count, using: &generator)]
                    : letters[Int.random(in: 0..<10, using: &generator)]
                name.unicodeScalars.append(scalar)
            }
            paths.append(name)
        }
        let entries = paths.map { FolderWalk.Entry.file($0) }
        XCTAssertEqual(FolderWalk.sortedByPath(entries).map(\.path), paths.sorted { $0 < $1 })

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["b.yaml", "a.yaml", "ab.yaml", "A.yml", "sub/c.yaml", "sub.yaml", "Xã Hòa.yaml", "Xa.yaml"]
        for name in names { FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()) }
        let walked = FolderWalk.yamlFiles(in: folder.path).map(\.path)
        XCTAssertEqual(walked, names.map { folder.path + "/" + $0 }.sorted { $0 < $1 })
    }

    /// Dates read on the bytes, against the reading by splitting on dashes they replace.
    func testDatesReadAsBySplitting() {
        func bySplitting(_ text: String) -> Day? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return Day(year: y, month: m, day: d)
        }
        var texts = ["2025-07-05", "2025-02-30", "2024-02-29", "2025-13-01", "0000-01-01", "2025-7-05", "2025/07/05", "2025-07-0٥",
                     "2025-07-05 ", "+025-07-05", "2025--7-05", "20250705", "", "2025-07-05-01", "１２３４-01-01"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var text = String(format: "%04d-%02d-%02d", Int.random(in: 0...9999, using: &generator), Int.random(in: 0...13, using: &generator),
                              Int.random(in: 0...32, using: &generator))
            if Bool.random(using: &generator) {
                var bytes = Array(text.utf8)
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = "0-9/ x".utf8.randomElement(using: &generator)!
                text = String(decoding: bytes, as: UTF8.self)
            }
            texts.append(text)
        }
        for text in texts { XCTAssertEqual(Day(iso: text), bySplitting(text), text) }
    }

    /// The plain pattern matcher against Swift's Regex, on the schema's pattern and the shapes a
    /// schema may write, for text near and far from matching. A pattern it cannot read is left to Regex.
    func testCodePatternsMatchAsRegexDoes() throws {
        let patterns = ["^[0-9]{5}$", "[0-9]{5}", "^W[0-9]+$", "^[A-Z]{2}-\\d{3,4}$", "^[a-z_]*x?$", "^[^0-9]{1,}$",
                        "^\\d{2,}$", "^ab[0-9a-f]{0,3}$", "^[-a]+$", "^x\\.y$"]
        let texts = ["20194", "2019", "201945", "", " 20194", "20194 ", "2019a", "W1", "W", "W123", "w123", "AB-123", "AB-12345",
                     "AB-1234", "ab", "abf0", "abfff0", "x", "", "_x", "abc", "a1", "00", "0", "x.y", "xay", "--a", "-", "٢٠١٩٤",
                     "20194\n", "2019\u{0301}4", "Phường"]
        for pattern in patterns {
            let plain = try XCTUnwrap(CodePattern(pattern), pattern)
            let regex = try Regex(pattern)
            for text in texts {
                let expected = (try? regex.wholeMatch(in: text)) != nil
                if let answer = plain.wholeMatch(text) { XCTAssertEqual(answer, expected, "\(pattern) on `\(text)`") }
                XCTAssertEqual(CodeMatcher(pattern).matches(text), expected, "\(pattern) on `\(text)` (matcher)")
            }
        }
        for unusual in ["^(a|b)$", "^.{5}$", "^\\w+$", "[0-9]{5}?", "^a{2,1}$", "[z-a]", "^a$b"] {
            XCTAssertNil(CodePattern(unusual), unusual)
        }
        XCTAssertTrue(CodeMatcher("^(20|30)[0-9]{3}$").matches("20194"))
        XCTAssertFalse(CodeMatcher("^(20|30)[0-9]{3}$").matches("40194"))
        XCTAssertFalse(CodeMatcher.isValid("^[0-9]{5$("))
    }

    /// One pass, each placeholder once: the texts read as the replacements did, and a value is
    /// never searched for placeholders itself.
    func testFillingPlaceholders() {
        let template = Localized(vi: "Mua {quantity} máy ({observed} < {required}); {unknown} {quantity}{", en: "Buy {quantity} ({observed} < {required})")
        let filled = template.filling(["quantity": Localized("3"), "observed": Localized(vi: "2 kVA", en: "2 kVA"),
                                       "required": Localized(vi: "{quantity}", en: "5 kVA")])
        XCTAssertEqual(filled.vi, "Mua 3 máy (2 kVA < {quantity}); {unknown} 3{")
        XCTAssertEqual(filled.en, "Buy 3 (2 kVA < 5 kVA)")
        XCTAssertEqual(Localized("{{quantity}}").filling(["quantity": Localized("7")]).vi, "{7}")
    }
}

/// Hidden characters found without looking every character's category up: the same answer.
final class HiddenCharacterShortcutTests: XCTestCase {
    func testRangesAnsweredWithoutTheCategoryAgreeWithIt() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byCategory: Bool
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: byCategory = true
            default: byCategory = false
            }
            XCTAssertEqual(HiddenCharacters.isHidden(scalar), byCategory, "U+\(String(value, radix: 16))")
            let text = "a" + String(Character(scalar)) + "ệ"
            if HiddenCharacters.isVisible(text.utf8) { XCTAssertFalse(byCategory, "U+\(String(value, radix: 16)) taken as visible") }
            XCTAssertEqual(HiddenCharacters.first(in: text)?.position, byCategory ? 2 : nil)
        }
        XCTAssertTrue(HiddenCharacters.isVisible("Phường Hòa Xuân, 0236 3002 803".utf8))
        XCTAssertEqual(HiddenCharacters.escaped("a\u{202E}b"), "a\\u{202E}b")
        XCTAssertEqual(HiddenCharacters.escaped("a\u{AD}b"), "a\\u{AD}b")
    }
}

/// Numbers in composed text are rewritten only where one would change: the same text as the
/// character-by-character rewriting gives, which the test keeps as its reference.
final class NumberRewritingShortcutTests: XCTestCase {
    private func reference(_ text: String, _ language: Language) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWordy(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "_" || s == "-" || ("0"..."9").contains(s) }
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
            out.append(contentsOf: (touches ? token : NumberText.localized(plain: token, language)).unicodeScalars)
            i = j
        }
        return String(out)
    }

    func testRewritingAgreesWithTheReference() {
        let pieces = ["0", "1", "9", "45", "999", "1000", "12345", ".", ".5", "0.9", "7.50", " ", "-", "_", "x", "kVA", "ệ", "⌈", "÷", "=", "TC06", "2025-07-05", ","]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for language in Language.allCases {
                XCTAssertEqual(NumberText.localizingNumbers(in: text, language), reference(text, language), "\(text) in \(language)")
            }
        }
    }
}
