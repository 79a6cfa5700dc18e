import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports
import WardcheckServer

/// `wardcheck serve`: the self-assessment form, the live scorecard and the city page, on loopback
/// unless told otherwise. Its own executable, so the command-line tool never links the HTTP stack.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wardcheck serve",
        abstract: "Trang tự đánh giá, chấm điểm trực tiếp và trang toàn thành phố / the self-assessment page, live scorecard and city page.",
        discussion: """
        Mặc định chỉ nghe trên 127.0.0.1 (máy này). Không có --accept-submissions thì máy chủ không ghi tệp nào.
        Listens on 127.0.0.1 (this machine only) by default. Without --accept-submissions the server writes no file.

        Trang / pages: /  (tự đánh giá / self-assessment), /city (với / with --wards), ?lang=en for English.

        Tạo dòng cho tệp mã bí mật / make a tokens-file line:
          openssl rand -hex 16 | tee secret-20194.txt | wardcheck serve --hash-token 20194 >> tokens.txt
        """,
        version: "0.1.0"
    )

    @Option(name: .long, help: "Ngôn ngữ thông báo khi chạy / language of the start-up messages: vi | en.")
    var lang: String = "vi"

    @Option(name: .long, help: "Thư mục tiêu chí / criteria folder (default: $WARDCHECK_CRITERIA, ./criteria, or the installed copy).")
    var criteria: String?

    @Option(name: .long, help: ArgumentHelp("Thư mục hồ sơ các đơn vị, cho trang toàn thành phố / the city's folder of ward files, for the city page.", valueName: "dir"))
    var wards: String?

    @Option(name: .long, help: "Danh sách đơn vị / roster file (default: DIR/roster.yaml when present).")
    var roster: String?

    @Option(name: .long, help: "Tệp miễn trừ / waivers file (default: DIR/waivers.yaml when present).")
    var waivers: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Ngày đánh giá trang toàn thành phố YYYY-MM-DD (mặc định: hôm nay) / the day the city page judges every unit on (default: today).", valueName: "day"))
    var asOf: String?

    @Option(name: .long, help: "Địa chỉ nghe / address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Cổng / port (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(name: .customLong("accept-submissions"), help: ArgumentHelp("Nhận tệp nộp từ các đơn vị, với tệp mã bí mật đã băm / accept units' submissions, checked against this file of hashed secrets.", valueName: "tokens-file"))
    var tokensFile: String?

    @Option(name: .long, help: ArgumentHelp("Thư mục lưu tệp nộp / where submissions are saved (default: DIR/submissions).", valueName: "dir"))
    var submissions: String?

    @Option(name: .long, help: ArgumentHelp("Ghi thêm nhật ký nộp tệp vào tệp này / also append the submissions log to this file.", valueName: "file"))
    var log: String?

    @Option(name: .customLong("hash-token"), help: ArgumentHelp("Đọc mã bí mật từ đầu vào chuẩn, in dòng cho tệp mã bí mật (mã đơn vị hoặc tên đăng nhập của Văn phòng) rồi thoát / read a secret on standard input, print its tokens-file line (for a unit code, or a city office login name) and exit.", valueName: "code-or-name"))
    var hashToken: String?

    @Option(name: .customLong("public-url"), help: ArgumentHelp("Địa chỉ trình duyệt dùng qua proxy HTTPS / the address browsers use through the HTTPS proxy, e.g. https://wardcheck.danang.gov.vn", valueName: "url"))
    var publicURL: String?

    @Option(name: .customLong("city-tokens"), help: ArgumentHelp("Tên đăng nhập và mã bí mật đã băm của Văn phòng thành phố, cho trang toàn thành phố / the city office's logins (hashed secrets), for the city pages.", valueName: "file"))
    var cityTokens: String?

    @Option(name: .customLong("header-timeout"), help: "Giây để gửi xong phần đầu yêu cầu / seconds to send a request's header (default 10).")
    var headerTimeout: Int = 10

    @Option(name: .customLong("body-timeout"), help: "Giây để gửi xong nội dung yêu cầu / seconds to send a request's body (default 30).")
    var bodyTimeout: Int = 30

    @Option(name: .customLong("idle-timeout"), help: "Giây một kết nối được chờ yêu cầu tiếp theo / seconds a connection may wait for its next request (default 60).")
    var idleTimeout: Int = 60

    @Option(name: .customLong("max-connections"), help: "Số kết nối mở cùng lúc / connections open at once (default 512).")
    var maxConnections: Int = 512

    @Option(name: .customLong("max-evaluations"), help: "Số yêu cầu chấm điểm cùng lúc / requests checked and scored at once (default: the cores, at least 2).")
    var maxEvaluations: Int?

    @Option(name: .customLong("log-max-bytes"), help: "Cỡ tối đa của tệp nhật ký trước khi xoay vòng / the log file's size before it is rotated to FILE.1 (default 10485760).")
    var logMaxBytes: Int = 10 << 20

    @Flag(name: .customLong("allow-weak-secret"), help: "Cho phép --hash-token băm mã bí mật yếu (ngắn hoặc lặp một ký tự) / let --hash-token hash a weak secret (short, or one character repeated).")
    var allowWeakSecret = false

    var language: Language { Language(rawValue: lang) ?? .vi }
    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang: vi | en") }
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError(t("--as-of: viết ngày dạng YYYY-MM-DD", "--as-of: write the day as YYYY-MM-DD"))
        }
        guard (0...65535).contains(port) else { throw ValidationError(t("--port phải từ 0 đến 65535", "--port must be between 0 and 65535")) }
        if let wards {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: wards, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError(t("không có thư mục \(wards)", "no folder \(wards)"))
            }
        }
        if tokensFile == nil, submissions != nil {
            throw ValidationError(t("--submissions chỉ dùng cùng --accept-submissions", "--submissions goes with --accept-submissions"))
        }
        if let publicURL {
            guard let url = URL(string: publicURL), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil,
                  url.path.isEmpty || url.path == "/", url.query == nil, url.user == nil else {
                throw ValidationError(t("--public-url: viết địa chỉ gốc, ví dụ https://wardcheck.danang.gov.vn", "--public-url: write the site's address, e.g. https://wardcheck.danang.gov.vn"))
            }
        }
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout), ("--max-connections", maxConnections)]
            where value < 1 {
            throw ValidationError(t("\(name) phải lớn hơn 0", "\(name) must be above 0"))
        }
        if tokensFile != nil, submissions == nil, wards == nil {
            throw ValidationError(t("cần --submissions THƯ_MỤC (hoặc --wards THƯ_MỤC) để biết lưu tệp nộp ở đâu",
                                    "name --submissions DIR (or --wards DIR) to say where submissions are saved"))
        }
    }

    func run() async throws {
        // A closed standard error or a client gone mid-answer is an error to handle, not a signal that ends the server.
        signal(SIGPIPE, SIG_IGN)
        let set = try loadCriteria()
        if let code = hashToken { return try printTokenLine(code, schema: set.schema) }

        let city = CityFiles(criteria: set, folder: wards, roster: roster, waivers: waivers, asOf: asOf.flatMap(Day.init(iso:)))
        let companions = await city.companions()
        report(companions.diagnostics)
        guard companions.usable else { throw ExitCode(2) }

        var desk: SubmissionDesk?
        if let tokensFile {
            let (tokens, diagnostics) = SubmissionTokens.load(path: tokensFile, schema: set.schema)
            report(diagnostics)
            guard let tokens else { throw ExitCode(2) }
            // validate() made sure one of the two is given.
            guard let folder = submissions ?? wards.map({ ($0.hasSuffix("/") ? $0 : $0 + "/") + "submissions" }) else { throw ExitCode(64) }
            let opened = SubmissionDesk(folder: folder, tokens: tokens, schema: set.schema)
            if let problem = opened.problem {
                say("wardcheck serve: " + problem.text(language), to: standardError)
                throw ExitCode(2)
            }
            desk = opened
        }
        var access: CityAccess?
        if let cityTokens {
            let (logins, diagnostics) = SubmissionTokens.loadLogins(path: cityTokens)
            report(diagnostics)
            guard let logins else { throw ExitCode(2) }
            access = CityAccess(logins: logins)
        }

        let limits = ConnectionLimits(header: .seconds(Int64(headerTimeout)), body: .seconds(Int64(bodyTimeout)),
                                      idle: .seconds(Int64(idleTimeout)), maxConnections: maxConnections)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let settings = ServerSettings(criteria: set, city: city, submissions: desk, host: host, port: port,
                                      publicURL: publicURL.flatMap(URL.init(string:)), cityAccess: access, limits: limits,
                                      gate: EvaluationGate(running: maxEvaluations ?? max(2, cores), waiting: maxConnections),
                                      log: ServerLog(file: log, maxBytes: logMaxBytes))
        let host = self.host
        let lines = startLines(desk: desk, exposure: settings.exposure, access: access)
        let app = buildApplication(settings) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            // The first line is the address, for people and for scripts that start the server on port 0.
            say("wardcheck serve: http://\(shown):\(port)/", to: standardOutput)
            for line in lines { say(line, to: standardError) }
        }
        try await app.runService()
    }

    private func startLines(desk: SubmissionDesk?, exposure: Exposure, access: CityAccess?) -> [String] {
        var lines: [String] = []
        if let url = exposure.publicURL { lines.append(t("  địa chỉ công khai (qua proxy): \(url.absoluteString)", "  public address (through the proxy): \(url.absoluteString)")) }
        if wards != nil {
            if access != nil {
                lines.append(t("  trang toàn thành phố: /city (cần đăng nhập của Văn phòng)", "  city page: /city (behind the city office's login)"))
            } else if exposure.reachableBeyondLoopback {
                lines.append(t("  trang toàn thành phố đóng: máy khác truy cập được máy chủ này nên cần --city-tokens",
                               "  city page closed: other machines can reach this server, so it needs --city-tokens"))
            } else {
                lines.append(t("  trang toàn thành phố: /city (chỉ máy này)", "  city page: /city (this machine only)"))
            }
        }
        if let desk {
            lines.append(t("  nhận tệp nộp vào \(desk.folder) (\(desk.tokens.codes.count) đơn vị có mã bí mật); \(desk.keeping.vi)",
                           "  accepting submissions into \(desk.folder) (\(desk.tokens.codes.count) units hold a secret); \(desk.keeping.en)"))
        } else {
            lines.append(t("  không nhận tệp nộp: máy chủ không ghi tệp nào", "  submissions off: the server writes no file"))
        }
        if !exposure.boundToLoopback {
            lines.append(t("  cảnh báo: nghe trên \(host), máy khác trong mạng truy cập được; không có TLS, hãy đặt sau một proxy HTTPS (--public-url)",
                           "  warning: listening on \(host), reachable from other machines; there is no TLS, put it behind an HTTPS proxy (--public-url)"))
        }
        return lines
    }

    private func loadCriteria() throws -> CriteriaSet {
        guard let folder = CriteriaLocation.resolve(flag: criteria) else {
            say(t("wardcheck serve: không tìm thấy thư mục tiêu chí; chỉ rõ bằng --criteria THƯ_MỤC",
                  "wardcheck serve: no criteria folder found; name one with --criteria DIR"), to: standardError)
            throw ExitCode(2)
        }
        let (set, diagnostics) = CriteriaSet.load(folder: folder)
        report(diagnostics)
        guard let set else { throw ExitCode(2) }
        return set
    }

    private func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { say(DiagnosticText.render(d, language: language), to: standardError) }
    }

    /// `--hash-token CODE`: the secret is read from standard input, never from the command line,
    /// where other users of the machine could read it in the process list.
    private func printTokenLine(_ code: String, schema: FactsSchema) throws {
        // A unit code, or a city office login name: letters, digits, `.`, `_`, `-`, at most 32.
        let login = (1...32).contains(code.count) && code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        if !login {
            say(t("wardcheck serve: `\(code)` không phải mã đơn vị hay tên đăng nhập hợp lệ", "wardcheck serve: `\(code)` is not a valid unit code or login name"), to: standardError)
            throw ExitCode(2)
        }
        let secret = SubmissionTokens.normalized(readLine(strippingNewline: true) ?? "")
        if let weakness = SubmissionTokens.weakness(secret), !allowWeakSecret {
            say("wardcheck serve: " + weakness.text(language) + t("; tạo bằng: openssl rand -hex 16 (hoặc --allow-weak-secret)",
                                                                 "; make one with: openssl rand -hex 16 (or --allow-weak-secret)"), to: standardError)
            throw ExitCode(2)
        }
        guard !secret.isEmpty else {
            say(t("wardcheck serve: mã bí mật trống", "wardcheck serve: the secret is empty"), to: standardError)
            throw ExitCode(2)
        }
        say(SubmissionTokens.line(code: code, secret: secret), to: standardOutput)
    }
}

let standardOutput: Int32 = 1
let standardError: Int32 = 2

/// A line to standard output or error with write(2): unbuffered, so a script reading the address
/// sees it at once, and never a trap on a closed pipe.
func say(_ text: String, to descriptor: Int32) {
    let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
}
