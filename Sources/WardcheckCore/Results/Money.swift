/// Whole đồng. Inputs are bounded (counts ≤ 1,000,000, prices ≤ 100 billion), but a national
/// total adds thousands of units, so products and sums saturate instead of trapping.
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
}
