import XCTest
@testable import WardcheckCore

/// The flat key table a facts file's keys are matched in: by length, first eight bytes, then the rest.
final class KeyIndexTests: XCTestCase {
    // Fields: 0 `power` (top), 1 `backup_power_hours` (top), 2 `backup_power_kva` (top),
    // 3 `power` inside 0, 4 `abcdefgh` (top), 5 `abcdefgi` inside 0, 6 `` (empty, inside 3).
    let index = KeyIndex(keys: ["power", "backup_power_hours", "backup_power_kva", "power", "abcdefgh", "abcdefgi", ""],
                         parents: [-1, -1, -1, 0, -1, 0, 3])

    func find(_ key: String, _ block: Int) -> Int? {
        Array(key.utf8).withUnsafeBufferPointer { index.field($0, in: block) }
    }

    func testFindsEachKeyInItsOwnBlockOnly() {
        XCTAssertEqual(find("power", -1), 0)
        XCTAssertEqual(find("power", 0), 3)
        XCTAssertEqual(find("abcdefgh", -1), 4)
        XCTAssertEqual(find("abcdefgi", 0), 5)
        XCTAssertNil(find("abcdefgi", -1), "a key of another block")
        XCTAssertNil(find("abcdefgh", 0))
        XCTAssertEqual(find("", 3), 6)
        XCTAssertNil(find("", -1))
    }

    func testLongKeysDifferingAfterTheEighthByte() {
        // Both begin `backup_p`: only the bytes after the first eight tell them apart.
        XCTAssertEqual(find("backup_power_hours", -1), 1)
        XCTAssertEqual(find("backup_power_kva", -1), 2)
        XCTAssertNil(find("backup_power_hourz", -1))
        XCTAssertNil(find("backup_power_kvb", -1))
        XCTAssertNil(find("backup_power_kv", -1), "a prefix is not the key")
        XCTAssertNil(find("backup_power_kvaa", -1))
    }

    func testShortKeysNeedEveryByte() {
        XCTAssertNil(find("powe", -1))
        XCTAssertNil(find("powerr", -1))
        XCTAssertNil(find("pOwer", -1))
        // Zero padding is not a key's byte: "power\0" is six bytes, not `power`.
        XCTAssertNil(find("power\u{0}", -1))
    }

    func testBlocksOutsideTheTable() {
        XCTAssertNil(find("power", 1), "a field with no block below it")
        XCTAssertNil(find("power", 7))
        XCTAssertNil(find("power", -2))
    }
}
