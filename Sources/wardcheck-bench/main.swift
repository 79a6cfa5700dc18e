// wardcheck-bench: how long `validate`, `check` and `audit` take on a country-sized set of units,
// and how much memory each needs. It writes N synthetic ward files built from the valid sample
// files, runs the built binary on them, and prints one row per command.
//
//   wardcheck-bench [--units N] [--binary PATH] [--templates DIR] [--criteria DIR] [--keep]

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WardcheckCore
import YAMLTree

struct Options {
    var units = 3321
    var binary = ".build/release/wardcheck"
    var templates = "wards/submissions"
    var criteria = "criteria"
    var keep = false

    static let usage = """
    usage: wardcheck-bench [--units N] [--binary PATH] [--templates DIR] [--criteria DIR] [--keep]
      --units N        synthetic units to generate (default 3321, the whole country; at most 100000)
      --binary PATH    the wardcheck to measure (default .build/release/wardcheck)
      --templates DIR  valid facts files to copy round-robin (default wards/submissions)
      --criteria DIR   criteria folder whose facts schema names the unit-code field (default criteria)
      --keep           keep the generated folder instead of deleting it
    """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let v = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(Options.usage)") }
            return v
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--units":
                let text = try value(flag)
                guard let n = Int(text), n > 0, n <= 100_000 else { throw BenchError("--units: `\(text)` is not a number from 1 to 100000") }
                units = n
            case "--binary": binary = try value(flag)
            case "--templates": templates = try value(flag)
            case "--criteria": criteria = try value(flag)
            case "--keep": keep = true
            case "-h", "--help":
                print(Options.usage)
                exit(0)
            default: throw BenchError("unknown argument `\(flag)`\n\(Options.usage)")
            }
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A valid facts file split into lines, with the place of its unit code.
struct Template {
    var path: String
    var lines: [String]
    var line: Int
    /// Zero-based Unicode-scalar offsets of the code scalar, quotes included, on `line`.
    var start: Int
    var end: Int

    /// The file with its unit code replaced. Marks count columns in Unicode scalars, so the line is cut by scalars too.
    func with(code: String) -> String {
        var copy = lines
        let scalars = Array(copy[line].unicodeScalars)
        var edited = String.UnicodeScalarView()
        edited.append(contentsOf: scalars[..<start])
        edited.append(contentsOf: "\"\(code)\"".unicodeScalars)
        edited.append(contentsOf: scalars[end...])
        copy[line] = String(edited)
        return copy.joined(separator: "\n")
    }
}

/// Loads the valid templates and finds each one's unit code through the schema's `identity.code`
/// path, so the bench knows no fact by name.
func loadTemplates(folder: String, criteria set: CriteriaSet) throws -> [Template] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    let codePath = set.schema.codeField.split(separator: ".").map(String.init)
    var templates: [Template] = []
    for name in names {
        let path = folder + "/" + name
        guard FactsFile.load(path: path, validator: set.validator).isValid else { continue }
        let loaded = YAMLLoader.load(path: path)
        var node = loaded.root
        for key in codePath { node = node?[key] }
        guard let node, node.scalar != nil, node.start.line == node.end.line else { continue }
        templates.append(Template(path: path, lines: loaded.source.components(separatedBy: "\n"),
                                  line: node.start.line - 1, start: node.start.column - 1, end: node.end.column - 1))
    }
    return templates
}

struct Measurement {
    var command: String
    var files: Int
    var seconds: Double
    var peakKiB: Int
    var status: Int32
}

/// Runs one command in a fresh child and measures that child alone.
///
/// Peak memory comes from `wait4`, which returns the rusage of exactly the child it reaps. That is
/// what `getrusage(RUSAGE_CHILDREN)` cannot give: its `ru_maxrss` is the maximum over every child
/// reaped so far, so a small run measured after a big one would report the big one's peak.
/// wardcheck starts no processes of its own, so the child's figure is the whole run's.
func measure(_ label: String, files: Int, _ arguments: [String], binary: String) throws -> Measurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Reports go to files; whatever reaches standard output or error is not part of the measurement.
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in envp { free(p) } }

    var pid = pid_t()
    let clock = ContinuousClock()
    let started = clock.now
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
    guard spawned == 0 else { throw BenchError("cannot run \(binary): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 {
        guard errno == EINTR else { throw BenchError("wait4: \(String(cString: strerror(errno)))") }
    }
    let elapsed = seconds(clock.now - started)
    // Linux reports ru_maxrss in KiB (macOS in bytes).
    #if os(macOS)
    let peak = Int(usage.ru_maxrss) / 1024
    #else
    let peak = Int(usage.ru_maxrss)
    #endif
    // A shell-style status: the exit code, or 128 + the signal that ended it.
    let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Measurement(command: label, files: files, seconds: elapsed, peakKiB: peak, status: code)
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func machine() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var model = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
       let colon = line.firstIndex(of: ":") {
        model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let memory = ProcessInfo.processInfo.physicalMemory / (1024 * 1024 * 1024)
    return "\(cores) cores (nproc), \(model), \(memory) GiB RAM"
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    guard FileManager.default.isExecutableFile(atPath: options.binary) else {
        throw BenchError("no wardcheck at \(options.binary); build it first (swift build -c release) or name it with --binary")
    }
    let (loaded, diagnostics) = CriteriaSet.load(folder: options.criteria)
    guard let set = loaded else {
        throw BenchError("cannot load the criteria in \(options.criteria): " + diagnostics.map { "\($0.file):\($0.start) \($0.message.en)" }.joined(separator: "; "))
    }
    let templates = try loadTemplates(folder: options.templates, criteria: set)
    guard !templates.isEmpty else { throw BenchError("no valid template in \(options.templates)") }

    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-bench-\(UUID().uuidString)")
    let units = root.appendingPathComponent("units")
    try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
    defer {
        if options.keep { print("kept \(root.path)") } else { try? FileManager.default.removeItem(at: root) }
    }

    let clock = ContinuousClock()
    let generating = clock.now
    for i in 0..<options.units {
        let code = String(format: "%05d", i)
        let template = templates[i % templates.count]
        try Data(template.with(code: code).utf8).write(to: units.appendingPathComponent("\(code).yaml"))
    }
    print("generated \(options.units) units from \(templates.count) templates in " + String(format: "%.2f s", seconds(clock.now - generating)))

    // Reports go to regular files in the bench folder. Never `-o /dev/null`: the report is written
    // atomically (a temporary file beside the target, then a rename), which as root would replace /dev/null.
    let runs: [(String, [String])] = [
        ("validate", ["validate", units.path]),
        ("check --format json", ["check", units.path, "--format", "json", "-o", root.appendingPathComponent("check.json").path]),
        ("audit --format json", ["audit", units.path, "--format", "json", "-o", root.appendingPathComponent("audit.json").path]),
    ]
    var results: [Measurement] = []
    for (label, arguments) in runs {
        let args = arguments + ["--criteria", options.criteria]
        let m = try measure(label, files: options.units, args, binary: options.binary)
        // 0, 1 and 2 are verdicts; anything else (a crash, a usage error) means the figure is not a run.
        if m.status > 2 { throw BenchError("`wardcheck \(args.joined(separator: " "))` ended with status \(m.status)") }
        results.append(m)
    }

    print("machine: \(machine())")
    print("binary:  \(options.binary)")
    let headers = ["command", "files", "seconds", "files/s", "peak MiB", "exit"]
    let rows = results.map { m in
        [m.command, String(m.files), String(format: "%.2f", m.seconds), String(format: "%.0f", Double(m.files) / max(m.seconds, 1e-9)),
         String(format: "%.1f", Double(m.peakKiB) / 1024), String(m.status)]
    }
    let widths = headers.indices.map { i in max(headers[i].count, rows.map { $0[i].count }.max() ?? 0) }
    print(headers.indices.map { pad(headers[$0], widths[$0], right: $0 > 0) }.joined(separator: "  "))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { print(row.indices.map { pad(row[$0], widths[$0], right: $0 > 0) }.joined(separator: "  ")) }
}

do {
    try run()
} catch {
    _ = Descriptor.writeAll(2, Array("wardcheck-bench: \(error)\n".utf8))
    exit(2)
}
