import Foundation

/// The national roll-up at the country's size: `provinces` generated provinces (their own roster,
/// province name and codes, none shared) totalling `units` units, each audited to JSON as a
/// province office would, then `rollup` of the 34 saved reports and `rollup` of the 34 folders
/// (each audited on the spot), then `prioritize` over all of them as one folder, timed start to
/// exit, medians of `repeats` runs.
struct RollupBench {
    var provinces = 34
    var units = 3321

    struct Figures {
        var provinces: Int
        var units: Int
        /// The 34 `audit --format json` runs, one after another, in all.
        var audits: Double
        var fromReports: Double
        var fromReportsPeakKiB: Int
        var fromFolders: Double
        var fromFoldersPeakKiB: Int
        /// `prioritize` over every unit of every province at once (one folder holding the 34).
        var prioritize: Double
        var prioritizePeakKiB: Int
    }

    /// The budget `prioritize` is given: 20 tỷ đồng, enough to leave units of equal cost at its edge.
    static let budget = "20.000.000.000"

    /// Units of province `p`: the total spread evenly, the first ones taking one more.
    func size(_ p: Int) -> Int { units / provinces + (p < units % provinces ? 1 : 0) }

    func run(_ generator: SyntheticUnits, options: Options) throws -> Figures {
        let root = options.workdir + "/rollup"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var folders: [String] = []
        var reports: [String] = []
        var first = 0
        var audits = 0.0
        for p in 0..<provinces {
            let folder = root + "/province-\(p + 1)"
            try generator.write(count: size(p), to: folder, first: first, province: "Tỉnh Tổng Hợp \(p + 1)")
            first += size(p)
            let report = root + "/province-\(p + 1).json"
            let audit = try ChildRun.run(options.binary, ["audit", folder, "--as-of", "2026-11-15", "--format", "json", "--criteria", options.criteria, "-o", report])
            if audit.status > 2 { throw BenchError("`wardcheck audit \(folder)` ended with status \(audit.status)") }
            audits += audit.seconds
            folders.append(folder)
            reports.append(report)
        }
        func timed(_ inputs: [String], _ report: String) throws -> (Double, Int) {
            var times: [Double] = []
            var peak = 0
            for _ in 0..<options.repeats {
                let run = try ChildRun.run(options.binary, ["rollup"] + inputs + ["--as-of", "2026-11-15", "--format", "json", "--criteria", options.criteria, "-o", report],
                                           stderr: report + ".err")
                guard run.status == 0 else { throw BenchError("`wardcheck rollup` ended with status \(run.status) (see \(report).err)") }
                // The summary's first `valid` is the nation's: a roll-up that lost units is not a measurement.
                guard statedValid(report, atEnd: false) == units else { throw BenchError("`wardcheck rollup` did not count all \(units) units (see \(report))") }
                times.append(run.seconds)
                peak = max(peak, run.peakKiB)
            }
            return (median(times), peak)
        }
        let (fromReports, reportsPeak) = try timed(reports, root + "/national-from-reports.json")
        let (fromFolders, foldersPeak) = try timed(folders, root + "/national-from-folders.json")
        // The whole country as one folder: the province folders' rosters are companions, never facts.
        var prioritizeTimes: [Double] = []
        var prioritizePeak = 0
        let decision = root + "/national-prioritize.json"
        for _ in 0..<options.repeats {
            let run = try ChildRun.run(options.binary, ["prioritize", root, "--budget", Self.budget, "--as-of", "2026-11-15", "--format", "json",
                                                        "--criteria", options.criteria, "-o", decision], stderr: decision + ".err")
            guard run.status == 0 else { throw BenchError("`wardcheck prioritize` ended with status \(run.status) (see \(decision).err)") }
            prioritizeTimes.append(run.seconds)
            prioritizePeak = max(prioritizePeak, run.peakKiB)
        }
        if !options.keep { try? FileManager.default.removeItem(atPath: root) }
        return Figures(provinces: provinces, units: units, audits: audits, fromReports: fromReports, fromReportsPeakKiB: reportsPeak,
                       fromFolders: fromFolders, fromFoldersPeakKiB: foldersPeak,
                       prioritize: median(prioritizeTimes), prioritizePeakKiB: prioritizePeak)
    }
}
