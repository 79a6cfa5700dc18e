import Foundation
import WardcheckCore
import XCTest

/// The compiled criteria cache: a set read back from it is the set compiled from YAML (every unit
/// judged alike: CachedCriteriaReportTests), and an entry that is stale, damaged or another build's is never used.
final class CriteriaCacheTests: XCTestCase {
    private func temporary(_ name: String) -> String { Repo.temporary(name, test: self) }

    private func entries(_ cache: CompiledCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter { $0.hasSuffix(".bin") }
    }

    func testCompiledOnceThenReadBackWithTheSameRulesAndFiles() throws {
        let cache = CompiledCache(folder: temporary("cache"), build: "test-build")
        let (first, firstDiagnostics) = CriteriaSet.load(folder: Repo.criteria, cache: cache)
        XCTAssertEqual(firstDiagnostics.count, 0)
        XCTAssertEqual(entries(cache).count, 1, "compiled once and kept")
        XCTAssertEqual(first?.criteria.first?.examples.isEmpty, false, "the first run read the YAML, examples and all")

        let fromYAML = try Repo.loadCriteria()
        guard let cached = cache.read(digest: fromYAML.identity.digest, criteriaFolder: Repo.criteria) else {
            return XCTFail("the entry just written is not read back")
        }
        XCTAssertEqual(cached.identity, fromYAML.identity)
        XCTAssertEqual(cached.criteria.map(\.id), fromYAML.criteria.map(\.id))
        XCTAssertEqual(cached.criteria.map(\.file), fromYAML.criteria.map(\.file), "files named in the folder read from")
        XCTAssertEqual(cached.schema.file, fromYAML.schema.file)
        XCTAssertTrue(cached.criteria.allSatisfy(\.examples.isEmpty), "examples stay in the YAML, for verify")
        XCTAssertEqual(cached.catalogue.itemOrder, fromYAML.catalogue.itemOrder)
        XCTAssertEqual(cached.catalogue.items["fibre_upgrade"]?.unitCost, fromYAML.catalogue.items["fibre_upgrade"]?.unitCost)
        XCTAssertEqual(cached.schema.allPaths, fromYAML.schema.allPaths)
        XCTAssertEqual(cached.schema.datePaths, fromYAML.schema.datePaths)

        // The second load is the cached one, and writing it again gives the same bytes.
        let path = cache.folder + "/" + entries(cache)[0]
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let (second, _) = CriteriaSet.load(folder: Repo.criteria, cache: cache)
        XCTAssertEqual(second?.criteria.first?.examples.isEmpty, true, "read from the cache, not the YAML")
        cache.write(cached)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "one set, one entry, byte for byte")
    }

    func testAnEditedThresholdIsANewDigestNeverTheOldEntry() throws {
        let folder = temporary("criteria")
        try FileManager.default.copyItem(atPath: Repo.criteria, toPath: folder)
        let cache = CompiledCache(folder: temporary("cache"), build: "test-build")
        let before = CriteriaSet.load(folder: folder, cache: cache).0
        XCTAssertEqual(entries(cache).count, 1)
        // A ward needs 100 Mbps; the city raises it to 120.
        let tc01 = folder + "/TC01.yaml"
        let text = try String(contentsOfFile: tc01, encoding: .utf8)
        XCTAssertTrue(text.contains("cases: { ward: 100 }"))
        try text.replacingOccurrences(of: "cases: { ward: 100 }", with: "cases: { ward: 120 }").write(toFile: tc01, atomically: true, encoding: .utf8)
        let (after, _) = CriteriaSet.load(folder: folder, cache: cache)
        XCTAssertNotEqual(after?.identity.digest, before?.identity.digest)
        XCTAssertEqual(after?.criteria.first?.examples.isEmpty, false, "compiled from the edited YAML, not read from the old entry")
        XCTAssertEqual(entries(cache).count, 2)

        // A ward at 110 Mbps: met under the old rule, not under the new, through the cache too.
        let facts = Repo.readyWard.replacingOccurrences(of: "download_mbps: 300", with: "download_mbps: 110")
        XCTAssertTrue(facts.contains("download_mbps: 110"), "the fixture's speed line")
        let path = try Repo.write(facts, test: self)
        let cachedAfter = try XCTUnwrap(CriteriaSet.load(folder: folder, cache: cache).0)
        XCTAssertTrue(cachedAfter.criteria[0].examples.isEmpty, "now from the cache")
        let outcome = { (set: CriteriaSet) in
            UnitReport.check(path: path, evaluator: Evaluator(criteria: set, waivers: .none)).scorecard?.results.first { $0.id == "TC01" }?.outcome
        }
        XCTAssertEqual(outcome(try XCTUnwrap(before)), .passed)
        XCTAssertEqual(outcome(cachedAfter), .failed)
    }

    func testDamagedTruncatedOrAnotherBuildsEntryIsIgnored() throws {
        let cache = CompiledCache(folder: temporary("cache"), build: "test-build")
        let set = try XCTUnwrap(CriteriaSet.load(folder: Repo.criteria, cache: cache).0)
        let digest = set.identity.digest
        let path = cache.folder + "/" + entries(cache)[0]
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNotNil(cache.read(digest: digest, criteriaFolder: Repo.criteria))
        let another = CompiledCache(folder: cache.folder, build: "another-build")
        XCTAssertNil(another.read(digest: digest, criteriaFolder: Repo.criteria),
                     "another build's program never reads this one's entry")
        XCTAssertNotEqual(another.path(digest: digest), path, "each build keeps an entry of its own")
        // Even put where the other build looks, the entry names the build that wrote it.
        try good.write(to: URL(fileURLWithPath: another.path(digest: digest)))
        XCTAssertNil(another.read(digest: digest, criteriaFolder: Repo.criteria), "an entry written by another build is refused")
        try FileManager.default.removeItem(atPath: another.path(digest: digest))

        var flipped = [UInt8](good)
        flipped[flipped.count / 2] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(cache.read(digest: digest, criteriaFolder: Repo.criteria), "one bit changed: the checksum refuses it")
        try good.prefix(good.count - 100).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(cache.read(digest: digest, criteriaFolder: Repo.criteria), "truncated")
        try Data().write(to: URL(fileURLWithPath: path))
        XCTAssertNil(cache.read(digest: digest, criteriaFolder: Repo.criteria), "empty")
        // The load goes on from the YAML and puts a good entry back.
        let (reloaded, diagnostics) = CriteriaSet.load(folder: Repo.criteria, cache: cache)
        XCTAssertEqual(diagnostics.count, 0)
        XCTAssertEqual(reloaded?.identity, set.identity)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), good)
    }

    func testACacheThatCannotBeWrittenCostsOnlyTheSpeed() throws {
        // A file where the cache folder should be: nothing can be written under it.
        let blocked = temporary("blocked")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocked))
        let cache = CompiledCache(folder: blocked + "/wardcheck", build: "test-build")
        let (set, diagnostics) = CriteriaSet.load(folder: Repo.criteria, cache: cache)
        XCTAssertEqual(diagnostics.count, 0)
        XCTAssertEqual(set?.criteria.count, 16)
    }
}
