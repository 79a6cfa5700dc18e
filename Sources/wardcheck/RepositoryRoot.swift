import Foundation
import WardcheckCore
import WardcheckReports

/// Where paths in a GitLab report start: GitLab reads `location.path` relative to the repository
/// root, whatever folder the job ran wardcheck in.
enum RepositoryRoot {
    /// `git rev-parse --show-toplevel` from the current folder; nil outside a repository or
    /// without git, and the report's paths are then relative to the current folder.
    static func find() -> String? {
        guard let path = try? GitProcess().text(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines),
              path.hasPrefix("/") else { return nil }
        return path
    }
}

extension GitLabCodeQuality {
    /// The writer for this run: paths relative to the repository wardcheck runs in.
    init(language: Language) {
        self.init(language: language, root: RepositoryRoot.find(), workingDirectory: FileManager.default.currentDirectoryPath)
    }
}
