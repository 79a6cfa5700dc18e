import Foundation
import XCTest
import YAMLTree

/// One open() and a read loop per input, never past the limit, whatever the path turns out to be.
final class InputFileTests: XCTestCase {
    func testTheLimitIsExactForARegularFile() throws {
        let folder = try FixtureFiles.temporaryFolder(self)
        let path = folder.appendingPathComponent("ten.yaml").path
        try Data(repeating: 0x61, count: 10).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(InputFile.read(path, limit: 10), .success([UInt8](repeating: 0x61, count: 10)))
        XCTAssertEqual(InputFile.read(path, limit: 9), .failure(.tooLarge(bytes: 10, limit: 9)), "refused by the size the descriptor reports")
    }

    func testAnEndlessDeviceStopsOneByteAfterTheLimit() {
        XCTAssertEqual(InputFile.read("/dev/zero", limit: 10), .failure(.tooLarge(bytes: nil, limit: 10)))
        XCTAssertEqual(InputFile.read("/dev/null", limit: 10), .success([]))
    }

    func testMissingFoldersAndUnreadableAreTold() throws {
        let folder = try FixtureFiles.temporaryFolder(self)
        XCTAssertEqual(InputFile.read(folder.appendingPathComponent("none.yaml").path, limit: 10), .failure(.missing))
        XCTAssertEqual(InputFile.read(folder.path, limit: 10), .failure(.folder))
        let loop = folder.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.yaml")
        XCTAssertEqual(InputFile.read(loop, limit: 10), .failure(.unreadable(reason: String(cString: strerror(ELOOP)))))
    }

    func testTheLoaderReportsWhatTheReadFound() throws {
        let problems = YAMLLoader.load(path: "/dev/zero").problems
        XCTAssertEqual(problems, [YAMLProblem(.fileTooLarge(bytes: nil, limit: 1 << 20), at: .start)])
    }
}
