import Foundation
@testable import WardcheckCore
import YAMLTree
import XCTest

/// A city's roster through the compiled cache: what comes back is what the YAML says, an entry is
/// found only for the same bytes under the same criteria, and a damaged or unsaid-for entry is
/// never used.
final class RosterCacheTests: XCTestCase {
    private let text = """
    roster: 1
    province: "Thành phố Thử"
    units:
      - { code: "00002", name: "Phường Hai", type: ward, terrain: coastal, villages: 12 }
      - { code: "00001", name: "Xã Một", type: commune, terrain: mountain }
      - code: "00003"
        name: "Đặc khu Ba"
        villages: 4

    """

    private func temporary(_ name: String) -> String { Repo.temporary(name, test: self) }

    private func entries(_ cache: CompiledCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter { $0.hasPrefix("roster-") }
    }

    /// Everything a roster says about its units, in order.
    private func described(_ roster: Roster?) -> [String] {
        guard let roster else { return ["nil"] }
        var out = ["file \(roster.file)", "province \(roster.province ?? "-")"]
        for unit in roster.units {
            out.append("\(unit.code) \(unit.name) \(unit.mark.line):\(unit.mark.column)")
            for (key, value) in unit.attributes { out.append("  \(key)=\(value)") }
            for fact in unit.facts { out.append("  \(fact.path) \(fact.value) \(fact.start.line):\(fact.start.column)") }
        }
        return out
    }

    func testARosterReadBackFromTheCacheIsTheRosterTheYAMLGives() throws {
        let set = try Repo.loadCriteria()
        let path = try Repo.write(text, name: "roster.yaml", test: self)
        let cache = CompiledCache(folder: temporary("cache"), build: "test-build")
        let (plain, plainSaid) = Roster.load(path: path, schema: set.schema)
        XCTAssertTrue(plainSaid.isEmpty)
        XCTAssertEqual(plain?.units.count, 3)

        let (first, firstSaid) = Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity)
        XCTAssertTrue(firstSaid.isEmpty)
        XCTAssertEqual(entries(cache).count, 1, "read from the YAML once and kept")
        let (second, secondSaid) = Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity)
        XCTAssertTrue(secondSaid.isEmpty)
        XCTAssertEqual(described(first), described(plain))
        XCTAssertEqual(described(second), described(plain))
        // Worked out from the text above: the roster's order kept, look-up by code, facts typed by the schema.
        XCTAssertEqual(second?.codes, ["00002", "00001", "00003"])
        XCTAssertEqual(second?.unit("00001")?.name, "Xã Một")
        XCTAssertNil(second?.unit("00004"))
        XCTAssertEqual(second?.unit("00002")?.facts.map(\.path), ["unit.type", "unit.terrain", "unit.villages"])
        XCTAssertEqual(second?.unit("00002")?.facts.last?.value, .number(12))
        XCTAssertEqual(second?.unit("00003")?.facts.first?.start, Mark(line: 8, column: 15))
        XCTAssertEqual(second?.unit("00003")?.mark, Mark(line: 6, column: 5))
    }

    /// Each unit's roster facts are typed again for every unit judged, most the quick way: what
    /// that gives is what the full reading of the facts schema gives, for the sample city's roster
    /// and for values at the edges (the largest count, enum values quoted). (The units' block
    /// has enums and a count only: any other value, read in full, needs another schema.)
    func testRosterFactsTypedQuicklyAreTypedAsInFull() throws {
        let set = try Repo.loadCriteria()
        let edges = try Repo.write("""
        roster: 1
        units:
          - { code: "00001", name: "Xã Một", type: commune, terrain: mountain, villages: 1000000 }
          - { code: "00002", name: "Phường Hai", type: "ward", terrain: 'coastal', villages: 1 }

        """, name: "roster.yaml", test: self)
        var quick = 0
        for path in [Repo.root.appendingPathComponent("wards/roster.yaml").path, edges] {
            let (loaded, said) = Roster.load(path: path, schema: set.schema)
            XCTAssertTrue(said.isEmpty, "\(said)")
            let roster = try XCTUnwrap(loaded)
            for unit in roster.units {
                for w in unit.written {
                    let full = try XCTUnwrap(unit.columns.fully(w), "\(unit.code) \(w.text)")
                    if let fast = unit.columns.quickly(w) {
                        XCTAssertEqual(fast, full, "\(unit.code) \(w.text)")
                        quick += 1
                    }
                }
            }
        }
        // Each of the sample's 93 units writes its type, terrain and villages, all read quickly.
        XCTAssertGreaterThanOrEqual(quick, 93 * 3)
        let (loaded, _) = Roster.load(path: edges, schema: set.schema)
        XCTAssertEqual(loaded?.unit("00001")?.facts.last?.value, .number(1_000_000))
        XCTAssertEqual(loaded?.unit("00002")?.facts.first?.value, .text("ward"))
    }

    /// The entry is what a later run reads: a roster kept under the file's digest with another name
    /// comes back with that name, and one changed byte of the file is another digest.
    func testTheEntryIsFoundByTheBytesAndTheCriteria() throws {
        let set = try Repo.loadCriteria()
        let path = try Repo.write(text, name: "roster.yaml", test: self)
        let cache = CompiledCache(folder: temporary("cache"), build: "test-build")
        let digest = CriteriaIdentity.digest(of: [("criteria", Array(set.identity.digest.utf8)), ("roster", Array(text.utf8))])
        var planted = try XCTUnwrap(Roster.load(path: path, schema: set.schema).0)
        planted.units[0].name = "Tên trong bộ nhớ đệm"
        cache.keep(.roster, digest: digest, payload: RosterCoding.encode(planted))
        XCTAssertEqual(Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity).0?.units[0].name,
                       "Tên trong bộ nhớ đệm", "the entry of these bytes is read, not the YAML")
        let other = CriteriaIdentity(version: set.identity.version, digest: String(repeating: "0", count: 64))
        XCTAssertEqual(Roster.load(path: path, schema: set.schema, cache: cache, criteria: other).0?.units[0].name,
                       "Phường Hai", "other criteria type the roster anew")
        try text.replacingOccurrences(of: "villages: 12", with: "villages: 13").write(toFile: path, atomically: true, encoding: .utf8)
        let edited = Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity).0
        XCTAssertEqual(edited?.units[0].name, "Phường Hai", "an edited roster is read again")
        XCTAssertEqual(edited?.units[0].facts.last?.value, .number(13))
    }

    func testADamagedEntryIsIgnoredAndABrokenRosterIsNeverKept() throws {
        let set = try Repo.loadCriteria()
        let path = try Repo.write(text, name: "roster.yaml", test: self)
        let cache = CompiledCache(folder: temporary("cache"), build: "test-build")
        let (plain, _) = Roster.load(path: path, schema: set.schema)
        _ = Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity)
        let entry = cache.folder + "/" + (try XCTUnwrap(entries(cache).first))
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        XCTAssertEqual(described(Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity).0), described(plain))
        // A payload that passes the checksum but does not decode: its columns are not the schema's.
        let digest = CriteriaIdentity.digest(of: [("criteria", Array(set.identity.digest.utf8)), ("roster", Array(text.utf8))])
        var w = ByteWriter()
        w.optional(String?.none) { value, w in w.string(value) }
        w.strings(["type", "colour"])
        w.unsigned(0)
        cache.keep(.roster, digest: digest, payload: w.bytes)
        XCTAssertThrowsError(try RosterCoding.decode(w.bytes, file: path, schema: set.schema))
        XCTAssertEqual(described(Roster.load(path: path, schema: set.schema, cache: cache, criteria: set.identity).0), described(plain))

        let broken = try Repo.write("roster: 1\nunits:\n  - { code: \"00001\", name: \"A\", terrain: volcano }\n", name: "roster.yaml", test: self)
        let brokenCache = CompiledCache(folder: temporary("cache"), build: "test-build")
        for _ in 0..<2 {
            let (none, said) = Roster.load(path: broken, schema: set.schema, cache: brokenCache, criteria: set.identity)
            XCTAssertNil(none)
            XCTAssertEqual(said.map(\.code), [.notInEnum], "said on every run")
        }
        XCTAssertEqual(entries(brokenCache), [])
    }
}
