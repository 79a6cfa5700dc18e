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
                throw ValidationError(lang == .vi
                    ? "không tìm thấy thư mục tiêu chí; chỉ rõ bằng --criteria THƯ_MỤC hoặc biến WARDCHECK_CRITERIA"
                    : "no criteria folder found; name one with --criteria DIR or WARDCHECK_CRITERIA")
            }
            return folder
        }
    }
}

/// Where output goes: standard output, or a file written atomically.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "Ghi kết quả vào tệp / write the output to FILE (atomically).")
    var output: String?

    func emit(_ text: String) throws {
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Binary output (a workbook): to the file, or to standard output only when that is not a
    /// terminal, where the bytes would garble the screen.
    func emit(_ data: Data, language: Language) throws {
        if let output {
            try AtomicFile.write(data, to: output)
            return
        }
        guard isatty(1) == 0 else {
            printError(language == .vi
                ? "wardcheck: không ghi tệp Excel ra màn hình; dùng -o TỆP.xlsx (hoặc chuyển hướng: > TỆP.xlsx)"
                : "wardcheck: not writing an Excel workbook to a terminal; use -o FILE.xlsx (or redirect: > FILE.xlsx)")
            throw ExitCode(ExitStatus.invalidInput)
        }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "standard output: " + String(cString: strerror(errno))])
                }
                offset += written
            }
        }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    var colour: Bool {
        output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// Prints to standard error: diagnostics about the run itself, not its results.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
