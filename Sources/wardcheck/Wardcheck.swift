import ArgumentParser

@main
enum Entry {
    static func main() {
        StandardStreams.prepare()
        CriteriaPrefetch.start(CommandLine.arguments)
        if DirectCommand.run(CommandLine.arguments) { return }
        Wardcheck.main()
    }
}

struct Wardcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wardcheck",
        abstract: "Kiểm tra đơn vị hành chính cấp xã theo các tiêu chí sẵn sàng / check commune-level units against the readiness criteria.",
        discussion: ExitStatus.help,
        version: WardcheckVersion.current,
        subcommands: [
            CheckCommand.self, ValidateCommand.self, ExplainCommand.self, VerifyCommand.self, CriteriaCommand.self, InitCommand.self,
            AuditCommand.self, DiffCommand.self, HistoryCommand.self, SchemaCommand.self, ServeCommand.self,
            PrioritizeCommand.self, WhatIfCommand.self, RollupCommand.self,
        ]
    )
}

enum WardcheckVersion {
    static let current = "0.1.0"
}
