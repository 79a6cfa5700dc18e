#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WardcheckCore

/// A path or a name typed elsewhere (git, a pull request, a script) in a message: hidden
/// characters, line breaks included, shown as `\u{…}` so it stays on its line.
func shown(_ text: String) -> String {
    HiddenCharacters.escaped(text)
}

/// Standard output and standard error, written with write(2): a closed pipe (`| head`) ends the
/// output quietly, and any other write error (a full disk, `> /dev/full`) is one line on standard
/// error and exit code 74, never a crash and never a silent loss.
enum StandardStreams {
    /// Called once before anything is written. SIGPIPE would kill the process without a word;
    /// ignored, a write to a closed pipe returns EPIPE instead. SIGXFSZ likewise becomes EFBIG,
    /// so a file-size limit (`ulimit -f`) is reported like a full disk.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    /// The run's results. After EPIPE nothing more is written; the exit status stays the run's.
    static func out(_ text: String) {
        out(bytes: Array(text.utf8))
    }

    static func out(bytes: [UInt8]) {
        guard !readerGone, !bytes.isEmpty else { return }
        guard let code = Descriptor.writeAll(STDOUT_FILENO, bytes) else { return }
        if code == EPIPE {
            readerGone = true
            return
        }
        fail(Localized(vi: "wardcheck: không ghi được đầu ra chuẩn: \(Descriptor.describe(code))",
                       en: "wardcheck: cannot write to standard output: \(Descriptor.describe(code))"))
    }

    /// Messages about the run. Hidden characters in them (a path from git, a folder name) are
    /// shown escaped; a failure to write here has nowhere left to be reported, so it is dropped.
    static func err(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = Descriptor.writeAll(STDERR_FILENO, Array(HiddenCharacters.escaped(line, keeping: ["\n", "\t"]).utf8))
    }

    /// A report that cannot be written: one line on standard error, exit 74 (EX_IOERR).
    static func fail(_ message: Localized) -> Never {
        err(message.text(language))
        exit(Gate.exitOutputFailed)
    }

    /// The language of `fail`'s message, set once the command line is read.
    nonisolated(unsafe) static var language: Language = .vi
    nonisolated(unsafe) private static var readerGone = false
}
