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
/// | POST | `/api/evaluate` | answers (JSON) → scorecard, diagnostics at their fields |
/// | POST | `/api/yaml` | answers (JSON) → the facts file to download |
/// | POST | `/api/upload` | a facts file (YAML) → its answers, scorecard and diagnostics |
/// | GET | `/city`, `/city/unit/CODE` | the audit of the city's folder, and one unit's scorecard (with `--wards`) |
/// | POST | `/api/submit` | answers and the unit's secret → the unit's file saved (with `--accept-submissions`) |
///
/// Every page takes `?lang=vi` (the default) or `?lang=en`.
struct Routes: Sendable {
    let settings: ServerSettings

    private var criteria: CriteriaSet { settings.criteria }
    private var schema: FactsSchema { settings.criteria.schema }

    func register(on router: Router<ServeContext>) {
        router.get("/") { request, _ in await assessmentPage(request) }
        router.get(RouterPath(Assets.scriptPath)) { _, _ in Reply.asset(Assets.script, type: "text/javascript; charset=utf-8") }
        router.get(RouterPath(Assets.stylePath)) { _, _ in Reply.asset(Assets.style, type: "text/css; charset=utf-8") }
        router.post("/api/evaluate") { request, _ in await evaluate(request) }
        router.post("/api/yaml") { request, _ in await download(request) }
        router.post("/api/upload") { request, _ in await upload(request) }
        if settings.city.folder != nil {
            router.get("/city") { request, _ in await cityPage(request) }
            router.get("/city/unit/:code") { request, context in await unitPage(request, code: context.parameters.get("code") ?? "") }
        }
        if settings.submissions != nil {
            router.post("/api/submit") { request, context in await submit(request, remote: context.remoteAddress) }
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
            return .failure(Refused(Reply.failure(.unsupportedMediaType, Refusal.mediaType(types), language, api: true)))
        }
        let limit = settings.bodyLimit
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return .failure(Refused(Reply.failure(.contentTooLarge, Refusal.tooLarge(limit), language, api: true)))
        }
        do {
            return .success(try await request.body.collect(upTo: limit))
        } catch {
            return .failure(Refused(Reply.failure(.contentTooLarge, Refusal.tooLarge(limit), language, api: true)))
        }
    }

    /// A form's answers as JSON: `{"answers": {"path": "text", …}, "token": "…"}`.
    private struct FormBody: Decodable {
        var answers: [String: String]
        var token: String?
    }

    private func answers(_ request: Request, _ language: Language) async -> Result<FormBody, Refused> {
        let buffer: ByteBuffer
        switch await body(request, types: Self.jsonTypes, language) {
        case .success(let read): buffer = read
        case .failure(let refused): return .failure(refused)
        }
        guard let form = try? JSONDecoder().decode(FormBody.self, from: Data(buffer.readableBytesView)) else {
            return .failure(Refused(Reply.failure(.badRequest, Refusal.badBody, language, api: true)))
        }
        let unknown = Answers(schema: schema).unknownPaths(form.answers)
        guard unknown.isEmpty else {
            return .failure(Refused(Reply.failure(.badRequest, Refusal.unknownPaths(unknown), language, api: true)))
        }
        return .success(form)
    }

    private func assessment(_ language: Language) async -> Assessment {
        Assessment(criteria: criteria, evaluator: await settings.city.evaluator(), language: language)
    }

    private func badLanguage(api: Bool) -> Response {
        Reply.failure(.badRequest, Refusal.badLanguage, .vi, api: api)
    }

    // MARK: Self-assessment

    private func assessmentPage(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        let page = AssessmentPage(criteria: criteria, roster: await settings.city.companions().roster, language: language,
                                  hasCity: settings.city.folder != nil, acceptsSubmissions: settings.submissions != nil, today: Day.today())
        return Reply.html(page.render())
    }

    private func evaluate(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        let assessment = await assessment(language)
        let text = FactsTemplate(schema: schema).render(answers: form.answers, language: language)
        let checked = assessment.check(text, file: assessment.fileName(code: form.answers[schema.codeField]))
        return Reply.json(assessment.json(checked))
    }

    private func download(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        let text = FactsTemplate(schema: schema).render(answers: form.answers, language: language)
        let name = Assessment.fileName(code: form.answers[schema.codeField], schema: schema, language: language)
        return Reply.download(text, name: name)
    }

    private func upload(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let buffer: ByteBuffer
        switch await body(request, types: Self.yamlTypes, language) {
        case .success(let read): buffer = read
        case .failure(let refused): return refused.response
        }
        let assessment = await assessment(language)
        let bytes = Array(buffer.readableBytesView)
        // The name to check it under comes from the file's own code once it is read.
        var checked = assessment.check(bytes: bytes, file: assessment.fileName(code: nil))
        if let code = checked.file.code {
            checked = assessment.check(bytes: bytes, file: assessment.fileName(code: code))
        }
        let values = Answers(schema: schema).values(in: checked.file.tree)
        return Reply.json(assessment.json(checked, answers: values))
    }

    // MARK: City

    private func cityPage(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        let companions = await settings.city.companions()
        guard companions.usable else { return companionsBroken(companions, language) }
        let page = await settings.city.cityPage(language) { audit in
            AuditHTML.render(audit, language: language, unitLink: { PageShell.link("/city/unit/" + $0, language) })
        }
        return Reply.html(page ?? "", policy: .inlineStyles)
    }

    private func unitPage(_ request: Request, code: String) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        guard isUnitCode(code) else {
            return Reply.failure(.badRequest, Refusal.badCode(codeHint), language, api: false)
        }
        let companions = await settings.city.companions()
        guard companions.usable else { return companionsBroken(companions, language) }
        guard let reading = await settings.city.reading() else { return Reply.failure(.notFound, Refusal.unknownUnit, language, api: false) }
        let files = reading.files[code] ?? []
        let rostered = companions.roster?.unit(code)
        guard !files.isEmpty || rostered != nil else { return Reply.failure(.notFound, Refusal.unknownUnit, language, api: false) }
        // Judged as the city page judges it: on today, with the roster and the waivers.
        let evaluator = await settings.city.cityEvaluator()
        let page = UnitPage(criteria: criteria, language: language, code: code, rosterName: rostered?.name, files: files,
                            report: files.first.map { UnitReport.check(path: $0, evaluator: evaluator) })
        return Reply.html(page.render())
    }

    private func companionsBroken(_ companions: CityFiles.Companions, _ language: Language) -> Response {
        let lines = companions.diagnostics.map { DiagnosticText.render($0, language: language) }.joined(separator: "\n")
        return Reply.failure(.serviceUnavailable, Localized(vi: "không đọc được danh sách đơn vị hoặc tệp miễn trừ:\n\n" + lines,
                                                            en: "cannot read the roster or the waivers:\n\n" + lines), language, api: false)
    }

    private var codeHint: Localized? {
        if case .code(_, let hint)? = schema.field(schema.codeField)?.type { return hint }
        return nil
    }

    /// Whether text is a unit code of the schema's form: the only thing a path or body may name a
    /// unit by, so no `/`, `..` or other path character can reach a file name.
    func isUnitCode(_ text: String) -> Bool {
        guard case .code(let pattern, _)? = schema.field(schema.codeField)?.type, let regex = try? Regex(pattern) else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    // MARK: Submissions

    private func submit(_ request: Request, remote: String?) async -> Response {
        guard let desk = settings.submissions else { return Reply.failure(.notFound, Refusal.unknownUnit, .vi, api: true) }
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        guard let token = form.token, !token.isEmpty else { return Reply.failure(.unauthorized, Refusal.missingToken, language, api: true) }
        let code = (form.answers[schema.codeField] ?? "").precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isUnitCode(code) else { return Reply.failure(.badRequest, Refusal.badCode(codeHint), language, api: true) }
        guard desk.checkToken(token, code: code, remote: remote) else { return Reply.failure(.forbidden, Refusal.token, language, api: true) }

        let assessment = await assessment(language)
        let text = FactsTemplate(schema: schema).render(answers: form.answers, language: language)
        let checked = assessment.check(text, file: assessment.fileName(code: code))
        guard checked.report.isValid else {
            return Reply.failure(.unprocessableContent, Refusal.invalidFacts, language, api: true, extra: [("assessment", assessment.json(checked))])
        }
        do {
            let saved = try await desk.save(text, code: code, remote: remote)
            let message = Localized(vi: "Đã nộp: thành phố đã nhận tệp của đơn vị \(code).", en: "Submitted: the city has your unit's file \(code).")
            // The file's name only: where the city keeps its folder is none of the unit's business.
            return Reply.json(.object([("saved", .string(URL(fileURLWithPath: saved).lastPathComponent)), ("code", .string(code)), ("message", .string(message.text(language))),
                                       ("assessment", assessment.json(checked))]))
        } catch {
            return Reply.failure(.internalServerError, Localized(vi: "không lưu được tệp", en: "cannot save the file"), language, api: true)
        }
    }
}

/// A response that ends a request early, carried through a `Result`.
struct Refused: Error {
    var response: Response
    init(_ response: Response) { self.response = response }
}
