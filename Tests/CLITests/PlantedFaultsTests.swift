import Foundation
import XCTest

/// `make mutate` plants each fault of Tests/Mutations/faults.txt by finding its text in its file.
/// A fault whose text the code has moved away from plants nothing: checked here on every
/// `make test`, so that such a fault is found the day the code changes, not at the next full run.
final class PlantedFaultsTests: XCTestCase {
    func testEveryFaultsTextIsInItsFileExactlyOnce() throws {
        let root = WardcheckProcess.repository
        let text = try String(contentsOf: root.appendingPathComponent("Tests/Mutations/faults.txt"), encoding: .utf8)
        var name = "", file = "", checked = 0
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") { name = String(line.dropFirst(3)) }
            if line.hasPrefix("file: ") { file = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("find: ") else { continue }
            // As mutate.py reads it: everything after "find: ", with \n standing for a line break.
            let find = String(line.dropFirst(6)).replacingOccurrences(of: "\\n", with: "\n")
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let count = source.components(separatedBy: find).count - 1
            XCTAssertEqual(count, 1, "“\(name)”: its text occurs \(count) times in \(file)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 350)
    }
}
