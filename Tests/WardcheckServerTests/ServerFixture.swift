import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import WardcheckCore
import WardcheckServer
import XCTest

/// The repository's criteria and sample city, a server built on them, and requests to it.
enum ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let criteriaFolder = root.appendingPathComponent("criteria").path
    static let wards = root.appendingPathComponent("wards")

    static func criteria() throws -> CriteriaSet {
        let (set, diagnostics) = CriteriaSet.load(folder: criteriaFolder)
        guard let set else {
            XCTFail("criteria: " + diagnostics.map { $0.message.en }.joined(separator: "; "))
            throw CocoaError(.fileReadCorruptFile)
        }
        return set
    }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardcheck-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A copy of the sample city (roster, waivers, 88 submissions) the test may change.
    static func cityCopy(_ test: XCTestCase) throws -> URL {
        let folder = try temporaryFolder(test).appendingPathComponent("wards")
        try FileManager.default.copyItem(at: wards, to: folder)
        return folder
    }

    /// Every file under a folder with its bytes: what "the server wrote nothing" is checked against.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                out[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    /// The day the sample city is judged on in tests: its latest facts date, so figures do not drift with the calendar.
    static let cityDay = Day(iso: "2026-11-15")!

    static func settings(wards: URL? = nil, submissions: SubmissionDesk? = nil, bodyLimit: Int = 1 << 20, asOf: Day? = cityDay,
                         host: String = "127.0.0.1", publicURL: URL? = nil, cityAccess: CityAccess? = nil,
                         limits: ConnectionLimits = ConnectionLimits(), gate: EvaluationGate? = nil, throttle: Throttle = Throttle(),
                         log: ServerLog = ServerLog()) throws -> ServerSettings {
        let set = try criteria()
        return ServerSettings(criteria: set, city: CityFiles(criteria: set, folder: wards?.path, asOf: asOf), submissions: submissions,
                              host: host, bodyLimit: bodyLimit, publicURL: publicURL, cityAccess: cityAccess, limits: limits,
                              gate: gate, throttle: throttle, log: log)
    }

    static func app(_ settings: ServerSettings) -> some ApplicationProtocol {
        buildApplication(settings)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object; a failed test when it is not one.
    func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let data = Data(text.utf8)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            XCTFail("not a JSON object: \(text.prefix(200))", file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        return object
    }

    func header(_ name: String) -> String? {
        head.headerFields[HTTPField.Name(name)!]
    }
}

extension TestClientProtocol {
    /// POSTs JSON as the page's script does.
    @discardableResult
    func post(_ uri: String, json: Any, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        let data = try JSONSerialization.data(withJSONObject: json)
        return try await execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(bytes: data))
    }

    /// POSTs the page's answers.
    @discardableResult
    func post(_ uri: String, answers: [String: String], token: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var body: [String: Any] = ["answers": answers]
        if let token { body["token"] = token }
        return try await post(uri, json: body, headers: headers)
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }
}

/// Answers of a ward that meets all 16 criteria (the shared ready-ward fixture, as a form sends it).
enum Answers16 {
    static let ready: [String: String] = [
        "format": "1",
        "unit.code": "99001", "unit.name": "Phường Thử Nghiệm", "unit.type": "ward", "unit.terrain": "lowland", "unit.villages": "8",
        "as_of": "2025-07-05",
        "network.internet.fibre": "true", "network.internet.download_mbps": "300", "network.internet.upload_mbps": "100",
        "network.backup_link": "4g", "network.data_network.connected": "true", "network.lan.all_offices": "true",
        "network.wifi.service_counter": "true", "network.mobile.headquarters_4g": "true", "network.mobile.villages_without_signal": "0",
        "network.video_conference.endpoint": "true", "network.video_conference.last_test": "2025-07-01",
        "power.generator.present": "true", "power.generator.capacity_kva": "10", "power.generator.fuel_hours": "24",
        "power.generator.last_test": "2025-06-20", "power.ups.present": "true", "power.ups.runtime_minutes": "30",
        "equipment.computers.working": "45", "equipment.service_counter.desks": "4", "equipment.service_counter.scanners": "4",
        "equipment.printers.working": "10",
        "staffing.officials": "45", "staffing.it_officer": "true", "staffing.digital_signatures.personal": "45",
        "staffing.digital_signatures.organisation": "true", "staffing.trained": "45", "staffing.community_digital_team.villages_covered": "8",
        "systems.document_accounts": "45", "systems.procedure_accounts": "20", "systems.email_accounts": "45",
        "security.protected_computers": "45", "security.firewall": "true",
    ]

    static func with(_ changes: [String: String?]) -> [String: String] {
        var out = ready
        for (key, value) in changes { out[key] = value }
        return out
    }
}

/// The outcome of each criterion in an assessment answer, by id.
func outcomes(_ json: [String: Any]) -> [String: String] {
    let criteria = json["criteria"] as? [[String: Any]] ?? []
    return Dictionary(uniqueKeysWithValues: criteria.compactMap { c in
        (c["id"] as? String).map { ($0, c["outcome"] as? String ?? "?") }
    })
}

func remedies(_ json: [String: Any]) -> [[String: Any]] {
    json["remedies"] as? [[String: Any]] ?? []
}

/// The questions an assessment asks, by field.
func questions(_ json: [String: Any]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: (json["questions"] as? [[String: Any]] ?? []).compactMap { q in
        (q["field"] as? String).map { ($0, q["text"] as? String ?? "") }
    })
}

/// A page's HTML with its no-break spaces written as spaces, to compare with the sentences it shows.
func readable(_ html: String) -> String {
    html.replacingOccurrences(of: "&#160;", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
}

func diagnostics(_ json: [String: Any]) -> [(field: String, code: String, message: String, hint: String?)] {
    (json["diagnostics"] as? [[String: Any]] ?? []).map {
        ($0["field"] as? String ?? "?", $0["code"] as? String ?? "?", $0["message"] as? String ?? "", $0["hint"] as? String)
    }
}
