// wardcheck-bench: how long wardcheck takes, and how much memory it needs, against the least any
// libyaml-based tool must spend on the same files. For each size it writes N synthetic units
// (distinct five-digit codes, a matching roster), measures libyaml alone parsing them on every
// core (the floor), `audit --format json`, `check --format json` over the folder and `check` of
// one file, and prints one table. With --reference it also checks that the build measured prints
// the same figures as a reference build, byte for byte.
//
//   wardcheck-bench [--sizes 93,3321,100000] [--binary PATH] [--reference PATH] [--repeat N] ...

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WardcheckCore

struct Options {
    var sizes = [93, 3321, 100_000]
    var binary = ".build/release/wardcheck"
    var reference: String?
    var templates = "wards/submissions"
    var criteria = "criteria"
    var workdir = ".build-bench"
    var repeats = 3
    var singleRuns = 21
    var compareOnly = false
    var keep = false
    /// The roll-up: provinces and the units they total; 0 provinces skips it.
    var rollup = RollupBench()
    var rollupOnly = false
    /// Peak memory of every format of `audit` and `check` at each size.
    var formats = false
    /// The Python peer to time against (`Tests/Bench/peer.py`); nil skips it.
    var peer: String? = "Tests/Bench/peer.py"
    /// Internal: the child that measures the floor on one folder.
    var parseFloor: String?

    static let usage = """
    usage: wardcheck-bench [--sizes N,N,…] [--binary PATH] [--reference PATH] [--repeat N] [--templates DIR]
                           [--criteria DIR] [--workdir DIR] [--compare-only] [--keep]
      --sizes N,N,…     synthetic unit counts to measure (default 93,3321,100000; each at most 100000)
      --binary PATH     the wardcheck to measure (default .build/release/wardcheck)
      --reference PATH  another wardcheck build (e.g. main's): check that both print the same figures
                        for the sample wards and a synthetic set, byte for byte; exit 1 if not
      --repeat N        runs per measurement, the median is shown (default 3); `check` of one file runs 21 times
      --templates DIR   valid facts files to copy round-robin (default wards/submissions)
      --criteria DIR    criteria folder (default criteria)
      --workdir DIR     where the synthetic units and reports go (default .build-bench, kept out of git)
      --compare-only    with --reference: only compare, measure nothing
      --keep            keep the generated units instead of deleting them
      --provinces N     the roll-up: N generated provinces (default 34; 0 skips it) ...
      --rollup-units N  ... totalling N units (default 3321, the country)
      --rollup-only     measure only the roll-up
      --peer PATH       the Python peer to time the audit against (default Tests/Bench/peer.py; `none` skips it;
                        skipped when python3 has no PyYAML C loader)
      --formats         instead of the timings: peak memory of every format of audit and check at each
                        size, and the memory one more unit adds (e.g. --sizes 3321,33210 --formats)
    """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let v = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(Options.usage)") }
            return v
        }
        func number(_ flag: String, _ text: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(text), range.contains(n) else { throw BenchError("\(flag): `\(text)` is not a number from \(range.lowerBound) to \(range.upperBound)") }
            return n
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--sizes":
                sizes = try value(flag).split(separator: ",").map { try number(flag, String($0), 1...SyntheticUnits.largest) }
                guard !sizes.isEmpty else { throw BenchError("--sizes: name at least one size") }
            case "--units": sizes = [try number(flag, try value(flag), 1...SyntheticUnits.largest)]
            case "--binary": binary = try value(flag)
            case "--reference": reference = try value(flag)
            case "--repeat": repeats = try number(flag, try value(flag), 1...99)
            case "--templates": templates = try value(flag)
            case "--criteria": criteria = try value(flag)
            case "--workdir": workdir = try value(flag)
            case "--compare-only": compareOnly = true
            case "--keep": keep = true
            case "--peer": let p = try value(flag); peer = p == "none" ? nil : p
            case "--provinces": rollup.provinces = try number(flag, try value(flag), 0...1000)
            case "--rollup-units": rollup.units = try number(flag, try value(flag), 1...SyntheticUnits.largest)
            case "--rollup-only": rollupOnly = true
            case "--formats": formats = true
            case "--parse-floor": parseFloor = try value(flag)
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

/// The facts files of a generated folder, as wardcheck would read them (the roster is not one).
func unitFiles(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasSuffix(".yaml") && $0 != "roster.yaml" }.sorted().map { folder + "/" + $0 }
}

func machine() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var model = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
       let colon = line.firstIndex(of: ":") {
        model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let memory = Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30)
    return "\(cores) cores (nproc), \(model), " + String(format: "%.0f GiB RAM", memory)
}

func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

func table(_ headers: [String], _ rows: [[String]]) {
    let widths = headers.indices.map { i in max(headers[i].count, rows.map { $0[i].count }.max() ?? 0) }
    print(headers.indices.map { pad(headers[$0], widths[$0], right: $0 > 0) }.joined(separator: "  "))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { print(row.indices.map { pad(row[$0], widths[$0], right: $0 > 0) }.joined(separator: "  ")) }
}

/// The child that measures the floor: parses every unit of one folder, prints seconds and counts.
func parseFloorChild(_ folder: String) throws {
    let files = try unitFiles(folder)
    let run = ParseFloor.run(files: files, threads: ProcessInfo.processInfo.activeProcessorCount)
    print("\(run.seconds) \(run.files) \(run.bytes) \(run.events) \(run.failures) \(run.cpuSeconds)")
}

struct SizeFigures {
    var units: Int
    var bytes: Int
    var floor: Double
    var floorCPU: Double
    var floorPeakKiB: Int
    var audit: Double
    var auditCPU: Double
    var auditPeakKiB: Int
    var check: Double
    var checkPeakKiB: Int
    /// The Python peer's audit of the same folder, start to exit; nil when it was not run.
    var peer: Double?
}

/// The `"valid": N` a report's summary states, read from the part of the file that holds it:
/// a run that judged fewer units than it was given is not a measurement.
func statedValid(_ path: String, atEnd: Bool) -> Int? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let size = (try? handle.seekToEnd()) ?? 0
    try? handle.seek(toOffset: atEnd ? (size > 8192 ? size - 8192 : 0) : 0)
    guard let data = try? handle.read(upToCount: 8192) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    guard let range = text.range(of: "\"valid\": ") else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
}

func measure(size: Int, folder: String, options: Options) throws -> SizeFigures {
    let self_ = CriteriaLocation.runningExecutable
    let out = options.workdir + "/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

    var floorTimes: [Double] = []
    var floorCPUs: [Double] = []
    var floorPeak = 0
    var bytes = 0
    for _ in 0..<options.repeats {
        let printed = out + "/floor.txt"
        let run = try ChildRun.run(self_, ["--parse-floor", folder], stdout: printed, stderr: out + "/floor.err")
        let fields = try String(contentsOfFile: printed, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        guard run.status == 0, fields.count == 6, let s = Double(fields[0]), Int(fields[1]) == size, fields[4] == "0", let cpu = Double(fields[5]) else {
            throw BenchError("the floor run failed on \(folder): status \(run.status), printed `\(fields.joined(separator: " "))`")
        }
        floorTimes.append(s)
        floorCPUs.append(cpu)
        floorPeak = max(floorPeak, run.peakKiB)
        bytes = Int(fields[2]) ?? 0
    }

    func timed(_ arguments: [String], report: String, summaryAtEnd: Bool) throws -> (Double, Double, Int) {
        var times: [Double] = []
        var cpus: [Double] = []
        var peak = 0
        for _ in 0..<options.repeats {
            let run = try ChildRun.run(options.binary, arguments + ["--criteria", options.criteria, "-o", report])
            // 0, 1 and 2 are verdicts; anything else (a crash, a usage error) means the figure is not a run.
            if run.status > 2 { throw BenchError("`wardcheck \(arguments.joined(separator: " "))` ended with status \(run.status)") }
            guard statedValid(report, atEnd: summaryAtEnd) == size else {
                throw BenchError("`wardcheck \(arguments.joined(separator: " "))` did not judge all \(size) units (see \(report))")
            }
            times.append(run.seconds)
            cpus.append(run.cpuSeconds)
            peak = max(peak, run.peakKiB)
        }
        return (median(times), median(cpus), peak)
    }
    // Reports go to regular files. Never `-o /dev/null`: the report is written atomically (a
    // temporary file beside the target, then a rename), which as root would replace /dev/null.
    let (audit, auditCPU, auditPeak) = try timed(["audit", folder, "--as-of", "2026-11-15", "--format", "json"], report: out + "/audit.json", summaryAtEnd: false)
    let (check, _, checkPeak) = try timed(["check", folder, "--format", "json"], report: out + "/check.json", summaryAtEnd: true)
    var peer: Double?
    if let script = options.peer, size <= PythonPeer.largest, FileManager.default.fileExists(atPath: script), let python = PythonPeer.python {
        peer = try PythonPeer.time(python, script: script, folder: folder, size: size, repeats: options.repeats, out: out)
    }
    return SizeFigures(units: size, bytes: bytes, floor: median(floorTimes), floorCPU: median(floorCPUs), floorPeakKiB: floorPeak,
                       audit: audit, auditCPU: auditCPU, auditPeakKiB: auditPeak, check: check, checkPeakKiB: checkPeak, peer: peer)
}

/// `check` of one file, start to exit: what a ward office waits for, typed as a ward office types
/// it (`wardcheck check FILE`, the criteria found by the tool: here through $WARDCHECK_CRITERIA).
/// Each run is followed by the same check with an option (`--criteria`), which goes through the
/// argument parser: the two lines' medians, taken turn about on the same machine.
func singleCheck(file: String, options: Options) throws -> SingleCheck {
    var times: [Double] = []
    var parsedTimes: [Double] = []
    var peak = 0
    for _ in 0..<options.singleRuns {
        let run = try ChildRun.run(options.binary, ["check", file], adding: ["WARDCHECK_CRITERIA": options.criteria])
        let parsed = try ChildRun.run(options.binary, ["check", file, "--criteria", options.criteria])
        for (line, status) in [("check \(file)", run.status), ("check \(file) --criteria \(options.criteria)", parsed.status)] where status > 2 {
            throw BenchError("`wardcheck \(line)` ended with status \(status)")
        }
        times.append(run.seconds)
        parsedTimes.append(parsed.seconds)
        peak = max(peak, run.peakKiB)
    }
    return SingleCheck(median: median(times), low: times.min() ?? 0, high: times.max() ?? 0, peakKiB: peak,
                       withOption: median(parsedTimes))
}

struct SingleCheck {
    var median, low, high: Double
    var peakKiB: Int
    /// The median of the same check with an option on the line (the argument parser's work added).
    var withOption: Double
}

func compareFigures(_ options: Options, reference: String, synthetic: String?) throws -> Bool {
    let same = SameFigures(reference: reference, measured: options.binary, scratch: options.workdir + "/compare")
    var differences: [SameFigures.Difference] = []
    let criteria = ["--criteria", options.criteria]
    differences += try same.compare("audit of the sample wards, JSON", ["audit", "wards", "--as-of", "2026-11-15", "--format", "json"] + criteria, report: true)
    differences += try same.compare("audit of the sample wards, text", ["audit", "wards", "--as-of", "2026-11-15"] + criteria, report: false)
    differences += try same.compare("check of the sample wards, JSON", ["check", "wards/submissions", "--format", "json"] + criteria, report: true)
    differences += try same.compare("check of the sample wards, text", ["check", "wards/submissions"] + criteria, report: false)
    // Every other format, on the sample wards: a faster writer must not change a byte of any of them.
    for format in FormatMemory.audit where format != "json" {
        differences += try same.compare("audit of the sample wards, \(format)",
                                        ["audit", "wards", "--as-of", "2026-11-15", "--format", format] + criteria, report: true)
    }
    for format in FormatMemory.check where format != "json" && format != "text" {
        differences += try same.compare("check of the sample wards, \(format)", ["check", "wards/submissions", "--format", format] + criteria, report: true)
    }
    if let synthetic {
        differences += try same.compare("audit of \(synthetic), JSON", ["audit", synthetic, "--as-of", "2026-11-15", "--format", "json"] + criteria, report: true)
        differences += try same.compare("check of \(synthetic), JSON", ["check", synthetic, "--format", "json"] + criteria, report: true)
        differences += try same.compare("audit of \(synthetic), HTML", ["audit", synthetic, "--as-of", "2026-11-15", "--format", "html"] + criteria, report: true)
        differences += try same.compare("check of \(synthetic), SARIF", ["check", synthetic, "--format", "sarif"] + criteria, report: true)
    }
    for d in differences { print("  \(d)") }
    return differences.isEmpty
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if let folder = options.parseFloor { return try parseFloorChild(folder) }
    guard FileManager.default.isExecutableFile(atPath: options.binary) else {
        throw BenchError("no wardcheck at \(options.binary); build it first (swift build -c release) or name it with --binary")
    }
    let (loaded, diagnostics) = CriteriaSet.load(folder: options.criteria)
    guard let set = loaded else {
        throw BenchError("cannot load the criteria in \(options.criteria): " + diagnostics.map { "\($0.file):\($0.start) \($0.message.en)" }.joined(separator: "; "))
    }
    let generator = try SyntheticUnits(folder: options.templates, criteria: set)
    try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
    print("machine: \(machine()); load average at start \(loadAverage())")
    print("binary:  \(options.binary)")

    var identical = true
    if let reference = options.reference {
        let size = options.sizes.contains(3321) ? 3321 : options.sizes[0]
        let folder = options.workdir + "/units-\(size)"
        try generator.write(count: size, to: folder)
        identical = try compareFigures(options, reference: reference, synthetic: folder)
        if !options.keep, !options.compareOnly { try? FileManager.default.removeItem(atPath: folder) }
    }
    if options.compareOnly {
        if !identical { exit(1) }
        return
    }

    if options.rollup.provinces > 0, options.rollup.units < options.rollup.provinces {
        throw BenchError("--rollup-units: at least one unit per province")
    }
    if options.formats {
        var folders: [String] = []
        for size in options.sizes {
            let folder = options.workdir + "/units-\(size)"
            try generator.write(count: size, to: folder)
            folders.append(folder)
        }
        try FileManager.default.createDirectory(atPath: options.workdir + "/out", withIntermediateDirectories: true)
        let figures = try FormatMemory.run(sizes: options.sizes, folders: folders, options: options)
        print("")
        FormatMemory.print(figures, sizes: options.sizes)
        print("peak memory of one run of each format (start to exit); load average at end \(loadAverage())")
        if !options.keep { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }
        return
    }
    var figures: [SizeFigures] = []
    var single: SingleCheck?
    let clock = ContinuousClock()
    for size in options.rollupOnly ? [] : options.sizes {
        let folder = options.workdir + "/units-\(size)"
        let generating = clock.now
        try generator.write(count: size, to: folder)
        print("generated \(size) units and their roster from \(generator.templates.count) templates in "
              + String(format: "%.1f s", elapsedSeconds(clock.now - generating)))
        if single == nil, let first = try unitFiles(folder).first { single = try singleCheck(file: first, options: options) }
        figures.append(try measure(size: size, folder: folder, options: options))
        if !options.keep { try? FileManager.default.removeItem(atPath: folder) }
    }

    let ms = { (s: Double) in String(format: s < 1 ? "%.1f" : "%.0f", s * 1000) }
    let mib = { (k: Int) in String(format: "%.1f", Double(k) / 1024) }
    if options.rollup.provinces > 0 {
        let r = try options.rollup.run(generator, options: options)
        print("")
        print("roll-up of \(r.provinces) generated provinces totalling \(r.units) units (median of \(options.repeats) runs, start to exit):")
        print("  rollup of the \(r.provinces) saved audit reports: \(ms(r.fromReports)) ms, peak \(mib(r.fromReportsPeakKiB)) MiB")
        print("  rollup of the \(r.provinces) folders, audited on the spot: \(ms(r.fromFolders)) ms, peak \(mib(r.fromFoldersPeakKiB)) MiB")
        print("  prioritize all \(r.units) units, budget \(RollupBench.budget) ₫: \(ms(r.prioritize)) ms, peak \(mib(r.prioritizePeakKiB)) MiB")
        print("  (the \(r.provinces) audits to JSON, one after another: \(ms(r.audits)) ms in all)")
    }
    if options.rollupOnly { return }
    print("")
    table(["units", "MB", "floor ms", "audit json ms", "× floor", "CPU × floor", "peer ms", "peer ÷ audit", "check json ms", "floor MiB", "audit MiB", "check MiB"],
          figures.map { f in
              [String(f.units), String(format: "%.1f", Double(f.bytes) / 1e6), ms(f.floor), ms(f.audit), String(format: "%.1f", f.audit / f.floor),
               String(format: "%.1f", f.auditCPU / max(f.floorCPU, 1e-6)), f.peer.map(ms) ?? "–", f.peer.map { String(format: "%.1f", $0 / f.audit) } ?? "–",
               ms(f.check), mib(f.floorPeakKiB), mib(f.auditPeakKiB), mib(f.checkPeakKiB)]
          })
    for (a, b) in zip(figures, figures.dropFirst()) {
        let added = Double(b.units - a.units)
        print(String(format: "memory per added unit, %d → %d units: audit %.2f KiB, check %.2f KiB",
                     a.units, b.units, Double(b.auditPeakKiB - a.auditPeakKiB) / added, Double(b.checkPeakKiB - a.checkPeakKiB) / added))
    }
    if let single {
        print(String(format: "check of one file, start to exit: median %.1f ms (%.1f–%.1f ms over %d runs), peak %@ MiB; "
                     + "with an option (through the argument parser): median %.1f ms",
                     single.median * 1000, single.low * 1000, single.high * 1000, options.singleRuns, mib(single.peakKiB),
                     single.withOption * 1000))
    }
    print("medians of \(options.repeats) runs; floor = libyaml's event parser alone on \(ProcessInfo.processInfo.activeProcessorCount) threads, in process; "
          + "wardcheck times are start to exit; CPU × floor = user+system CPU of the audit over the floor's; "
          + (figures.contains { $0.peer != nil } ? "peer = Tests/Bench/peer.py (PyYAML's C loader, the criteria by hand, one process), start to exit. "
                                                 : "the Python peer was not run (--peer none, or python3 without PyYAML's C loader). ")
          + "Load average at end \(loadAverage())")
    if !identical {
        print("the figures differ from the reference build (see above)")
        exit(1)
    }
}

do {
    try run()
} catch {
    _ = Descriptor.writeAll(2, Array("wardcheck-bench: \(error)\n".utf8))
    exit(2)
}
