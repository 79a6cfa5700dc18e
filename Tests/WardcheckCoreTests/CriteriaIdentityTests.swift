import Foundation
import WardcheckCore
import XCTest

/// The criteria set's identity: the version its catalogue gives and a digest of its files that
/// depends on every byte and on nothing else (not the order a folder lists its files in).
final class CriteriaIdentityTests: XCTestCase {
    func testDigestOfNamesAndBytes() {
        // sha256("a.yaml\0" "2\0" "x\n"), worked out with Python's hashlib.
        XCTAssertEqual(CriteriaIdentity.digest(of: [("a.yaml", Array("x\n".utf8))]),
                       "5e742d5ce3279b9e6d67cd630f2ca3a450b5975a09789d2667009c876fc70950")
        // sha256("a.yaml\0" "2\0" "x\n" "b.yaml\0" "0\0"), whichever order the files come in.
        let expected = "d49c3b2e83c4f716e053c30703cf2894b613dde50bfbd7b15f38a4a91766c157"
        XCTAssertEqual(CriteriaIdentity.digest(of: [("b.yaml", []), ("a.yaml", Array("x\n".utf8))]), expected)
        XCTAssertEqual(CriteriaIdentity.digest(of: [("a.yaml", Array("x\n".utf8)), ("b.yaml", [])]), expected)
    }

    func testWordsSayWhatTheCodeIs() {
        let identity = CriteriaIdentity(version: "2025.1", digest: "5e742d5ce3279b9e6d67cd630f2ca3a450b5975a09789d2667009c876fc70950")
        XCTAssertEqual(identity.words.vi, "phiên bản 2025.1 (mã 5e742d5c…0950)")
        XCTAssertEqual(identity.words.en, "version 2025.1 (digest 5e742d5c…0950)")
        XCTAssertEqual(CriteriaIdentity(version: nil, digest: identity.digest).words.vi, "không ghi phiên bản (mã 5e742d5c…0950)")
    }

    /// A copy of the shipped folder, with `edit` made to one file.
    private func copy(edit: ((URL) throws -> Void)? = nil) throws -> CriteriaSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-identity-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Repo.criteria, toPath: folder.path)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try edit?(folder)
        return try Repo.loadCriteria(folder.path)
    }

    func testSameFolderSameDigestOneByteChangedAnother() throws {
        let shipped = try Repo.loadCriteria()
        XCTAssertEqual(shipped.identity.version, "2025.1", "catalogue.yaml's version")
        XCTAssertEqual(shipped.identity.digest.count, 64)
        XCTAssertEqual(try copy().identity, shipped.identity, "the same files elsewhere: the same identity")
        // One byte of TC01: the first "100" (in its rationale's "100 Mbps") becomes "101"; the set still loads.
        let edited = try copy { folder in
            let file = folder.appendingPathComponent("TC01.yaml")
            var bytes = [UInt8](try Data(contentsOf: file))
            let at = try XCTUnwrap(bytes.indices.first { bytes[$0] == UInt8(ascii: "1") && bytes[$0 + 1] == UInt8(ascii: "0") && bytes[$0 + 2] == UInt8(ascii: "0") })
            bytes[at + 2] = UInt8(ascii: "1")
            try Data(bytes).write(to: file)
        }
        XCTAssertNotEqual(edited.identity.digest, shipped.identity.digest)
        XCTAssertEqual(edited.identity.version, "2025.1", "the version alone would not have told them apart")
        // The editors' JSON Schema is not read by the engine, so it is not part of the set.
        let schema = try copy { folder in
            try Data("{}".utf8).write(to: folder.appendingPathComponent("facts.schema.json"))
        }
        XCTAssertEqual(schema.identity, shipped.identity)
    }

    func testEveryAuditRecordsItsSet() throws {
        let set = try Repo.loadCriteria()
        let audit = try SmallCity(criteria: set, roster: nil, test: self).audit([("1.yaml", try Ward.ready("10001", "Phường An"))])
        XCTAssertEqual(audit.criteriaSet, set.identity)
    }
}
