import ArgumentParser
import Foundation
import WardcheckCore
import WardcheckReports

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Lược đồ JSON của định dạng dữ kiện / the facts format as a JSON Schema (draft 2020-12), for editors.",
        discussion: """
        Sinh từ facts.yaml trong thư mục tiêu chí. Trình soạn thảo có YAML language server (VS Code với
        tiện ích YAML của Red Hat, …) dùng lược đồ này để gợi ý và kiểm tra tệp dữ kiện khi gõ; xem
        docs/editors.md. Bản trong kho: criteria/facts.schema.json.
        Generated from facts.yaml in the criteria folder. Editors with the YAML language server (VS Code
        with Red Hat's YAML extension, …) use it to complete and check facts files as they are typed; see
        docs/editors.md. The repository's copy: criteria/facts.schema.json.

        Ví dụ / examples:
          wardcheck schema -o criteria/facts.schema.json     # sau khi sửa / after editing facts.yaml
          wardcheck schema --check criteria/facts.schema.json

        Mã thoát / exit codes: 0; 1 với --check khi tệp đã cũ / with --check, when the file is out of date.
        """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Kiểm tra tệp FILE có đúng với facts.yaml không / check that FILE matches facts.yaml.", valueName: "file"))
    var check: String?

    func run() throws {
        let session = try Session(common)
        let text = FactsJSONSchema.render(session.criteria.schema)
        guard let check else {
            output.emit(text)
            return
        }
        let vi = common.lang == .vi
        let current = FileManager.default.contents(atPath: check).map { String(decoding: $0, as: UTF8.self) }
        guard current == text else {
            let source = session.criteria.schema.file
            printError(current == nil
                ? (vi ? "wardcheck schema: không đọc được \(check)" : "wardcheck schema: cannot read \(check)")
                : (vi ? "wardcheck schema: \(check) đã cũ so với \(source); chạy: wardcheck schema -o \(check)"
                      : "wardcheck schema: \(check) is out of date with \(source); run: wardcheck schema -o \(check)"))
            throw ExitCode(ExitStatus.criteriaNotMet)
        }
        StandardStreams.out(vi ? "\(shown(check)) khớp với \(session.criteria.schema.file)\n" : "\(shown(check)) matches \(session.criteria.schema.file)\n")
    }
}
