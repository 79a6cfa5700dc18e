import WardcheckCore
import XCTest

/// `--budget` as people type it: digits, or digits grouped by thousands with dots as Vietnamese
/// write them. Anything that could be read two ways, or is not a whole number of đồng, is refused.
final class AmountTextTests: XCTestCase {
    func testDigitsAndDottedThousandsAreRead() {
        XCTAssertEqual(AmountText.parse("0"), 0)
        XCTAssertEqual(AmountText.parse("1500000000"), 1_500_000_000)
        XCTAssertEqual(AmountText.parse("1.500.000.000"), 1_500_000_000)
        XCTAssertEqual(AmountText.parse("15.000"), 15_000)
        XCTAssertEqual(AmountText.parse("999"), 999)
    }

    func testAnythingElseIsRefused() {
        for text in ["", "-1", "+1", "1,5", "1,500,000", "1.5", "1.50.000", "1.5000", "1500.000.", ".500", "1..000",
                     "1 500 000", "1e9", "007", "0.000", "1.500.000 ₫", "١٢٣", "99999999999999999999", "1000.000"] {
            XCTAssertNil(AmountText.parse(text), text)
        }
    }
}
