import Foundation
@testable import WardcheckCore
import XCTest
@testable import WardcheckReports

/// Reports written piece by piece, the way `audit` and `check` write them for a folder of any
/// size, come out byte for byte as the same report written whole.
final class StreamedReportTests: XCTestCase {
    /// The audit the command streams: each unit's part rendered as it is judged, set aside on
    /// disk, the rows kept without remedies, problems or contact, the parts read back in rank
    /// order with their ranks put in. It must equal the report rendered from full rows.
    func testStreamedAuditEqualsTheWholeReport() throws {
        // The usual batch (the samples' parts wait in memory), and each part written at once, so
        // that every part is read back from its file, most passed first, through the read-ahead.
        for batch in [PartsByPassed.batch, 1] {
            try streamedAuditEqualsTheWholeReport(batch: batch)
        }
    }

    private func streamedAuditEqualsTheWholeReport(batch: Int) throws {
        let (whole, files, evaluator) = AuditFixture.samples
        let (roster, _) = Roster.load(path: AuditFixture.wards.appendingPathComponent("roster.yaml").path, schema: AuditFixture.criteria.schema)
        let accumulator = AuditAccumulator(criteria: AuditFixture.criteria, roster: roster, asOf: evaluator.asOf)
        let stream = AuditJSONStream(files, judge: { UnitReport.check(path: $0, evaluator: evaluator) }, accumulator: accumulator,
                                     criteria: AuditFixture.criteria, language: .vi, besides: nil, batch: batch)
        XCTAssertGreaterThan(Set(stream.audit.rows.map(\.passed)).count, 3, "parts in several files")
        let audit = stream.audit
        XCTAssertTrue(audit.rows.allSatisfy { $0.remedies.isEmpty && $0.contact == nil })
        var output = MemoryOutput()
        let reads = try stream.write(language: .vi, to: &output)
        if batch == 1 {
            // Every part on disk, in a file for its number of criteria passed, in the order of the
            // sample files (named by code, as the report ranks within one number): each file read
            // in as many reads as its bytes need, never one read a part.
            let files = Set(stream.audit.rows.map(\.passed)).count
            XCTAssertLessThanOrEqual(reads, files + output.bytes.count / SpillFile.ReadAhead.span, "\(stream.audit.rows.count) parts")
        }
        let streamed = String(decoding: output.bytes, as: UTF8.self)
        let expected = AuditJSON.render(whole, language: .vi)
        XCTAssertEqual(streamed.count, expected.count)
        XCTAssertTrue(streamed == expected, "the streamed audit differs from the whole one")
        // Ranks are shared by equal scores: a part read back carries the rank of its place.
        let json = try JSONSerialization.jsonObject(with: Data(output.bytes)) as! [String: Any]
        let ranks = (json["units"] as! [[String: Any]]).map { $0["rank"] as! Int }
        XCTAssertEqual(ranks.first, 1)
        XCTAssertEqual(ranks, ranks.sorted())
    }

    /// Every line of the plan and of the actions, and each party's copy of it, lists its units by
    /// code, ascending, with each unit once.
    func testThePlansUnitsAreListedByCode() throws {
        let (whole, _, _) = AuditFixture.samples
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(AuditJSON.render(whole, language: .vi).utf8)) as? [String: Any])
        let plan = try XCTUnwrap(json["plan"] as? [String: Any])
        var lines = (plan["items"] as? [[String: Any]] ?? []) + (json["actions"] as? [[String: Any]] ?? [])
        for party in json["parties"] as? [[String: Any]] ?? [] {
            lines += (party["items"] as? [[String: Any]] ?? []) + (party["actions"] as? [[String: Any]] ?? [])
        }
        var longest = 0
        for line in lines {
            let codes = (line["by_unit"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            XCTAssertEqual(codes, Array(Set(codes)).sorted(), "\(line["item"] ?? line["key"] ?? "?")")
            longest = max(longest, codes.count)
        }
        XCTAssertGreaterThan(longest, 5, "the samples give lines of many units")
    }

    /// The remedy object the audit writes straight to bytes equals the `JSON` value the scorecard,
    /// SARIF and the server build, for every remedy of the sample wards (purchases priced and
    /// not, actions, reports of missing facts) and for one with hostile text and no check.
    func testRemedyWrittenStraightEqualsTheBuiltValue() {
        let evaluator = AuditFixture.evaluator()
        var remedies = AuditFixture.samples.files.compactMap { UnitReport.check(path: $0, evaluator: evaluator).scorecard }.flatMap(\.remedies)
        XCTAssertTrue(remedies.contains { $0.quantity == nil } && remedies.contains { $0.quantity != nil } && remedies.contains { $0.kind == .report })
        remedies.append(Remedy(criterion: "TC\"<x>", check: nil, kind: .action("a\nb"), name: Localized(vi: "Tên \u{202E}", en: "Name"),
                               text: Localized("\"quoted\" \\ </script>"), who: Localized("UBND"), role: "office", quantity: nil,
                               unitCost: nil, facts: ["x.y", "\t"]))
        for language in Language.allCases {
            var straight = JSONStream(depth: 2)
            var built = JSONStream(depth: 2)
            straight.beginArray()
            built.beginArray()
            for remedy in remedies {
                ScorecardJSON.remedy(remedy, language, into: &straight)
                built.value(ScorecardJSON.remedy(remedy, language))
            }
            straight.end()
            built.end()
            XCTAssertEqual(String(decoding: straight.bytes, as: UTF8.self), String(decoding: built.bytes, as: UTF8.self), "\(language)")
        }
    }

    /// `check --format json` written unit by unit equals the report as one JSON value serialised.
    func testStreamedCheckEqualsTheWholeDocument() throws {
        let evaluator = AuditFixture.evaluator()
        let reports = AuditFixture.samples.files.prefix(12).map { UnitReport.check(path: $0, evaluator: evaluator) }
        let cards = reports.compactMap(\.scorecard)
        let whole = JSON.object([
            ("schema", .string("wardcheck.check/1")),
            ("language", .string("en")),
            ("units", .array(reports.map { ScorecardJSON.unit($0, .en) })),
            ("summary", .object([
                ("files", .int(reports.count)),
                ("valid", .int(cards.count)),
                ("invalid", .int(reports.count - cards.count)),
                ("ready", .int(cards.filter(\.ready).count)),
                ("total_cost", .int(Money.sum(cards.map(\.totalCost)))),
            ])),
        ]).serialised()
        XCTAssertEqual(ScorecardJSON.render(Array(reports), language: .en), whole)
        XCTAssertEqual(ScorecardJSON.render([], language: .en), JSON.object([
            ("schema", .string("wardcheck.check/1")), ("language", .string("en")), ("units", .array([])),
            ("summary", .object([("files", .int(0)), ("valid", .int(0)), ("invalid", .int(0)), ("ready", .int(0)), ("total_cost", .int(0))])),
        ]).serialised(), "no unit: an empty list, written `[]`")
    }

    /// Containers opened and closed, members and items appended, fragments serialised at their
    /// depth: the same bytes as `serialised()`, empty containers and escapes included.
    func testJSONStreamWritesWhatSerialisedWrites() {
        let inner = JSON.object([("a", .int(1)), ("empty", .array([])), ("none", .object([])), ("text", .string("Phường \"<x>\"\n\u{202E}"))])
        let value = JSON.object([
            ("list", .array([inner, .null, .bool(true), .array([.number("1.50"), .string("")])])),
            ("empty", .array([])),
            ("nested", .object([("deeper", .array([inner]))])),
        ])
        var stream = JSONStream()
        stream.beginObject()
        stream.key("list")
        stream.beginArray()
        stream.appendFragment(JSONStream.fragment(inner, level: 2))
        stream.value(.null)
        stream.value(.bool(true))
        stream.beginArray()
        stream.value(.number("1.50"))
        stream.value(.string(""))
        stream.end()
        stream.end()
        stream.key("empty")
        stream.beginArray()
        stream.end()
        stream.key("nested")
        stream.beginObject()
        stream.member("deeper", .array([inner]))
        stream.end()
        stream.end()
        XCTAssertEqual(String(decoding: stream.bytes, as: UTF8.self), value.serialised())

        // Typed members written without a JSON value first, in a fragment two containers deep.
        var fragment = JSONStream(depth: 2)
        fragment.beginObject()
        fragment.member("s", string: "x\ty")
        fragment.member("o", string: nil)
        fragment.member("i", int: -3)
        fragment.member("zero", int: 0)
        fragment.member("min", int: Int.min)
        fragment.member("max", int: Int.max)
        fragment.member(.init("dynamic"), int: 1_234_567_890)
        fragment.member("b", bool: false)
        fragment.member("l", strings: ["a", "ệ"])
        fragment.member("e", strings: [])
        fragment.end()
        let same = JSON.object([("s", .string("x\ty")), ("o", .null), ("i", .int(-3)), ("zero", .int(0)), ("min", .int(Int.min)),
                                ("max", .int(Int.max)), ("dynamic", .int(1_234_567_890)), ("b", .bool(false)),
                                ("l", .array([.string("a"), .string("ệ")])), ("e", .array([]))])
        XCTAssertEqual(fragment.bytes, JSONStream.fragment(same, level: 2))

        // Keys a file or a catalogue could bring: each escaped as `JSON` escapes it.
        let keys = ["plain_key", "TC01", "a\"b", "back\\slash", "<script>", "tab\there", "Phường", "\u{202E}rtl", "", "a'&>b"]
        var keyed = JSONStream()
        keyed.beginObject()
        for (i, key) in keys.enumerated() { keyed.member(.init(key), int: i) }
        // Names written in the program, as most are: the same escapes.
        keyed.member("lit\"eral", int: 10)
        keyed.member("<b>", int: 11)
        keyed.member("Tên", int: 12)
        keyed.end()
        let all = keys + ["lit\"eral", "<b>", "Tên"]
        XCTAssertEqual(String(decoding: keyed.bytes, as: UTF8.self),
                       JSON.object(all.enumerated().map { ($1, .int($0)) }).serialised())

        // The same keys escaped once (`Key.prepared`), with each kind of value, and text values
        // plain and hostile: the same bytes as `JSON` writes.
        let values = ["passed", "Phường Hòa Cường", "a\"b", "line\nbreak", "<b>", "", "\u{200B}x"]
        var prepared = JSONStream(depth: 1)
        prepared.beginObject()
        var expected: [(String, JSON)] = []
        for (i, key) in keys.enumerated() {
            prepared.member(.prepared(key), string: values[i % values.count])
            expected.append((key, .string(values[i % values.count])))
        }
        for (i, key) in keys.enumerated() {
            prepared.member(.prepared(key), int: -i)
            prepared.member(.prepared(key), serialised: Array("42".utf8))
            prepared.key(.prepared(key))
            prepared.value(.bool(true))
            expected += [(key, .int(-i)), (key, .number("42")), (key, .bool(true))]
        }
        for (i, value) in values.enumerated() {
            prepared.member("literal", string: value)
            prepared.member(.init("dynamic\(i)"), string: value)
            expected += [("literal", .string(value)), ("dynamic\(i)", .string(value))]
        }
        prepared.end()
        XCTAssertEqual(String(decoding: prepared.bytes, as: UTF8.self), String(decoding: JSONStream.fragment(.object(expected), level: 1), as: UTF8.self))
    }

    /// A stream's bytes grow as far as it writes, and a copy of a stream writes its own bytes.
    func testAStreamGrowsAndACopyWritesItsOwnBytes() {
        var long = JSONStream(depth: 2)
        long.beginArray()
        for i in 0..<3_000 { long.value(.string("mục \(i)")) }
        long.end()
        XCTAssertGreaterThan(long.count, 4096 * 8, "well past the room a unit's part starts with")
        XCTAssertEqual(long.bytes, JSONStream.fragment(.array((0..<3_000).map { .string("mục \($0)") }), level: 2))

        var first = JSONStream()
        first.beginObject()
        first.member("a", int: 1)
        var second = first
        second.member("b", int: 2)
        first.member("c", int: 3)
        first.end()
        second.end()
        XCTAssertEqual(String(decoding: first.bytes, as: UTF8.self), JSON.object([("a", .int(1)), ("c", .int(3))]).serialised())
        XCTAssertEqual(String(decoding: second.bytes, as: UTF8.self), JSON.object([("a", .int(1)), ("b", .int(2))]).serialised())
        // Taken, the bytes leave the stream empty.
        let taken = first.take()
        XCTAssertEqual(String(decoding: taken, as: UTF8.self), JSON.object([("a", .int(1)), ("c", .int(3))]).serialised())
        XCTAssertEqual(first.count, 0)
        XCTAssertEqual(second.count, JSON.object([("a", .int(1)), ("b", .int(2))]).serialised().utf8.count)
    }
}
