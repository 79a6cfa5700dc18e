import ArgumentParser
import Foundation
import WardcheckCore

extension Language: ExpressibleByArgument {}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Ngôn ngữ / language: vi | en.")
    var lang: Language = .vi

    @Option(name: .long, help: "Thư mục tiêu chí / criteria folder (default: $WARDCHECK_CRITERIA, ./criteria, or the installed copy).")
    var criteria: String?

    var criteriaFolder: String {
        get throws {
            guard let folder = CriteriaLocation.resolve(flag: criteria) else {
                // A usage error (64), but without the root command's usage line, which would
                // suggest the subcommand itself was missing.
                printError(lang == .vi
                    ? "wardcheck: không tìm thấy thư mục tiêu chí (./criteria, $WARDCHECK_CRITERIA hay bản đã cài); chỉ rõ bằng --criteria THƯ_MỤC hoặc biến WARDCHECK_CRITERIA"
                    : "wardcheck: no criteria folder found (./criteria, $WARDCHECK_CRITERIA or the installed copy); name one with --criteria DIR or WARDCHECK_CRITERIA")
                throw ExitCode.validationFailure
            }
            return folder
        }
    }
}

/// Where output goes: standard output, or a file written atomically.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "Ghi kết quả vào tệp / write the output to FILE (atomically).")
    var output: String?

    func emit(_ text: String) {
        guard let output else { return StandardStreams.out(text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            StandardStreams.fail(error.message.map { "wardcheck: " + $0 })
        }
    }

    /// Binary output (a workbook): to the file, or to standard output only when that is not a
    /// terminal, where the bytes would garble the screen.
    func emit(_ data: Data, language: Language) throws {
        if let output {
            do {
                try AtomicFile.write(data, to: output)
            } catch {
                StandardStreams.fail(error.message.map { "wardcheck: " + $0 })
            }
            return
        }
        try refuseBinaryOnTerminal(language)
        StandardStreams.out(bytes: [UInt8](data))
    }

    /// A binary report goes to standard output only when that is not a terminal, where the bytes
    /// would garble the screen: said before anything is written.
    func refuseBinaryOnTerminal(_ language: Language) throws {
        guard output == nil, isatty(1) != 0 else { return }
        printError(language == .vi
            ? "wardcheck: không ghi tệp Excel ra màn hình; dùng -o TỆP.xlsx (hoặc chuyển hướng: > TỆP.xlsx)"
            : "wardcheck: not writing an Excel workbook to a terminal; use -o FILE.xlsx (or redirect: > FILE.xlsx)")
        throw ExitCode(ExitStatus.invalidInput)
    }

    /// Nothing is ever written to an input: `-o` naming a file the run reads (a ward file, the
    /// waivers, the roster, a criteria file) stops the run before anything is read or written.
    func refuseOverwriting(_ inputs: [String], criteria: String?, language: Language) throws {
        guard let output else { return }
        try InputFiles.refuse(output, among: inputs, criteria: criteria, language: language)
    }

    /// `refuseOverwriting` worked out on another core, for a run that reads a whole folder and
    /// writes nothing before its end: one `stat` per unit file was 10 ms on one core before a
    /// country's first unit could be judged. `verdict` must be called before anything is written.
    func refusal(among inputs: [String], criteria: String?) -> Background<String?> {
        let output = output
        return Background { output.flatMap { InputFiles.input(sameAs: $0, among: inputs, criteria: criteria) } }
    }

    /// Throws, having said why, when `refusal` found the output among the inputs.
    func verdict(_ refusal: Background<String?>, language: Language) throws {
        guard let output, let input = refusal.value else { return }
        try InputFiles.refuse(output, being: input, language: language)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    var colour: Bool {
        output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// The files a run reads, so that an output path can be checked against them.
enum InputFiles {
    static func refuse(_ output: String, among inputs: [String], criteria: String?, language: Language) throws {
        guard let input = input(sameAs: output, among: inputs, criteria: criteria) else { return }
        try refuse(output, being: input, language: language)
    }

    /// The input that is the file `output` names (the same file, by any name: a link, `./`), if any.
    static func input(sameAs output: String, among inputs: [String], criteria: String?) -> String? {
        var target = stat()
        guard stat(output, &target) == 0 else { return nil }
        var candidates = inputs
        if let criteria, let names = try? FileManager.default.contentsOfDirectory(atPath: criteria) {
            candidates += names.map { criteria + "/" + $0 }
        }
        for input in candidates {
            var info = stat()
            if stat(input, &info) == 0, info.st_dev == target.st_dev, info.st_ino == target.st_ino { return input }
        }
        return nil
    }

    static func refuse(_ output: String, being input: String, language: Language) throws {
        printError(language == .vi
            ? "wardcheck: không ghi kết quả vào \(shown(output)): đó là tệp đầu vào \(shown(input)); chọn tệp khác cho -o"
            : "wardcheck: not writing the output to \(shown(output)): it is the input \(shown(input)); choose another file for -o")
        throw ExitCode.validationFailure
    }
}

/// Prints to standard error: diagnostics about the run itself, not its results.
func printError(_ text: String) {
    StandardStreams.err(text)
}
