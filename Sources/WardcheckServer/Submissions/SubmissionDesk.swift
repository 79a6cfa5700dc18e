import Foundation
import WardcheckCore
import YAMLTree

/// Where units save their own file, with `--accept-submissions`. A unit is known by the secret
/// the city gave it, and may write only the file of its own code: the one already in the
/// submissions folder with that code, else `CODE.yaml`. The name never comes from the request.
/// One submission at a time, each written atomically, and none destroys the version before it:
/// in a git work tree each is committed (`VersionKeeper`), elsewhere the previous file is kept.
public actor SubmissionDesk {
    public nonisolated let folder: String
    public nonisolated let tokens: SubmissionTokens
    private let schema: FactsSchema
    private let keeper: VersionKeeper

    public init(folder: String, tokens: SubmissionTokens, schema: FactsSchema) {
        self.folder = folder
        self.tokens = tokens
        self.schema = schema
        self.keeper = VersionKeeper.for(folder: folder)
    }

    /// How the versions before a submission are kept, for the start-up message and the docs.
    public nonisolated var keeping: Localized { keeper.description }

    /// Why no submission could be saved with its version kept (a git repository git will not
    /// use): the server says so and does not start.
    public nonisolated var problem: Localized? { keeper.problem }

    nonisolated func checkToken(_ secret: String, code: String) -> Bool {
        tokens.accepts(secret, for: code)
    }

    /// What a saved submission left: the file written, and the version that records it (a commit, or the kept copy).
    struct Saved: Sendable {
        var path: String
        var version: String?
    }

    /// Saves a unit's valid facts text, with the version before it kept. If the version cannot
    /// be recorded the file is put back as it was and the submission is refused: a file and its
    /// record land together, or neither does.
    func save(_ text: String, code: String, client: String) throws -> Saved {
        let target = existingFile(for: code) ?? (folder.hasSuffix("/") ? folder : folder + "/") + code + ".yaml"
        let previous = FileManager.default.contents(atPath: target)
        let kept = try keeper.beforeWriting(target, previous: previous, code: code)
        do {
            try AtomicFile.write(text, to: target)
        } catch {
            keeper.forget(kept)
            throw error
        }
        do {
            // The kept copy named from the submissions folder: where the server keeps it is no one else's business.
            let copy = kept.map { String($0.dropFirst(folder.count)).drop { $0 == "/" } }.map(String.init)
            let version = try keeper.afterWriting(target, code: code, client: client) ?? copy
            return Saved(path: target, version: version)
        } catch {
            // Put the folder back as it was: the previous file, or none.
            if let previous { try? AtomicFile.write(previous, to: target) } else { unlink(target) }
            keeper.forget(kept)
            throw error
        }
    }

    /// The unit's file already in the folder, whatever its name: writing a second one beside it
    /// would make the audit count the unit twice.
    private func existingFile(for code: String) -> String? {
        let keys = schema.codeField.split(separator: ".").map(String.init)
        for case .file(let path) in CityRun.files(in: folder) {
            var node = YAMLLoader.load(path: path).root
            for key in keys { node = node?[key] }
            if node?.scalar?.precomposedStringWithCanonicalMapping == code { return path }
        }
        return nil
    }
}
