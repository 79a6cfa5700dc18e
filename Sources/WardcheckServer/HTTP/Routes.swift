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

    /// A form's answers as JSON: `{"answers": {"path": "text", …}, "typed_in": "vi", "token": "…"}`.
    /// `typed_in` is the language the answers were typed in, when it is not the page's (answers
    /// kept on the device from a page in the other language: `1.000` is a thousand only in Vietnamese).
    private struct FormBody: Decodable {
        var answers: [String: String]
        var token: String?
        var typedIn: String?

        enum CodingKeys: String, CodingKey {
            case answers, token
            case typedIn = "typed_in"
        }
    }

    private func answers(_ request: Request, _ language: Language) async -> Result<FormBody, Refused> {
        let buffer: ByteBuffer
        switch await body(request, types: Self.jsonTypes, language) {
        case .success(let read): buffer = read
        case .failure(let refused): return .failure(refused)
        }
        guard let form = try? JSONDecoder().decode(FormBody.self, from: Data(buffer.readableBytesView)),
              form.typedIn.map({ Language(rawValue: $0) != nil }) ?? true else {
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
        let scored = assessment.score(form.answers, typedIn: form.typedIn.flatMap(Language.init(rawValue:)))
        return Reply.json(assessment.json(scored))
    }

    /// The file the page scored: answers it could not read are left out (the page says which).
    private func download(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let form: FormBody
        switch await answers(request, language) {
        case .success(let read): form = read
        case .failure(let refused): return refused.response
        }
        let scored = await assessment(language).score(form.answers, typedIn: form.typedIn.flatMap(Language.init(rawValue:)))
        return Reply.download(scored.text, name: scored.fileName)
    }

    /// A facts file opened in the form: its values for the controls (with notes where the form read
    /// them differently from the file, questions where it could not), and the form scored with them.
    private func upload(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: true) }
        let buffer: ByteBuffer
        switch await body(request, types: Self.yamlTypes, language) {
        case .success(let read): buffer = read
        case .failure(let refused): return refused.response
        }
        let assessment = await assessment(language)
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

    // MARK: City

    private func cityPage(_ request: Request) async -> Response {
        guard let language = Self.requestedLanguage(request) else { return badLanguage(api: false) }
        let companions = await settings.city.companions()
        guard companions.usable else { return companionsBroken(companions, language) }
        let page = await settings.city.cityPage(language) { audit in
            // Contact names and phones are the units' personal data: not on a page anyone on the network can open.
            AuditHTML.render(audit, language: language, unitLink: { PageShell.link("/city/unit/" + $0, language) },
                             navigation: PageShell(language: language, hasCity: true).bar(path: "/city"), contacts: false)
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
        // The code as the form reads it (quotes and spaces a person typed around it are not part of it).
        let typedIn = form.typedIn.flatMap(Language.init(rawValue:)) ?? language
        var code = ""
        if case .value(let value) = AnswerReader(schema: schema, language: typedIn).read(form.answers[schema.codeField] ?? "", path: schema.codeField) {
            code = value.display
        }
        guard isUnitCode(code) else { return Reply.failure(.badRequest, Refusal.badCode(codeHint), language, api: true) }
        guard desk.checkToken(token, code: code, remote: remote) else { return Reply.failure(.forbidden, Refusal.token, language, api: true) }

        let assessment = await assessment(language)
        let scored = assessment.score(form.answers, typedIn: typedIn)
        // Nothing the unit typed is dropped on the way to the city: every question is answered first.
        guard scored.strict.isValid, scored.answers.questions.isEmpty else {
            return Reply.failure(.unprocessableContent, Refusal.invalidFacts, language, api: true, extra: [("assessment", assessment.json(scored))])
        }
        let text = scored.text
        do {
            let saved = try await desk.save(text, code: code, remote: remote)
            let message = Localized(vi: "Đã nộp: thành phố đã nhận tệp của đơn vị \(code).", en: "Submitted: the city has your unit's file \(code).")
            // The file's name only: where the city keeps its folder is none of the unit's business.
            return Reply.json(.object([("saved", .string(URL(fileURLWithPath: saved).lastPathComponent)), ("code", .string(code)), ("message", .string(message.text(language))),
                                       ("assessment", assessment.json(scored))]))
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
