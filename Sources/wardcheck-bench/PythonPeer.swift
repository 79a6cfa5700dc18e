import Foundation

/// The Python peer the performance issue measures wardcheck against: `Tests/Bench/peer.py`,
/// PyYAML's C loader and the 16 criteria written by hand, in one process. It is timed as
/// wardcheck is, start to exit in a fresh child (the interpreter's start included, as
/// wardcheck's own is), on the same folder, judged on the same day.
enum PythonPeer {
    /// The largest folder the peer is timed on: the country's 3,321 units, the bar. At
    /// 100,000 units one run of it takes most of a minute and says nothing new.
    static let largest = 3321

    static let python: String? = interpreter()

    /// `python3` on the PATH when it has PyYAML's C loader; nil otherwise (the peer is skipped, and the table says so).
    static func interpreter() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate),
                  let run = try? ChildRun.run(candidate, ["-c", "import yaml; yaml.CSafeLoader"]), run.status == 0 else { continue }
            return candidate
        }
        return nil
    }

    /// The median wall time of the peer over `folder`; it must have read all `size` units.
    static func time(_ python: String, script: String, folder: String, size: Int, repeats: Int, out: String) throws -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            let run = try ChildRun.run(python, [script, folder, "--as-of", "2026-11-15"], stdout: out + "/peer.json", stderr: out + "/peer.err")
            let said = (try? String(contentsOfFile: out + "/peer.err", encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").last.map(String.init) ?? ""
            // "peer: N units in M ms": a run that read fewer units than it was given is not a measurement.
            guard run.status == 0, last.hasPrefix("peer: \(size) units") else {
                throw BenchError("the Python peer failed on \(folder): status \(run.status), said `\(last)` (see \(out)/peer.err)")
            }
            times.append(run.seconds)
        }
        return median(times)
    }
}
