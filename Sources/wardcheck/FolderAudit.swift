import Foundation
import WardcheckCore
import WardcheckReports

/// An audit of one wards folder exactly as `audit` runs it (same files, roster and waivers
/// defaults, every unit judged on one day, stale facts flagged), for the commands that audit more
/// than one folder: `diff` and `history`.
/// A roster or waivers file that does not load is a `Failure` carrying its diagnostics, so
/// `history` can note it against one revision and go on.
struct FolderAudit {
    struct Failure: Error {
        var message: Localized
        var diagnostics: [Diagnostic]
    }

    let criteria: CriteriaSet
    /// `--roster` / `--waivers`: used for every folder; nil: each folder's own roster.yaml / waivers.yaml.
    let roster: String?
    let waivers: String?
    /// `--stale-after`: facts older than this many days before the judging day are stale.
    let staleAfter: Int

    /// Audits a folder as `audit` does (`CityRun`), every unit judged on `day`.
    func run(folder: String, on day: Day) -> Result<Audit, Failure> {
        let city = CityRun(criteria: criteria, folder: folder, roster: roster, waivers: waivers, cache: CriteriaPrefetch.cache)
        let companions = city.companions()
        if let failure = companions.failure {
            return .failure(Failure(message: failure, diagnostics: companions.diagnostics))
        }
        return .success(city.audit(companions: companions, on: day, staleAfterDays: staleAfter))
    }
}

/// A wards folder at a git revision, written out to a temporary folder for the length of one audit.
struct CheckedOutWards {
    let repository: WardsRepository

    /// Exports the folder's tree, runs `body` on the temporary copy, and removes it whatever happens.
    /// `body` receives the copy's path; file names under it are relabelled by the caller.
    func withTree<T>(_ tree: String, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-rev-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        defer { Self.remove(written, under: folder) }
        written = try repository.export(tree: tree, to: folder)
        return try body(folder)
    }

    /// Removes what the export wrote, deepest first; FileManager's recursive removal took longer
    /// than the audit of the copy. Anything else found there falls back to it.
    private static func remove(_ files: [String], under folder: String) {
        for file in files { unlink(folder + "/" + file) }
        var folders = Set(files.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        for path in Array(folders) {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty { folders.insert(parent); parent = (parent as NSString).deletingLastPathComponent }
        }
        for path in folders.sorted(by: { $0.count > $1.count }) { rmdir(folder + "/" + path) }
        if rmdir(folder) != 0 { try? FileManager.default.removeItem(atPath: folder) }
    }
}
