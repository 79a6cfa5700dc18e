/// Whole đồng. Inputs are bounded (quantities ≤ 1,000,000, prices ≤ 100 billion), so one remedy's
/// cost always fits; a national total adds many of them. Products and sums saturate instead of
/// trapping, and `overflows` tells when they did, so a report can say its total is not exact
/// rather than print a wrong figure.
public enum Money {
    public static func times(_ price: Int, _ quantity: Int) -> Int {
        let (product, overflow) = price.multipliedReportingOverflow(by: quantity)
        return overflow ? Int.max : product
    }

    public static func sum<S: Sequence>(_ amounts: S) -> Int where S.Element == Int {
        amounts.reduce(0) { total, amount in
            let (sum, overflow) = total.addingReportingOverflow(amount)
            return overflow ? Int.max : sum
        }
    }

    /// Whether `times(price, quantity)` saturated.
    public static func overflows(_ price: Int, _ quantity: Int) -> Bool {
        price.multipliedReportingOverflow(by: quantity).overflow
    }

    /// Whether `sum(amounts)` saturated (or an amount was already saturated).
    public static func overflows<S: Sequence>(_ amounts: S) -> Bool where S.Element == Int {
        var total = 0
        for amount in amounts {
            if amount == Int.max { return true }
            let (sum, overflow) = total.addingReportingOverflow(amount)
            if overflow { return true }
            total = sum
        }
        return false
    }
}
