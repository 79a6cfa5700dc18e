import ArgumentParser
import WardcheckCore
import WardcheckReports

/// How a report for people is written: `audit`, `diff`, `history`, `whatif` and the deciding
/// commands all offer the same formats, written from one document.
struct ReportFormatOptions: ParsableArguments {
    @Option(name: .long, help: "Định dạng / format: text | json | csv | markdown | html | xlsx | docx (xlsx and docx need -o FILE or a pipe).")
    var format: AuditFormat = .text

    @Option(name: .long, help: "Dấu phân cách CSV / CSV separator: , | ; | tab (default: ; with --lang vi, for Vietnamese Excel; , with --lang en).")
    var csvSeparator: CSV.Separator?
}

/// What a run over a city's folder reads besides its facts (`CityRun`): the roster, the waivers,
/// the one day every unit is judged on, and when facts are stale.
struct CityOptions: ParsableArguments {
    @Option(name: .long, help: "Danh sách đơn vị / roster file (default: DIR/roster.yaml when present).")
    var roster: String?

    @Option(name: .long, help: "Tệp miễn trừ / waivers file (default: DIR/waivers.yaml when present).")
    var waivers: String?

    @Option(name: .long, help: "Ngày đánh giá YYYY-MM-DD (mặc định: hôm nay) / the one day every unit is judged on (default: today).")
    var asOf: AsOf?

    @Option(name: .long, help: "Số liệu cũ hơn số ngày này là quá hạn / facts older than this many days are stale (default: 90).")
    var staleAfter: Int = AuditAccumulator.defaultStaleAfterDays

    func validate() throws {
        guard staleAfter >= 0 else {
            throw ValidationError("--stale-after cần một số ngày không âm, ví dụ 90 / --stale-after takes a non-negative number of days, e.g. 90")
        }
    }

    /// The run over `folder` with these companions.
    func run(_ criteria: CriteriaSet, folder: String) -> CityRun {
        CityRun(criteria: criteria, folder: folder, roster: roster, waivers: waivers, cache: CriteriaPrefetch.cache)
    }
}
