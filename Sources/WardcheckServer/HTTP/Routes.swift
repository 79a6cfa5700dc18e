import Foundation
import HTTPTypes
import Hummingbird
import WardcheckCore
import WardcheckReports

/// Every address the server answers:
///
/// | method | path | what |
/// |---|---|---|
/// | GET | `/` | the self-assessment form |
/// | GET | `/assets/wardcheck.js`, `/assets/wardcheck.css` | its script and style, from the binary |
/// | POST | `/api/evaluate` | answers (JSON) → scorecard, questions at their fields |
/// | POST | `/api/yaml` | answers (JSON) → the facts file to download |
/// | POST | `/api/upload` | a facts file (YAML) → its answers, notes, scorecard |
/// | GET | `/city`, `/city/unit/CODE` | the audit of the city's folder, and one unit's scorecard (with `--wards`; the city office's login when required) |
/// | GET, POST | `/city/login`, `/api/login`; GET `/city/logout` | the city office's login (with `--city-tokens`) |
/// | POST | `/api/submit` | answers and the unit's secret → the unit's file saved and its version kept (with `--accept-submissions`) |
///
/// Every page takes `?lang=vi` (the default) or `?lang=en`. HEAD is answered as GET.
struct Routes: Sendable {
    let settings: ServerSettings

    private var criteria: CriteriaSet { settings.criteria }
    private var schema: FactsSchema { settings.criteria.schema }

    typealias Handler = @Sendable (Request, ServeContext) async -> Response

    /// The routes this server answers, with their methods: registered on the router, and told to
    /// the policy for 405's `Allow`.
    var routes: [(String, HTTPRequest.Method, Handler)] {
        var out: [(String, HTTPRequest.Method, Handler)] = [
            ("/", .get, { request, _ in await assessmentPage(request) }),
            (Assets.scriptPath, .get, { _, _ in Reply.asset(Assets.script, type: "text/javascript; charset=utf-8") }),
            (Assets.stylePath, .get, { _, _ in Reply.asset(Assets.style, type: "text/css; charset=utf-8") }),
            ("/api/evaluate", .post, { request, context in await evaluate(request, context) }),
            ("/api/yaml", .post, { request, context in await download(request, context) }),
            ("/api/upload", .post, { request, context in await upload(request, context) }),
        ]
        if settings.city.folder != nil {
            let cityRoutes: [(String, HTTPRequest.Method, Handler)] = [
                ("/city", .get, { request, _ in await cityPage(request) }),
                ("/city/unit/:code", .get, { request, context in await unitPage(request, code: context.parameters.get("code") ?? "") }),
            ]
            out += cityRoutes
        }
        if settings.cityAccess != nil {
            let loginRoutes: [(String, HTTPRequest.Method, Handler)] = [
                ("/city/login", .get, { request, _ in loginPage(request) }),
                ("/api/login", .post, { request, context in await login(request, context) }),
                ("/city/logout", .get, { request, _ in await logout(request) }),
            ]
            out += loginRoutes
        }
        if settings.submissions != nil {
            out.append(("/api/submit", .post, { request, context in await submit(request, context) }))
        }
        return out
    }

    var table: RouteTable { RouteTable(routes.map { ($0.0, $0.1) }) }

    func register(on router: Router<ServeContext>) {
        for (path, method, handler) in routes {
            router.on(RouterPath(path), method: method) { request, context in await handler(request, context) }
            // HEAD is GET, its body dropped by the policy.
            if method == .get { router.on(RouterPath(path), method: .head) { request, context in await handler(request, context) } }
        }
    }

    // MARK: Request checks shared by the routes

    /// `?lang=vi|en`; nil for anything else, which is refused rather than guessed.
    static func requestedLanguage(_ request: Request) -> Language? {
        guard let given = request.uri.queryParameters["lang"] else { return .vi }
        return Language(rawValue: String(given))
    }

    /// The media types each body may have. A cross-site HTML form can only send form encodings
    /// and text/plain, so insisting on JSON or YAML also keeps other sites' forms out.
    static let jsonTypes = ["application/json"]
    static let yamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]

    /// The body, or the refusal: 415 for another media type, 413 past the limit (refused on the
    /// declared length before reading, and while reading when no length is declared).
    private func body(_ request: Request, types: [String], _ language: Language) async -> Result<ByteBuffer, Refused> {
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type, types.contains(type) else {
            return .failure(Refused(Reply.failure(.unsupportedMediaType, Refusal.mediaType(types), language, api: true, reason: "media-type")))
        }
        let limit = settings.bodyLimit
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return .failure(Refused(Reply.failure(.contentTooLarge, Refusal.tooLarge(limit), language, api: true, reason: "too-large")))
        }
        do {
            return .success(try await request.body.collect(upTo: limit))
        } catch {
            return .failure(Refused(Reply.failure(.contentTooLarge, Refusal.tooLarge(limit), language, api: true, reason: "too-large")))
        }
    }

    /// A JSON object of these members only, each text: an unknown member is a client's mistake,
    /// refused (400) rather than silently ignored.
    private func object(_ request: Request, _ language: Language, allowed: Set<String>) async -> Result<[String: Any], Refused> {
        let buffer: ByteBuffer
        switch await body(request, types: Self.jsonTypes, language) {
        case .success(let read): buffer = read
        case .failure(let refused): return .failure(refused)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any],
              Set(object.keys).isSubset(of: allowed) else {
            return .failure(Refused(Reply.failure(.badRequest, Refusal.badBody, language, api: true, reason: "body")))
        }
        return .success(object)
    }

    /// A form's answers: `{"answers": {"path": "text", …}, "typed_in": "vi", "token": "…"}`.
    /// `typed_in` is the language the answers were typed in, when it is not the page's (answers
    /// kept on the device from a page in the other language: `1.000` is a thousand only in Vietnamese).
    struct FormBody {
        var answers: [String: String]
        var token: String?
        var typedIn: Language?
    }

    private func answers(_ request: Request, _ language: Language) async -> Result<FormBody, Refused> {
        let read: [String: Any]
        switch await object(request, language, allowed: ["answers", "token", "typed_in"]) {
        case .success(let object): read = object
        case .failure(let refused): return .failure(refused)
        }
        let typedIn = read["typed_in"].map { ($0 as? String).flatMap(Language.init(rawValue:)) }
        guard let answers = read["answers"] as? [String: String], typedIn != .some(nil),
              read["token"] == nil || read["token"] is String else {
            return .failure(Refused(Reply.failure(.badRequest, Refusal.badBody, language, api: true, reason: "body")))
        }
        let unknown = Answers(schema: schema).unknownPaths(answers)
        guard unknown.isEmpty else {
            return .failure(Refused(Reply.failure(.badRequest, Refusal.unknownPaths(unknown), language, api: true, reason: "unknown-field")))
        }
        return .success(FormBody(answers: answers, token: read["token"] as? String, typedIn: typedIn ?? nil))
    }

    private func assessment(_ language: Language) async -> Assessment {
        Assessment(criteria: criteria, evaluator: await settings.city.evaluator(), language: language)
    }

    private func badLanguage(api: Bool) -> Response {
        Reply.failure(.badRequest, Refusal.badLanguage, .vi, api: api, reason: "lang")
    }

    /// Runs a check or a scoring when the gate gives it a turn; 503 at once when too many wait.
    private func gated(_ language: Language, _ work: @Sendable () async -> Response) async -> Response {
        await settings.gate.run(work) ?? Reply.failure(.serviceUnavailable, Refusal.busy, language, api: true, reason: "busy", retryAfter: 2)
    }

    private func client(_ request: Request, _ context: ServeContext) -> String {
        ClientAddress.of(request, remote: context.remoteAddress, exposure: settings.exposure)
    }

    // MARK: Self-assessment

    private func assessmentPage(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        let page = AssessmentPage(criteria: criteria, roster: await settings.city.companions().roster, language: language,
                                  hasCity: settings.city.folder != nil, acceptsSubmissions: settings.submissions != nil, today: Day.today())
        return Reply.html(page.render())
    }

    private func evaluate(_ request: Request, _ context: ServeContext) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        let assessment = await assessment(language)
        return await gated(language) {
            let scored = assessment.score(form.answers, typedIn: form.typedIn)
            return Reply.json(assessment.json(scored))
        }
    }

    /// The file the page scored: answers it could not read are left out (the page says which).
    private func download(_ request: Request, _ context: ServeContext) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        let assessment = await assessment(language)
        return await gated(language) {
            let scored = assessment.score(form.answers, typedIn: form.typedIn)
            return Reply.download(scored.text, name: scored.fileName)
        }
    }

    /// A facts file opened in the form: its values for the controls (with notes where the form read
    /// them differently from the file, questions where it could not), and the form scored with them.
    private func upload(_ request: Request, _ context: ServeContext) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let buffer: ByteBuffer
        switch await body(request, types: Self.yamlTypes, language) {
        case .success(let read): buffer = read
        case .failure(let refused): return refused.response
        }
        let assessment = await assessment(language)
        let criteria = self.criteria
        let schema = self.schema
        return await gated(language) {
            let file = FactsFile.load(bytes: Array(buffer.readableBytesView), path: Assessment.fileName(code: nil, schema: schema, language: language),
                                      validator: criteria.validator)
            let reading = UploadReading.read(file.tree, criteria: criteria, language: language)
            let scored = assessment.score(reading.answers, extraQuestions: reading.questions)
            var upload = reading
            if file.tree == nil {
                // Nothing to fill in: the person is told why in words, the details are in the file view.
                let why = file.diagnostics.first(where: \.isError)?.people ?? Localized(vi: "không phải tệp số liệu", en: "not a facts file")
                upload.notes[""] = Localized(vi: "Không đọc được tệp này: " + FactWords.lowerFirst(why.vi) + ".",
                                             en: "This file cannot be read: " + FactWords.lowerFirst(why.en) + ".")
            }
            return Reply.json(assessment.json(scored, upload: upload, opened: file.diagnostics))
        }
    }

    // MARK: City

    /// Whether the city's pages may be shown to this request: always on a loopback server without
    /// logins; with logins, to a session; beyond loopback without logins, never.
    private func cityAllowed(_ request: Request, _ language: Language) async -> Response? {
        if let access = settings.cityAccess {
            let token = CityAccess.token(in: request.headers[values: .cookie].joined(separator: "; "))
            if await access.name(of: token) != nil { return nil }
            let here = request.uri.path + (language == .en ? "?lang=en" : "")
            return Reply.redirect(to: PageShell.link("/city/login", language) + (language == .en ? "&" : "?") + "next=" + (here.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2Fcity"))
        }
        if settings.exposure.reachableBeyondLoopback {
            return Reply.failure(.forbidden, Refusal.cityClosed, language, api: false, reason: "city-closed")
        }
        return nil
    }

    private func cityPage(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        if let refused = await cityAllowed(request, language) { return refused }
        let companions = await settings.city.companions()
        guard companions.usable else { return companionsBroken(companions, language) }
        let signedIn = settings.cityAccess != nil
        let page = await settings.city.cityPage(language) { audit in
            // The city's audit as the report writes it, with the bar of the served pages and each unit's name
            // linked to its own page. The document holds no contact names or phones (personal data).
            DocumentHTML.render(AuditDocument.build(audit, language: language), options: .init(
                navigation: PageShell(language: language, hasCity: true, signedIn: signedIn).bar(path: "/city"),
                unitLink: { PageShell.link("/city/unit/" + $0, language) }, generator: "wardcheck serve"))
        }
        return Reply.html(page ?? "", policy: .inlineStyles)
    }

    private func unitPage(_ request: Request, code: String) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        guard isUnitCode(code) else {
            return Reply.failure(.badRequest, Refusal.badCode(codeHint), language, api: false, reason: "code")
        }
        if let refused = await cityAllowed(request, language) { return refused }
        let companions = await settings.city.companions()
        guard companions.usable else { return companionsBroken(companions, language) }
        guard let reading = await settings.city.reading() else { return Reply.failure(.notFound, Refusal.unknownUnit, language, api: false) }
        let files = reading.files[code] ?? []
        let rostered = companions.roster?.unit(code)
        guard !files.isEmpty || rostered != nil else { return Reply.failure(.notFound, Refusal.unknownUnit, language, api: false) }
        // Judged as the city page judges it: on today, with the roster and the waivers.
        let evaluator = await settings.city.cityEvaluator()
        let page = UnitPage(criteria: criteria, language: language, code: code, rosterName: rostered?.name, files: files,
                            report: files.first.map { UnitReport.check(path: $0, evaluator: evaluator) }, signedIn: settings.cityAccess != nil)
        return Reply.html(page.render())
    }

    private func companionsBroken(_ companions: CityFiles.Companions, _ language: Language) -> Response {
        let lines = companions.diagnostics.map { DiagnosticText.render($0, language: language) }.joined(separator: "\n")
        return Reply.failure(.serviceUnavailable, Localized(vi: "không đọc được danh sách đơn vị hoặc tệp miễn trừ:\n\n" + lines,
                                                            en: "cannot read the roster or the waivers:\n\n" + lines), language, api: false, reason: "companions")
    }

    /// What a unit code looks like, in the form's words ("5 chữ số, ví dụ 20194").
    private var codeHint: Localized? {
        schema.field(schema.codeField)?.help
    }

    /// Whether text is a unit code of the schema's form: the only thing a path or body may name a
    /// unit by, so no `/`, `..` or other path character can reach a file name.
    func isUnitCode(_ text: String) -> Bool {
        guard case .code(let pattern, _)? = schema.field(schema.codeField)?.type, let regex = try? Regex(pattern) else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    // MARK: The city office's login

    private func loginPage(_ request: Request) -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        // Only a page of this server may be gone back to after the login.
        let next = request.uri.queryParameters["next"].map(String.init).flatMap { $0.removingPercentEncoding }
            .flatMap { $0.hasPrefix("/city") && !$0.hasPrefix("//") ? $0 : nil } ?? PageShell.link("/city", language)
        return Reply.html(LoginPage(language: language, next: next).render())
    }

    private func login(_ request: Request, _ context: ServeContext) async -> Response {
        guard let language = Self.requestedLanguage(request), let access = settings.cityAccess else { return badLanguage(api: true) }
        let read: [String: Any]
        switch await object(request, language, allowed: ["name", "secret"]) {
        case .success(let object): read = object
        case .failure(let refused): return refused.response
        }
        guard let name = read["name"] as? String, let secret = read["secret"] as? String else {
            return Reply.failure(.badRequest, Refusal.badBody, language, api: true, reason: "body")
        }
        let client = client(request, context)
        let keys = ["login:" + name.lowercased(), "client:" + client]
        if let wait = await settings.throttle.retryAfter(keys) {
            return Reply.failure(.tooManyRequests, Refusal.tooManyTries(wait), language, api: true, reason: "throttled", retryAfter: wait)
        }
        guard let token = await access.login(name: name, secret: secret) else {
            await settings.throttle.failed(keys)
            return Reply.failure(.forbidden, Refusal.login, language, api: true, reason: "secret")
        }
        settings.log.record("login", "accepted", [("name", name), ("client", client)])
        var response = Reply.json(.object([("ok", .bool(true))]))
        response.headers[.setCookie] = access.cookie(token, secure: settings.exposure.secure)
        return response
    }

    private func logout(_ request: Request) async -> Response {
        let language = Self.requestedLanguage(request) ?? .vi
        guard let access = settings.cityAccess else { return Reply.redirect(to: PageShell.link("/", language)) }
        await access.logout(CityAccess.token(in: request.headers[values: .cookie].joined(separator: "; ")))
        var response = Reply.redirect(to: PageShell.link("/", language))
        response.headers[.setCookie] = access.cookie(nil, secure: settings.exposure.secure)
        return response
    }

    // MARK: Submissions

    private func submit(_ request: Request, _ context: ServeContext) async -> Response {
        guard let desk = settings.submissions else { return Reply.failure(.notFound, Refusal.unknownUnit, .vi, api: true) }
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        guard let token = form.token, !token.isEmpty else { return Reply.failure(.unauthorized, Refusal.missingToken, language, api: true, reason: "no-secret") }
        // The code as the form reads it (quotes and spaces a person typed around it are not part of it).
        let code: String
        if case .value(let value) = AnswerReader(schema: schema, language: form.typedIn ?? language).read(form.answers[schema.codeField] ?? "", path: schema.codeField) {
            code = value.display
        } else {
            code = ""
        }
        guard isUnitCode(code) else { return Reply.failure(.badRequest, Refusal.badCode(codeHint), language, api: true, reason: "code") }
        let client = client(request, context)
        let keys = ["code:" + code, "client:" + client]
        if let wait = await settings.throttle.retryAfter(keys) {
            return Reply.failure(.tooManyRequests, Refusal.tooManyTries(wait), language, api: true, reason: "throttled", retryAfter: wait)
        }
        guard desk.checkToken(token, code: code) else {
            await settings.throttle.failed(keys)
            return Reply.failure(.forbidden, Refusal.token, language, api: true, reason: "token")
        }
        let assessment = await assessment(language)
        let log = settings.log
        return await gated(language) {
            let scored = assessment.score(form.answers, typedIn: form.typedIn)
            // Nothing the unit typed is dropped on the way to the city: every question is answered first.
            guard scored.strict.isValid, scored.answers.questions.isEmpty else {
                return Reply.failure(.unprocessableContent, Refusal.invalidFacts, language, api: true,
                                     extra: [("assessment", assessment.json(scored))], reason: "invalid")
            }
            do {
                let saved = try await desk.save(scored.text, code: code, client: client)
                let name = URL(fileURLWithPath: saved.path).lastPathComponent
                log.record("submission", "accepted", [("code", code), ("file", name), ("client", client),
                                                      ("bytes", String(scored.text.utf8.count)), ("version", saved.version ?? "-")])
                let message = Localized(vi: "Đã nộp: thành phố đã nhận tệp của đơn vị \(code).", en: "Submitted: the city has your unit's file \(code).")
                // The file's name only: where the city keeps its folder is none of the unit's business.
                return Reply.json(.object([("saved", .string(name)), ("code", .string(code)), ("message", .string(message.text(language))),
                                           ("assessment", assessment.json(scored))]))
            } catch {
                return Reply.failure(.internalServerError, Refusal.saveFailed, language, api: true, reason: "save")
            }
        }
    }
}

/// A response that ends a request early, carried through a `Result`.
struct Refused: Error {
    var response: Response
    init(_ response: Response) { self.response = response }
}
