/// Peak memory of every report format at each size, and what one more unit adds: the bar is
/// that no format of `audit` or of `check` over a folder holds a country's units in memory
/// (at most 1 KiB more peak memory per added unit). One run per format and size: peak memory
/// varies far less between runs than time does.
struct FormatMemory {
    static let audit = ["json", "html", "xlsx", "csv", "markdown", "text", "docx"]
    static let check = ["json", "text", "junit", "sarif", "github", "gitlab"]

    struct Figure {
        var command: String
        var format: String
        /// Peak KiB at each size measured, in the order of the sizes.
        var peakKiB: [Int]
        var seconds: [Double]
    }

    /// Measures every format on the folder of each size (`folders[i]` holds `sizes[i]` units).
    static func run(sizes: [Int], folders: [String], options: Options) throws -> [Figure] {
        var figures: [Figure] = []
        let runs = audit.map { ("audit", $0) } + check.map { ("check", $0) }
        for (command, format) in runs {
            var figure = Figure(command: command, format: format, peakKiB: [], seconds: [])
            for folder in folders {
                let report = options.workdir + "/out/\(command).\(format)"
                var arguments = [command, folder, "--format", format, "--criteria", options.criteria, "-o", report]
                if command == "audit" { arguments += ["--as-of", "2026-11-15"] }
                let run = try ChildRun.run(options.binary, arguments)
                if run.status > 2 { throw BenchError("`wardcheck \(arguments.joined(separator: " "))` ended with status \(run.status)") }
                figure.peakKiB.append(run.peakKiB)
                figure.seconds.append(run.seconds)
            }
            figures.append(figure)
        }
        return figures
    }

    static func print(_ figures: [Figure], sizes: [Int]) {
        let headers = ["report"] + sizes.map { "\($0) units MiB" } + sizes.map { "\($0) s" }
            + zip(sizes, sizes.dropFirst()).map { "KiB/unit \($0)→\($1)" }
        let rows = figures.map { f -> [String] in
            let mib = f.peakKiB.map { String(format: "%.1f", Double($0) / 1024) }
            let secs = f.seconds.map { String(format: "%.2f", $0) }
            let perUnit = zip(zip(sizes, sizes.dropFirst()), zip(f.peakKiB, f.peakKiB.dropFirst())).map { s, k in
                String(format: "%.2f", Double(k.1 - k.0) / Double(s.1 - s.0))
            }
            return ["\(f.command) \(f.format)"] + mib + secs + perUnit
        }
        table(headers, rows)
    }
}
