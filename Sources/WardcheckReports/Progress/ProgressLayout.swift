import WardcheckCore

/// Wording shared by the diff and history renderers: signed changes, outcome words, code lists.
/// Presentation only; every figure comes from the model.
enum ProgressLayout {
    /// "+3", "-2", "0".
    static func signed(_ n: Int, _ language: Language) -> String {
        n > 0 ? "+" + NumberText.grouped(n, language) : NumberText.grouped(n, language)
    }

    static func signedMoney(_ n: Int, _ language: Language) -> String {
        signed(n, language) + " ₫"
    }

    /// "+0,4" in Vietnamese, "+0.4" in English; a change that rounds to nothing is "0,0".
    static func signedDecimal(_ value: Double, _ language: Language, places: Int = 2) -> String {
        let rounded = (value * pow10(places)).rounded() / pow10(places)
        let text = AuditLayout.decimal(abs(rounded), language, places: places)
        return rounded > 0 ? "+" + text : rounded < 0 ? "-" + text : text
    }

    private static func pow10(_ n: Int) -> Double {
        (0..<n).reduce(1.0) { a, _ in a * 10 }
    }

    /// An outcome word from an audit, in the report's language; a word this version does not know is shown as written.
    static func outcome(_ word: String?, _ language: Language) -> String {
        guard let word else { return language == .vi ? "không có" : "none" }
        return Outcome(rawValue: word)?.label.text(language) ?? word
    }

    /// The codes, cut after `limit` with how many more, so one criterion cannot fill a screen.
    static func codes(_ codes: [String], limit: Int = 12, _ language: Language) -> String {
        guard codes.count > limit else { return codes.joined(separator: ", ") }
        let more = codes.count - limit
        return codes.prefix(limit).joined(separator: ", ") + (language == .vi ? " … và \(more) đơn vị khác" : " … and \(more) more")
    }

    /// "14/16 → 16/16", or where the unit stood when it was not evaluated: "chưa nộp → 16/16".
    static func standing(_ r: AuditDiff.ReadyChange, _ language: Language) -> String {
        func side(_ presence: AuditDiff.Presence, _ passed: Int?, _ total: Int) -> String {
            presence == .evaluated ? "\(passed ?? 0)/\(total)" : presence.label.text(language)
        }
        return side(r.before, r.passedBefore, r.totalBefore) + " → " + side(r.after, r.passedAfter, r.totalAfter)
    }

    /// What a history's readings were judged on.
    static func judgedEachPeriod(_ day: Day?, _ language: Language) -> String {
        day.map { language == .vi ? "mọi kỳ đánh giá theo ngày \($0.written(.vi))" : "every reading judged as of \($0.written(.en))" }
            ?? (language == .vi ? "mỗi kỳ đánh giá theo ngày cuối kỳ" : "each reading judged as of its period's last day")
    }

    /// What an audit was judged on.
    static func judged(_ day: Day?, _ language: Language) -> String {
        day.map { language == .vi ? "đánh giá theo ngày \($0.written(.vi))" : "judged as of \($0.written(.en))" }
            ?? (language == .vi ? "đánh giá theo ngày số liệu của từng tệp" : "each file judged as of its own date")
    }
}
