import ArgumentParser
import Foundation
import WardcheckCore

/// `wardcheck serve …` runs `wardcheck-serve …`: the web server is its own executable, so this
/// tool does not link the HTTP stack and `check` starts as fast without it. The server is
/// looked for beside this binary (where `make install` and `swift build` put both), then on PATH,
/// and replaces this process with every argument passed on unchanged.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Trang web tự đánh giá và trang toàn thành phố / the self-assessment web page and the city page (wardcheck serve --help).",
        discussion: """
        Chạy chương trình wardcheck-serve cài cạnh wardcheck với đúng các tham số đã cho.
        Runs the wardcheck-serve program installed beside wardcheck with the same arguments.
          wardcheck serve --wards wards            # http://127.0.0.1:8080/
          wardcheck serve --help                   # every option of the server
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "Tham số của wardcheck-serve / the server's arguments.")
    var arguments: [String] = []

    static let serverName = "wardcheck-serve"

    func run() throws {
        guard let server = Self.locate() else {
            printError("wardcheck serve: không tìm thấy \(Self.serverName) cạnh wardcheck hay trên PATH; cài bằng make install / cannot find \(Self.serverName) beside wardcheck or on PATH; install it with make install")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        // Only reached when exec failed.
        printError("wardcheck serve: không chạy được \(server) / cannot run \(server): \(String(cString: strerror(errno)))")
        throw ExitCode(ExitStatus.invalidInput)
    }

    /// Beside this binary first (resolving a symlink to it), then each folder of PATH.
    static func locate(executable: String = CriteriaLocation.runningExecutable,
                       environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        let beside = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent(serverName).path
        if fm.isExecutableFile(atPath: beside) { return beside }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + serverName
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
