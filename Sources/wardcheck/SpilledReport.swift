import WardcheckCore
import WardcheckReports

/// A report whose unit parts were set aside in a `SpillFile` (the audit's JSON, the check's
/// JUnit), written out and finished. A part the disk will not give back ends the run like any
/// other failure to write (one line, exit 74); parts that could not go to disk were kept in
/// memory, which the run survives but the user should hear about.
enum SpilledReport {
    static func write(to output: OutputOptions, keptInMemory: Int, language: Language, _ body: (inout StreamedOutput) throws -> Void) rethrows {
        var out = StreamedOutput(output)
        do {
            try body(&out)
        } catch let lost as SpillFile.PartLost {
            StandardStreams.fail(Localized(vi: "wardcheck: không đọc lại được phần báo cáo của \(shown(lost.file)) từ tệp tạm",
                                           en: "wardcheck: cannot read back the report part of \(shown(lost.file)) from its temporary file"))
        }
        out.finish()
        if keptInMemory > 0 {
            StandardStreams.err(language == .vi
                ? "wardcheck: cảnh báo: \(keptInMemory) phần báo cáo không ghi được ra tệp tạm (đĩa đầy hoặc không có thư mục ghi được) nên được giữ trong bộ nhớ"
                : "wardcheck: warning: \(keptInMemory) report parts could not be set aside in a temporary file (disk full or no writable folder) and were kept in memory")
        }
    }
}
