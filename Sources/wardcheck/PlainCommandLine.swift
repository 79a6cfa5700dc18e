import ArgumentParser

/// `wardcheck check FILE…` with no option at all, the line a ward office types, is the command
/// with every option at its default. Parsing it, even as the command alone (DirectCommand), walks
/// every option by reflection: about 200 first-time protocol look-ups, each a scan of the
/// binary's 6,000 conformance records, 16 M instructions, half of a whole check. Here the same
/// command is built by setting each option to the default it declares.
///
/// Anything else (a word that starts with `-`: an option, `--`, `-` for standard input; no file at
/// all) goes to the parser, which reads every other word, `help` and an empty one included, as a
/// file name too. The CLI tests hold the two ways to the same output: `check FILE` against
/// `check -- FILE`, which the parser reads with every option at its default.
enum PlainCommandLine {
    /// The command the parser would give for `arguments` (after the subcommand's name), when they
    /// are file names alone; nil when the parser must read them.
    static func command(_ name: String, _ arguments: ArraySlice<String>) -> ParsableCommand? {
        guard !arguments.isEmpty, arguments.allSatisfy({ !$0.hasPrefix("-") }) else { return nil }
        let files = Array(arguments)
        switch name {
        case "check": return CheckCommand(files: files)
        case "validate": return ValidateCommand(files: files)
        default: return nil
        }
    }
}

// Each default below is the one the option declares. A new option left out here would crash
// the plain line on first read: the tests run it.

extension CheckCommand {
    init(files: [String]) {
        self.init()
        common = .defaults
        output = .defaults
        gate = .defaults
        changes = .defaults
        rosterOption = .defaults
        waivers = nil
        asOf = nil
        format = .text
        self.files = files
    }
}

extension ValidateCommand {
    init(files: [String]) {
        self.init()
        common = .defaults
        output = .defaults
        gate = .defaults
        changes = .defaults
        rosterOption = .defaults
        format = .text
        self.files = files
    }
}

extension ParsableArguments {
    /// The options as `set` leaves them, every one set (a wrapper never set stops the run when read).
    static func with(_ set: (inout Self) -> Void) -> Self {
        var options = Self()
        set(&options)
        return options
    }
}

extension CommonOptions {
    static var defaults: Self { .with { $0.lang = .vi; $0.criteria = nil } }
}

extension OutputOptions {
    static var defaults: Self { .with { $0.output = nil } }
}

extension GateOptions {
    static var defaults: Self { .with { $0.failOn = nil } }
}

extension ChangedSinceOptions {
    static var defaults: Self { .with { $0.changedSince = nil } }
}

extension RosterOptions {
    static var defaults: Self { .with { $0.roster = nil } }
}
