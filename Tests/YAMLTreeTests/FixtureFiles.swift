import Foundation
import XCTest
import YAMLTree

/// The shared facts fixtures in Tests/Fixtures/facts/, found from this file's place in the tree.
enum FixtureFiles {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/facts")

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// A fresh temporary folder for files too large or too odd to commit, removed after the test.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yamltree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// A tree flattened to one line per node ("unit.code = 20194 @3:9-3:16"), so two trees can be
/// compared whole, positions included, and a difference reads as a line.
enum TreeDump {
    static func lines(_ node: YAMLNode?, path: String = "") -> [String] {
        guard let node else { return ["<no tree>"] }
        let span = "@\(node.start)-\(node.end)"
        switch node.kind {
        case .scalar(let text, let style):
            return ["\(path) = \(text.debugDescription) (\(style.rawValue)) \(span)"]
        case .rejected:
            return ["\(path) = <rejected> \(span)"]
        case .sequence(let items):
            return ["\(path) [\(items.count)] \(span)"]
                + items.enumerated().flatMap { lines($1, path: "\(path)[\($0)]") }
        case .mapping(let entries):
            return ["\(path) {\(entries.count)} \(span)"] + entries.flatMap { entry in
                let child = path.isEmpty ? entry.key : path + "." + entry.key
                return ["\(child) key @\(entry.keyStart)-\(entry.keyEnd)"] + lines(entry.value, path: child)
            }
        }
    }
}
