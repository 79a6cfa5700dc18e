import Foundation
import XCTest
import YAMLTree

/// The event reader gives libyaml's events with the loader's positions and text.
final class EventReaderTests: XCTestCase {
    private func events(_ text: String) throws -> [YAMLEvent] {
        let reader = try XCTUnwrap(YAMLEventReader(bytes: Array(text.utf8)))
        var read: [YAMLEvent] = []
        while true {
            let event = try reader.next()
            read.append(event)
            if case .streamEnd = event.kind { return read }
        }
    }

    func testEventsAndTheirPlaces() throws {
        // line 1 `a: 1`, line 2 `b: { c: 'x' }`.
        let read = try events("a: 1\nb: { c: 'x' }\n")
        XCTAssertEqual(read.map(\.kind), [
            .streamStart, .documentStart, .mappingStart(flow: false),
            .scalar(.plain, bytes: 1), .scalar(.plain, bytes: 1),
            .scalar(.plain, bytes: 1), .mappingStart(flow: true),
            .scalar(.plain, bytes: 1), .scalar(.singleQuoted, bytes: 1), .mappingEnd,
            .mappingEnd, .documentEnd, .streamEnd,
        ])
        // `1` is column 4 to 5; `{` column 4, `}` ends at column 14; `'x'` columns 9 to 12.
        XCTAssertEqual(read[4].start, Mark(line: 1, column: 4))
        XCTAssertEqual(read[4].end, Mark(line: 1, column: 5))
        XCTAssertEqual(read[6].start, Mark(line: 2, column: 4))
        XCTAssertEqual(read[9].end, Mark(line: 2, column: 14))
        XCTAssertEqual(read[8].start, Mark(line: 2, column: 9))
        XCTAssertEqual(read[8].end, Mark(line: 2, column: 12))
        XCTAssertEqual(read.map(\.text), ["", "", "", "a", "1", "b", "", "c", "x", "", "", "", ""])
        XCTAssertFalse(read.contains(where: \.hasProperties))
    }

    func testTheTextAndPlacesAreTheLoadersForNFDAndVietnamese() throws {
        let text = "tên: \"Ho\u{0300}a Xuân\"\nsố: 1\n"
        let read = try events(text)
        let tree = try XCTUnwrap(YAMLLoader.load(string: text).root?.entries)
        // The value, NFC now, was 11 bytes as written: `Ho` (2), U+0300 (2), `a Xu` (4), `â` (2), `n` (1).
        XCTAssertEqual(read[4].kind, .scalar(.doubleQuoted, bytes: 11))
        XCTAssertEqual(read[4].text, "Hòa Xuân")
        XCTAssertEqual(Array(read[4].text.utf8), Array(tree[0].value.scalar?.utf8 ?? "".utf8))
        XCTAssertEqual(read[4].start, tree[0].value.start)
        XCTAssertEqual(read[4].end, tree[0].value.end)
        XCTAssertEqual(read[5].start, tree[1].keyStart)
        // `số: 1`: the value at column 5, counted in characters.
        XCTAssertEqual(read[6].start, Mark(line: 2, column: 5))
    }

    func testAnchorsAndTagsAreSaid() throws {
        let read = try events("a: &x 1\nb: !t 2\nc: *x\nd: !!map { }\n")
        XCTAssertEqual(read.filter(\.hasProperties).count, 3)
        XCTAssertEqual(read.filter { $0.kind == .alias }.count, 1)
    }

    func testTheEndAndAnErrorRepeat() throws {
        let reader = try XCTUnwrap(YAMLEventReader(bytes: Array("a: 1\n".utf8)))
        var kinds: [YAMLEvent.Kind] = []
        for _ in 0..<10 { kinds.append(try reader.next().kind) }
        XCTAssertEqual(kinds.suffix(4), [.documentEnd, .streamEnd, .streamEnd, .streamEnd])

        // line 2 `b: ]`: libyaml stops at the bracket, column 4.
        let broken = try XCTUnwrap(YAMLEventReader(bytes: Array("a: 1\nb: ]\n".utf8)))
        var marks: [Mark] = []
        for _ in 0..<12 {
            do { _ = try broken.next() } catch { marks.append(error.mark) }
        }
        XCTAssertEqual(marks.first, Mark(line: 2, column: 4))
        XCTAssertGreaterThan(marks.count, 1)
        XCTAssertEqual(Set(marks).count, 1)
    }

    func testAnEmptyInputIsAStreamWithNoDocument() throws {
        XCTAssertEqual(try events("").map(\.kind), [.streamStart, .streamEnd])
    }

    /// A bad byte after every run of ASCII and Vietnamese: its column counted in characters,
    /// wherever it falls among the eight-byte steps of the check.
    func testABadByteIsFoundWhereverItFalls() {
        for before in 0..<20 {
            for letters in 0..<3 {
                // `before` ASCII letters, `letters` times "ờ" (3 bytes each), then 0xFF, then more ASCII.
                let bytes = Array(String(repeating: "a", count: before).utf8) + Array(String(repeating: "ờ", count: letters).utf8)
                    + [0xFF] + Array("bcdefghijklmnop\n".utf8)
                let text = Array("x: 1\n".utf8) + bytes
                let input = YAMLInput(text)
                XCTAssertEqual(input.problem, YAMLProblem(.invalidUTF8, at: Mark(line: 2, column: before + letters + 1)), "\(before) \(letters)")
            }
        }
        XCTAssertNil(YAMLInput(Array("x: \"ờ\"\n".utf8) + Array(repeating: 0x61, count: 37)).problem)
        // A character cut short at the very end.
        XCTAssertEqual(YAMLInput(Array("abcdefgh".utf8) + [0xE1, 0xBB]).problem, YAMLProblem(.invalidUTF8, at: Mark(line: 1, column: 9)))
    }
}
