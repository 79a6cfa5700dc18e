import ArgumentParser
import Foundation
import WardcheckCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Tạo tệp dữ kiện mẫu để điền / write a blank facts file for a unit to fill in.",
        discussion: """
        Mẫu được sinh từ lược đồ dữ kiện (facts.yaml trong thư mục tiêu chí): mọi trường, mỗi trường \
        một dòng chú thích. Trường để trống là "chưa báo cáo"; tệp vừa tạo đã hợp lệ.
        The template is generated from the facts schema (facts.yaml in the criteria folder): every \
        field, each with a comment. An empty field means "not reported"; the new file already validates.

        Ví dụ / example:
          wardcheck init --code 20194 --name "Phường Hòa Xuân" --type ward --terrain lowland
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Mã đơn vị hành chính / administrative unit code.")
    var code: String

    @Option(name: .long, help: "Tên đơn vị / unit name, e.g. \"Phường Hòa Xuân\".")
    var name: String

    @Option(name: .long, help: "Loại đơn vị, một giá trị lược đồ cho phép / unit type, a value the schema allows.")
    var type: String

    @Option(name: .long, help: "Địa hình, một giá trị lược đồ cho phép / terrain, a value the schema allows.")
    var terrain: String?

    @Option(name: .customLong("as-of"), help: "Ngày của số liệu YYYY-MM-DD (mặc định: hôm nay) / the facts date (default: today).")
    var asOf: AsOf?

    @Option(name: [.short, .customLong("output")], help: "Tệp cần ghi (mặc định: <mã>.yaml; `-` là đầu ra chuẩn) / file to write (default: <code>.yaml; `-` for standard output).")
    var output: String?

    @Flag(name: .long, help: "Ghi đè tệp đã có / overwrite an existing file.")
    var force = false

    func run() throws {
        let session = try Session(common)
        let language = common.lang
        let template = FactsTemplate(schema: session.criteria.schema)
        // Each option fills the identity-block enum field of the same name; the schema, not this
        // file, says which values are allowed.
        var choices: [(field: String, value: String)] = [("type", type)]
        if let terrain { choices.append(("terrain", terrain)) }

        let values: [String: FactValue]
        switch template.values(code: code, name: name, choices: choices, asOf: asOf?.day ?? Day.today()) {
        case .success(let filled):
            values = filled
        case .failure(let rejections):
            for rejection in rejections.all {
                var text = "wardcheck init: " + rejection.message.text(language)
                if let hint = rejection.hint { text += "\n  = " + (language == .vi ? "gợi ý" : "hint") + ": " + hint.text(language) }
                printError(text)
            }
            throw ExitCode.validationFailure
        }
        let target = output ?? "\(code).yaml"
        let folder = target == "-" ? "." : URL(fileURLWithPath: target).deletingLastPathComponent().path
        let modeline = SchemaModeline.line(forFileIn: folder, criteriaFolder: try common.criteriaFolder)
        if !FileManager.default.fileExists(atPath: modeline.schema) {
            printError(language == .vi
                ? "wardcheck init: chưa có lược đồ cho trình soạn thảo \(modeline.schema); tạo bằng: wardcheck schema -o \(modeline.schema)"
                : "wardcheck init: the editor schema \(modeline.schema) is missing; write it with: wardcheck schema -o \(modeline.schema)")
        }
        // The editor reads the schema line only among the comments before the first key, so it goes first.
        let text = modeline.text + template.render(values, language: language)
        // The promise that a new file validates is checked, not assumed: what validate would
        // report about this very text stops init before anything is written.
        let problems = template.problems(in: text, path: target, checks: FileChecks(today: Day.today())).filter(\.isError)
        guard problems.isEmpty else {
            for d in problems {
                var line = "wardcheck init: " + d.message.text(language)
                if let hint = d.hint { line += "\n  = " + (language == .vi ? "gợi ý" : "hint") + ": " + hint.text(language) }
                printError(line)
            }
            throw ExitCode.validationFailure
        }

        if target == "-" {
            StandardStreams.out(text)
            return
        }
        try InputFiles.refuse(target, among: [], criteria: session.criteria.folder, language: language)
        if FileManager.default.fileExists(atPath: target), !force {
            printError(language == .vi
                ? "wardcheck init: tệp \(shown(target)) đã có; không ghi đè. Dùng --force để ghi đè, hoặc -o để chọn tệp khác."
                : "wardcheck init: \(shown(target)) already exists; not overwriting it. Use --force to overwrite, or -o to pick another file.")
            throw ExitCode(ExitStatus.invalidInput)
        }
        do {
            try AtomicFile.write(text, to: target)
        } catch {
            StandardStreams.fail(error.message.map { "wardcheck: " + $0 })
        }
        StandardStreams.out(language == .vi
            ? "Đã tạo \(shown(target)). Điền số liệu rồi chạy: wardcheck validate \(shown(target))\n"
            : "Wrote \(shown(target)). Fill it in, then run: wardcheck validate \(shown(target))\n")
    }
}
