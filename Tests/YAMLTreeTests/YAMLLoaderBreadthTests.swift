import XCTest
@testable import YAMLTree

/// A file may be wide as well as deep: building its tree must stay linear in its size.
final class YAMLLoaderBreadthTests: XCTestCase {
    func testAWideListAndAWideMappingLoadQuickly() {
        let items = 200_000
        let list = "unit: [" + Array(repeating: "1", count: items).joined(separator: ",") + "]\n"
        let keys = (0..<50_000).map { "k\($0): 1" }.joined(separator: "\n") + "\n"
        let started = Date()
        let wideList = YAMLLoader.load(string: list)
        let wideMapping = YAMLLoader.load(string: keys)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(wideList.root?["unit"]?.items?.count, items)
        XCTAssertEqual(wideMapping.root?.entries?.count, 50_000)
        XCTAssertEqual(wideList.problems, [])
        // Quadratic building took minutes here; linear building takes well under a second.
        XCTAssertLessThan(seconds, 10, "building the tree is no longer linear")
    }
}
