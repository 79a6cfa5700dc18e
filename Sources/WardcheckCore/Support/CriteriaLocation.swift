import Foundation

/// Finds the criteria folder: `--criteria`, else `$WARDCHECK_CRITERIA`, else `./criteria`, else the
/// copy `make install` puts at `<prefix>/share/wardcheck/criteria` beside `<prefix>/bin/wardcheck`.
public enum CriteriaLocation {
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               executable: String = runningExecutable) -> String? {
        if let flag { return flag }
        if let env = environment["WARDCHECK_CRITERIA"], !env.isEmpty { return env }
        let fm = FileManager.default
        if fm.fileExists(atPath: "criteria/facts.yaml") { return "criteria" }
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        let installed = binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/wardcheck/criteria").path
        if fm.fileExists(atPath: installed + "/facts.yaml") { return installed }
        return nil
    }

    /// The binary's real path: argv[0] is only `wardcheck` when it was found through PATH.
    public static var runningExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    }
}
