import Foundation

/// Why audits cannot be added into one national report. Both cases stop the roll-up (exit 2)
/// rather than be reported beside figures that would be wrong:
///
/// - a unit code in two audits: the unit would be counted twice (the same report given twice, a
///   folder and its saved report, a unit in two provinces' rosters); no rule for which one
///   counts would be right, so the person who gathered the audits chooses;
/// - different criteria: "16/16" and a criterion's pass rate mean different things under
///   different rules or prices, so the sums would mean nothing.
///
/// Audits judged on different days, or one that does not record its criteria but has the same
/// criterion ids, are added and said in the report's notes (`Rollup.Note`).
public enum RollupRefusal: Error, Sendable, Equatable {
    case sharedCodes(first: String, second: String, codes: [String])
    case differentCriteria(first: String, firstSet: CriteriaIdentity?, second: String, secondSet: CriteriaIdentity?)

    /// At most this many codes are named in the message; the count says how many more.
    static let codesShown = 5

    public var message: Localized {
        switch self {
        case .sharedCodes(let first, let second, let codes):
            let shown = codes.prefix(Self.codesShown).joined(separator: ", ")
            let more = codes.count - min(codes.count, Self.codesShown)
            return Localized(
                vi: "\(codes.count) mã đơn vị có trong cả \(first) và \(second) (\(shown)\(more > 0 ? " và \(more) mã khác" : "")): "
                    + "một đơn vị chỉ được tính một lần; bỏ một trong hai báo cáo, hoặc sửa danh sách đơn vị của tỉnh có đơn vị không thuộc về mình",
                en: "\(codes.count) unit code\(codes.count == 1 ? " is" : "s are") in both \(first) and \(second) (\(shown)\(more > 0 ? " and \(more) more" : "")): "
                    + "a unit can be counted only once; leave one of the two reports out, or correct the roster of the province that lists a unit not its own")
        case .differentCriteria(let first, let firstSet, let second, let secondSet):
            func vi(_ set: CriteriaIdentity?) -> String { set.map { "bộ tiêu chí " + $0.words.vi } ?? "không ghi bộ tiêu chí, với các tiêu chí khác" }
            func en(_ set: CriteriaIdentity?) -> String { set.map { "criteria set " + $0.words.en } ?? "no criteria set recorded, and other criteria" }
            return Localized(
                vi: "\(first) (\(vi(firstSet))) và \(second) (\(vi(secondSet))) được đánh giá theo những bộ tiêu chí khác nhau: "
                    + "không cộng chung được; đánh giá lại các tỉnh bằng cùng một bộ tiêu chí",
                en: "\(first) (\(en(firstSet))) and \(second) (\(en(secondSet))) were judged against different criteria: "
                    + "they cannot be added together; audit the provinces again with one criteria set")
        }
    }
}
