import Foundation
import WardcheckCore
import YAMLTree

/// Where units save their own file, with `--accept-submissions`. A unit is known by the secret
/// the city gave it, and may write only the file of its own code: the one already in the
/// submissions folder with that code, else `CODE.yaml`. The name never comes from the request.
/// One submission at a time, each written atomically, each logged.
public actor SubmissionDesk {
    public nonisolated let folder: String
    public nonisolated let tokens: SubmissionTokens
    private let log: SubmissionLog
    private let schema: FactsSchema

    public init(folder: String, tokens: SubmissionTokens, log: SubmissionLog, schema: FactsSchema) {
        self.folder = folder
        self.tokens = tokens
        self.log = log
        self.schema = schema
    }

    nonisolated func checkToken(_ secret: String, code: String, remote: String?) -> Bool {
        let accepted = tokens.accepts(secret, for: code)
        if !accepted { log.record("refused", fields: [("code", code), ("reason", "token"), ("remote", remote ?? "-")]) }
        return accepted
    }

    /// Saves a unit's valid facts text; the path written.
    func save(_ text: String, code: String, remote: String?) throws -> String {
        let target = existingFile(for: code) ?? (folder.hasSuffix("/") ? folder : folder + "/") + code + ".yaml"
        try AtomicFile.write(text, to: target)
        log.record("accepted", fields: [("code", code), ("file", target), ("remote", remote ?? "-"), ("bytes", String(text.utf8.count))])
        return target
    }

    /// The unit's file already in the folder, whatever its name: writing a second one beside it
    /// would make the audit count the unit twice.
    private func existingFile(for code: String) -> String? {
        let keys = schema.codeField.split(separator: ".").map(String.init)
        for path in WardFolder.facts(in: folder, excluding: []) {
            var node = YAMLLoader.load(path: path).root
            for key in keys { node = node?[key] }
            if node?.scalar?.precomposedStringWithCanonicalMapping == code { return path }
        }
        return nil
    }
}
