import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WardcheckCore
import WardcheckReports

/// The responses the server sends, each with its media type and caching; errors in the
/// language of the request, as JSON for the page's script and as text for a person.
enum Reply {
    static func html(_ text: String, status: HTTPResponse.Status = .ok, policy: RequestPolicy.Policy = .strict) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers[RequestPolicy.policyField] = policy.header
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: value.serialised(pretty: false))))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A facts file to save: the name is the unit's code (checked against the schema's form) or a fixed word.
    static func download(_ text: String, name: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: "application/yaml; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(name)\"",
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Why a request was refused. The API answers `{"error": {"status", "message"}}`; a page, text.
    /// `reason` is one word for the server's log (`RequestPolicy` takes it off before the answer leaves).
    static func failure(_ status: HTTPResponse.Status, _ message: Localized, _ language: Language, api: Bool,
                        extra: [(String, JSON)] = [], reason: String? = nil, retryAfter: Int? = nil) -> Response {
        var response: Response
        if api {
            response = json(.object([("error", .object([("status", .int(status.code)), ("message", .string(message.text(language)))]))] + extra), status: status)
        } else {
            response = Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: message.text(language) + "\n")))
        }
        if let reason { response.headers[RequestPolicy.reasonField] = reason }
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// A redirect to a page of this server (`Location` relative: the browser keeps the public address).
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }
}

/// The words every refusal uses, in both languages.
enum Refusal {
    static let badLanguage = Localized(vi: "tham số lang chỉ nhận vi hoặc en", en: "the lang parameter takes vi or en only")
    static func tooLarge(_ limit: Int) -> Localized {
        Localized(vi: "nội dung quá lớn (tối đa \(limit) byte)", en: "request body too large (at most \(limit) bytes)")
    }
    static func mediaType(_ expected: [String]) -> Localized {
        Localized(vi: "kiểu nội dung không được nhận; gửi \(expected.joined(separator: " hoặc "))",
                  en: "unsupported content type; send \(expected.joined(separator: " or "))")
    }
    static let crossSite = Localized(vi: "từ chối yêu cầu gửi từ trang khác", en: "refused a request sent from another site")
    static let host = Localized(vi: "tên máy chủ không được phép", en: "host name not allowed")
    static let badBody = Localized(vi: "nội dung phải là JSON dạng {\"answers\": {\"đường.dẫn\": \"giá trị\"}}, không có mục nào khác",
                                   en: "the body must be JSON of the form {\"answers\": {\"path\": \"value\"}}, with no other member")
    static func unknownPaths(_ paths: [String]) -> Localized {
        let list = paths.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
        return Localized(vi: "câu trả lời cho trường không có trong lược đồ: \(list)", en: "answers for fields the schema does not have: \(list)")
    }
    static func badCode(_ hint: Localized?) -> Localized {
        Localized(vi: "mã đơn vị không đúng dạng" + (hint.map { " (\($0.vi))" } ?? ""),
                  en: "the unit code has the wrong form" + (hint.map { " (\($0.en))" } ?? ""))
    }
    static let token = Localized(vi: "mã bí mật không đúng cho đơn vị này", en: "wrong secret for this unit")
    static let missingToken = Localized(vi: "thiếu mã bí mật của đơn vị", en: "the unit's secret is missing")
    static let invalidFacts = Localized(vi: "Chưa nộp được: còn câu hỏi cần trả lời hoặc mục bắt buộc chưa điền. Hãy hoàn tất rồi nộp lại.",
                                        en: "Not submitted yet: a question still needs an answer, or a required answer is missing. Complete them and submit again.")
    static let unknownUnit = Localized(vi: "không có đơn vị với mã này", en: "no unit with this code")
    static let internalError = Localized(vi: "lỗi máy chủ", en: "server error")
    static let transferCoding = Localized(vi: "máy chủ chỉ nhận nội dung gửi nguyên hoặc theo từng khúc (chunked)",
                                          en: "the server takes a body as it is or chunked, in no other transfer coding")
    static func tooManyTries(_ seconds: Int) -> Localized {
        Localized(vi: "thử sai quá nhiều lần; thử lại sau \(seconds) giây", en: "too many wrong tries; try again in \(seconds) seconds")
    }
    static let busy = Localized(vi: "máy chủ đang bận; thử lại sau giây lát", en: "the server is busy; try again in a moment")
    static let login = Localized(vi: "tên đăng nhập hoặc mã bí mật không đúng", en: "wrong login name or secret")
    static let cityClosed = Localized(
        vi: "Trang toàn thành phố có số liệu của mọi đơn vị nên cần đăng nhập của Văn phòng thành phố; máy chủ này chưa được cấu hình đăng nhập (--city-tokens).",
        en: "The city pages carry every unit's figures and need the city office's login; this server has none configured (--city-tokens).")
    static let saveFailed = Localized(vi: "không lưu được tệp; lần nộp không được ghi nhận, tệp trước vẫn nguyên", en: "cannot save the file; the submission is not recorded and the previous file is unchanged")
}
