import Foundation
import XCTest

/// Runs python3 from the repository root, for the independent readers the tests use (jsonschema
/// with PyYAML, openpyxl); `make test-deps` installs them. A missing module fails the test and says so.
enum Python {
    static func run(_ arguments: [String], test: XCTestCase) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = WardcheckProcess.repository
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            XCTFail("python3 failed (the test needs jsonschema, PyYAML and openpyxl: make test-deps): " + stderr)
            throw XCTSkip("python3 failed")
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// The cells of every sheet of a workbook, as openpyxl reads them: sheet name → rows of values.
    static func workbook(_ path: String, test: XCTestCase) throws -> [String: [[Any]]] {
        let script = """
        import json, sys, datetime, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        def plain(v):
            return v.isoformat()[:10] if isinstance(v, (datetime.date, datetime.datetime)) else v
        print(json.dumps({s.title: [[plain(v) for v in row] for row in s.iter_rows(values_only=True)] for s in book.worksheets}))
        """
        let json = try run(["-c", script, path], test: test)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[Any]]], json)
    }
}
