import Foundation

/// Making wardcheck faster must not change a figure: the same inputs through a reference build
/// (`--reference`, e.g. a build of main) and the build measured give the same report, the same
/// standard output and error, and the same exit status, byte for byte.
struct SameFigures {
    let reference: String
    let measured: String
    let scratch: String

    struct Difference: CustomStringConvertible {
        var command: String
        var what: String
        var detail: String
        var description: String { "\(command): \(what) differs\(detail.isEmpty ? "" : " — " + detail)" }
    }

    /// Runs `arguments` through both builds; the report goes to `-o FILE` when `report` is set.
    func compare(_ label: String, _ arguments: [String], report: Bool) throws -> [Difference] {
        var outputs: [[Data]] = []
        var statuses: [Int32] = []
        for (side, binary) in [("reference", reference), ("measured", measured)] {
            let folder = scratch + "/" + side
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let file = folder + "/report"
            try? FileManager.default.removeItem(atPath: file)
            let run = try ChildRun.run(binary, arguments + (report ? ["-o", file] : []),
                                       stdout: folder + "/stdout", stderr: folder + "/stderr")
            statuses.append(run.status)
            outputs.append(try ["report", "stdout", "stderr"].map { name in
                name == "report" && !report ? Data() : try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            })
        }
        var differences: [Difference] = []
        let command = "wardcheck " + arguments.joined(separator: " ")
        if statuses[0] != statuses[1] {
            differences.append(Difference(command: command, what: "exit status", detail: "\(statuses[0]) vs \(statuses[1])"))
        }
        for (i, name) in ["report", "standard output", "standard error"].enumerated() where outputs[0][i] != outputs[1][i] {
            differences.append(Difference(command: command, what: name, detail: Self.firstDifference(outputs[0][i], outputs[1][i])))
        }
        print("same figures: \(label): \(differences.isEmpty ? "identical" : "DIFFERENT") (\(outputs[1][0].count + outputs[1][1].count) bytes)")
        return differences
    }

    /// The first line where two outputs part, to start looking.
    static func firstDifference(_ a: Data, _ b: Data) -> String {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? String(left[i]) : "(end)"
            let r = i < right.count ? String(right[i]) : "(end)"
            if l != r { return "line \(i + 1): `\(l.prefix(160))` vs `\(r.prefix(160))`" }
        }
        return "sizes \(a.count) vs \(b.count)"
    }
}
