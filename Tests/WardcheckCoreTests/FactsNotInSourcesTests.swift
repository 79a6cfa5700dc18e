import Foundation
import XCTest
import WardcheckCore

/// "Nothing in code may know any particular fact": the facts format lives in criteria/facts.yaml,
/// so no fact key or path may be written in Sources/. A name the code depends on is written as a
/// string ("staffing.trained") or, for snake_case keys, as a mirroring identifier (`fuel_hours`);
/// both are searched. Comments are not — they may illustrate with a real field — and neither are
/// plain Swift words such as a `unit.name` property chain, which name no fact.
final class FactsNotInSourcesTests: XCTestCase {
    /// Fact keys without an underscore that are still unmistakably facts, not ordinary words.
    /// Left out on purpose: words any program uses (code, name, type, format, unit, present,
    /// working, network, power, security, systems, contact, phone, endpoint, internet, mobile,
    /// connected, personal, organisation), `generator` (HTML's `<meta name="generator">`; the
    /// paths `power.generator…` are still searched), and `terrain`, which `wardcheck init
    /// --terrain` names as a documented option and resolves through the schema.
    static let distinctiveWords: Set<String> = [
        "fibre", "wifi", "lan", "ups", "computers", "printers", "scanners", "desks",
        "officials", "trained", "villages", "firewall", "staffing", "equipment",
    ]

    func testNoFactKeyOrPathIsWrittenInSources() throws {
        let schema = try FactsFixtures.schema()
        let keys = Set(schema.fields.map(\.key))
        let snakeKeys = keys.filter { $0.contains("_") }
        let inStrings = snakeKeys.union(Self.distinctiveWords).union(schema.allPaths.filter { $0.contains(".") })
        XCTAssertTrue(Self.distinctiveWords.isSubset(of: keys), "a hand-picked word is no longer a fact key: \(Self.distinctiveWords.subtracting(keys))")
        XCTAssertTrue(inStrings.contains("power.generator.capacity_kva") && snakeKeys.contains("it_officer"), "schema not read as expected")

        let files = try Self.swiftFiles(under: FactsFixtures.repository.appendingPathComponent("Sources"))
        XCTAssertFalse(files.isEmpty)
        var found: [String] = []
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            let parts = SwiftSource.parts(source)
            let original = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let relative = file.path.replacingOccurrences(of: FactsFixtures.repository.path + "/", with: "")
            for (where_, text, names) in [("string", parts.strings, inStrings), ("identifier", parts.code, snakeKeys)] {
                let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                for (index, line) in lines.enumerated() {
                    for name in names.sorted() where Self.mentions(line, name) {
                        let quoted = index < original.count ? original[index].trimmingCharacters(in: .whitespaces) : ""
                        found.append("\(relative):\(index + 1): \(where_) `\(name)`: \(quoted)")
                    }
                }
            }
        }
        XCTAssertEqual(found, [], "fact names written in Swift:\n" + found.joined(separator: "\n"))
    }

    func testTheSearchFindsANameWhereverCodeCouldUseIt() {
        // The checker itself must be able to fail.
        XCTAssertTrue(Self.mentions(#"let x = facts["staffing.trained"]"#, "staffing.trained"))
        XCTAssertTrue(Self.mentions(#"hint: "e.g. `{ fact: power.ups.present }`""#, "power.ups.present"))
        XCTAssertTrue(Self.mentions("case fuel_hours", "fuel_hours"))
        XCTAssertFalse(Self.mentions("let upstream = groups", "ups"), "inside a longer word")
        XCTAssertFalse(Self.mentions("self.network.mobile.x", "network.mobile"), "the tail of a longer chain")

        let plain = SwiftSource.parts("let a = 1 // trained\n/* officials\n */ let b = \"// not a comment\"")
        XCTAssertTrue(plain.code.contains("let a = 1") && plain.code.contains("let b ="))
        XCTAssertFalse(plain.code.contains("trained") || plain.code.contains("officials") || plain.code.contains("not a comment"))
        XCTAssertTrue(plain.strings.contains("// not a comment"))
        XCTAssertFalse(plain.strings.contains("trained") || plain.strings.contains("officials"))
        XCTAssertEqual(plain.code.filter { $0 == "\n" }.count, 2, "line breaks in comments are kept")

        let interpolated = SwiftSource.parts(#"let s = "a \(f(unit.name, "x // y")) b" // z"#)
        XCTAssertTrue(interpolated.code.contains("unit.name"))
        XCTAssertFalse(interpolated.strings.contains("unit.name"))
        XCTAssertTrue(interpolated.strings.contains("x // y") && interpolated.strings.contains(" b"))
        XCTAssertFalse(interpolated.code.contains("z") || interpolated.strings.contains("z"))

        let multiline = SwiftSource.parts("let m = \"\"\"\n  // kept\n  \"\"\" // gone")
        XCTAssertTrue(multiline.strings.contains("// kept"))
        XCTAssertFalse(multiline.code.contains("gone") || multiline.strings.contains("gone"))

        let raw = SwiftSource.parts(##"let r = #"a "// b \(c)"# // d"##)
        XCTAssertTrue(raw.strings.contains(#"a "// b \(c)"#), "no interpolation without the #")
        XCTAssertFalse(raw.code.contains("d") || raw.strings.contains("// d"))
    }

    /// `name` as a whole word: not inside a longer identifier, and a path not as the tail of a
    /// longer dotted chain.
    static func mentions(_ line: Substring, _ name: String) -> Bool {
        mentions(String(line), name)
    }

    static func mentions(_ line: String, _ name: String) -> Bool {
        var searchStart = line.startIndex
        while let range = line.range(of: name, range: searchStart..<line.endIndex) {
            let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
            let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
            let isWordCharacter = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWordCharacter(before), before != ".", !isWordCharacter(after) { return true }
            searchStart = line.index(after: range.lowerBound)
        }
        return false
    }

    static func swiftFiles(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }
}

/// Splits Swift source into its code and the text of its string literals, dropping comments.
/// Both keep every line break of the file, so a line number in either is the file's line number.
/// Handles nested interpolations, multi-line strings and raw strings.
enum SwiftSource {
    struct Parts {
        var code = ""
        var strings = ""
    }

    private enum Mode {
        case code(parens: Int)  // parens: "(" still open inside an interpolation
        case string(hashes: Int, multiline: Bool)
    }

    static func parts(_ source: String) -> Parts {
        let chars = Array(source)
        var parts = Parts()
        var stack: [Mode] = [.code(parens: 0)]
        var i = 0
        func at(_ k: Int) -> Character? { k < chars.count ? chars[k] : nil }
        func text(_ k: Int, _ length: Int) -> String { String(chars[k..<min(chars.count, k + length)]) }
        func hashes(from k: Int) -> Int { var n = 0; while at(k + n) == "#" { n += 1 }; return n }
        func emit(_ c: Character, string: Bool) {
            if c.isNewline {
                parts.code.append(c)
                parts.strings.append(c)
            } else {
                parts.code.append(string ? " " : c)
                parts.strings.append(string ? c : " ")
            }
        }
        func emit(_ s: String, string: Bool) { for c in s { emit(c, string: string) } }
        func dropComment(through end: Int) {
            while i < min(end, chars.count) {
                if chars[i].isNewline { emit(chars[i], string: false) }
                i += 1
            }
        }

        while i < chars.count {
            let c = chars[i]
            switch stack[stack.count - 1] {
            case .code(let parens):
                if c == "/", at(i + 1) == "/" {
                    var end = i
                    while end < chars.count, !chars[end].isNewline { end += 1 }
                    dropComment(through: end)
                    continue
                }
                if c == "/", at(i + 1) == "*" {
                    var end = i
                    var depth = 0
                    repeat {
                        if chars[end] == "/", at(end + 1) == "*" { depth += 1; end += 2 }
                        else if chars[end] == "*", at(end + 1) == "/" { depth -= 1; end += 2 }
                        else { end += 1 }
                    } while depth > 0 && end < chars.count
                    dropComment(through: end)
                    continue
                }
                let n = hashes(from: i)
                if at(i + n) == "\"" {
                    let multiline = at(i + n + 1) == "\"" && at(i + n + 2) == "\""
                    let opener = n + (multiline ? 3 : 1)
                    emit(text(i, opener), string: false)
                    i += opener
                    stack.append(.string(hashes: n, multiline: multiline))
                    continue
                }
                if stack.count > 1 {
                    if c == "(" { stack[stack.count - 1] = .code(parens: parens + 1) }
                    if c == ")" {
                        if parens == 0 {
                            stack.removeLast()
                        } else {
                            stack[stack.count - 1] = .code(parens: parens - 1)
                        }
                    }
                }
                emit(c, string: false)
                i += 1
            case .string(let n, let multiline):
                let escape = "\\" + String(repeating: "#", count: n)
                if text(i, escape.count) == escape {
                    if at(i + escape.count) == "(" {
                        emit(escape + "(", string: false)
                        i += escape.count + 1
                        stack.append(.code(parens: 0))
                    } else {
                        emit(text(i, escape.count + 1), string: true)
                        i += escape.count + 1
                    }
                    continue
                }
                let closer = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: n)
                if text(i, closer.count) == closer {
                    emit(closer, string: false)
                    i += closer.count
                    stack.removeLast()
                    continue
                }
                emit(c, string: true)
                i += 1
            }
        }
        return parts
    }
}
