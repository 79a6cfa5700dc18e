import YAMLTree

/// What a valid facts file is checked against beyond its own schema: the calendar (facts cannot
/// describe the future, nor a day after the one they are judged on) and the city roster, whose
/// record of a unit is authoritative.
public struct FileChecks: Sendable {
    /// Today; a facts date after it is an error. Nil skips the check.
    public var today: Day?
    /// The day the facts are judged on (`--as-of`); facts dated after it are refused.
    public var judgedOn: Day?
    public var roster: Roster?

    public init(today: Day? = nil, judgedOn: Day? = nil, roster: Roster? = nil) {
        self.today = today
        self.judgedOn = judgedOn
        self.roster = roster
    }

    func apply(to facts: inout Facts, schema: FactsSchema, sink: DiagnosticSink) {
        checkCalendar(facts, schema: schema, sink: sink)
        if let roster, let code = facts.code, let unit = roster.unit(code) {
            applyRoster(unit, roster: roster, schema: schema, to: &facts, sink: sink)
        }
    }

    private func checkCalendar(_ facts: Facts, schema: FactsSchema, sink: DiagnosticSink) {
        guard let asOf = facts.asOf, let written = facts[schema.referenceDate] else { return }
        let key = schema.referenceDate
        if let today, asOf > today {
            sink.error(.factsFromTheFuture, at: written.start, end: written.end, Localized(
                vi: "số liệu từ tương lai: \(key) \(asOf) sau hôm nay (\(today))",
                en: "facts from the future: \(key) \(asOf) is after today (\(today))"),
                hint: Localized(vi: "ghi ngày đã thu thập số liệu, không muộn hơn \(today)",
                                en: "write the day the facts were gathered, no later than \(today)"),
                plain: Localized(vi: "Ngày số liệu \(asOf.written(.vi)) chưa đến: hôm nay là \(today.written(.vi))",
                                 en: "The facts date, \(asOf.written(.en)), has not come yet: today is \(today.written(.en))"))
        } else if let judgedOn, asOf > judgedOn {
            sink.error(.factsAfterEvaluationDay, at: written.start, end: written.end, Localized(
                vi: "số liệu ngày \(asOf) muộn hơn ngày đánh giá \(judgedOn) (--as-of): không thể đánh giá số liệu chưa có vào ngày đó",
                en: "these facts are dated \(asOf), after the evaluation day \(judgedOn) (--as-of): facts cannot be judged on a day before they existed"),
                hint: Localized(vi: "chọn --as-of từ \(asOf) trở đi, hoặc dùng tệp số liệu cũ hơn",
                                en: "choose --as-of \(asOf) or later, or use an older facts file"),
                plain: Localized(vi: "Số liệu ngày \(asOf.written(.vi)) muộn hơn ngày đánh giá \(judgedOn.written(.vi))",
                                 en: "The facts, of \(asOf.written(.en)), are later than the day judged, \(judgedOn.written(.en))"))
        }
    }

    /// Facts the roster records are the city's: a file that says otherwise is an error, and a
    /// file that leaves one out is judged with the roster's value.
    private func applyRoster(_ unit: Roster.Unit, roster: Roster, schema: FactsSchema, to facts: inout Facts, sink: DiagnosticSink) {
        for recorded in unit.facts {
            let path = recorded.path
            if let written = facts[path] {
                guard written.value != recorded.value else { continue }
                sink.error(.rosterContradiction, at: written.start, end: written.end, Localized(
                    vi: "\(path): tệp ghi `\(written.value.display)`, danh sách đơn vị của thành phố (\(roster.file):\(recorded.start.line)) ghi `\(recorded.value.display)`",
                    en: "\(path): the file says `\(written.value.display)`, the city roster (\(roster.file):\(recorded.start.line)) says `\(recorded.value.display)`"),
                    hint: Localized(vi: "danh sách là căn cứ: viết `\(recorded.value.display)`, hoặc đề nghị Văn phòng sửa danh sách",
                                    en: "the roster is authoritative: write `\(recorded.value.display)`, or ask the city office to correct the roster"),
                    plain: PlainProblems(schema: schema).contradiction(path, written: written.value, recorded: recorded.value))
            } else {
                facts.values[path] = Located(recorded.value, start: .start, end: .start)
                facts.supplied.insert(path)
            }
        }
    }
}
