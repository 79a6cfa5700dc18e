import ArgumentParser

/// `wardcheck check FILE` parsed as the `check` command alone. Parsing through the root walks
/// every subcommand's options by reflection (whether any takes pass-through arguments, whether
/// a completion script is asked for) before it reads a single argument: 22 M instructions, more
/// than half of a whole `check`, spent before the criteria or the file are looked at.
///
/// Only a command line the command itself parses cleanly is run this way. Anything else (help,
/// a misspelt option, a missing file name) is parsed again through the root, so every message,
/// usage line and exit code is the one the full parser gives. A line of file names alone is not
/// parsed at all: `PlainCommandLine` builds its command with every option at its default.
enum DirectCommand {
    /// The commands a ward office or a CI job runs once per file, where start-up is the wait, and
    /// the city's audit, where the root's 27 M instructions ran alone before any core judged a unit.
    private static let direct: [String: ParsableCommand.Type] = [
        "check": CheckCommand.self,
        "validate": ValidateCommand.self,
        "audit": AuditCommand.self,
    ]

    /// Runs the command and returns true, or returns false for the root parser to take over.
    static func run(_ arguments: [String]) -> Bool {
        guard arguments.count > 1, let type = direct[arguments[1]] else { return false }
        // A plain line names at least one file, all its command's `validate()` asks of it.
        guard var command = PlainCommandLine.command(arguments[1], arguments.dropFirst(2))
            ?? (try? type.parse(Array(arguments.dropFirst(2)))) else { return false }
        do {
            try command.run()
        } catch {
            // As `Wardcheck.main()` ends a command that throws.
            Wardcheck.exit(withError: error)
        }
        return true
    }
}
