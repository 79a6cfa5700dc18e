import Foundation

/// Foundation's `Decimal` keeps every number exactly, which the criteria need (⌈0.9 × 45⌉ must be
/// 41), but it compares, divides and prints slowly: normalising two 128-bit mantissas for each
/// `<` was a tenth of an audit. Facts are small numbers (at most 1,000,000, a few decimals), so
/// most of the work fits in 64-bit integers. These shortcuts read a Decimal's exponent, sign and
/// mantissa from its storage and answer in integers when that is certainly exact; anything else
/// goes to Foundation. The storage layout is Foundation's, not a published contract, so it is
/// checked once against Foundation's own arithmetic before any shortcut is trusted.
enum DecimalShortcuts {
    /// A Decimal as sign × mantissa × 10^exponent, when its mantissa fits in 64 bits.
    struct Parts: Equatable {
        var negative: Bool
        var mantissa: UInt64
        var exponent: Int
    }

    /// Whether the storage reads as expected on this Foundation: the decoded parts of sample
    /// numbers rebuild, through Foundation's own initialiser, to the same numbers.
    static let available: Bool = {
        let samples: [Decimal] = [0, 1, 45, 12345, 70000, 1_000_000, Decimal(UInt64.max), Decimal(string: "7.5")!, Decimal(string: "-7.5")!,
                                  Decimal(string: "0.05")!, Decimal(string: "123456.789")!, Decimal(-3), Decimal(string: "0.00")!]
        for sample in samples {
            guard let parts = read(sample) else { return false }
            let rebuilt = Decimal(sign: parts.negative ? .minus : .plus, exponent: parts.exponent, significand: Decimal(parts.mantissa))
            guard rebuilt == sample, sample.isSignMinus == (parts.negative && parts.mantissa != 0) else { return false }
        }
        // Beyond 64 bits the shortcut must step aside.
        return read(Decimal(string: "123456789012345678901234567")!) == nil && read(Decimal(1) / 3) == nil
    }()

    static func parts(_ value: Decimal) -> Parts? {
        available ? read(value) : nil
    }

    /// Byte 0 is the exponent; byte 1 holds the length in 16-bit words (high nibble), the sign
    /// (0x08) and the compact flag (0x04); the mantissa follows from byte 4, little-endian words.
    private static func read(_ value: Decimal) -> Parts? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        var copy = value
        return withUnsafeBytes(of: &copy) { raw -> Parts? in
            let flags = raw[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            // Length 0 is zero, or NaN when the sign is set.
            if length == 0 { return negative ? nil : Parts(negative: false, mantissa: 0, exponent: Int(Int8(bitPattern: raw[0]))) }
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in 0..<length {
                let low = UInt64(raw[4 + 2 * word]), high = UInt64(raw[5 + 2 * word])
                mantissa |= (low | high << 8) << (16 * UInt64(word))
            }
            return Parts(negative: negative, mantissa: mantissa, exponent: Int(Int8(bitPattern: raw[0])))
        }
    }

    private static let powers: [UInt64] = (0...19).map { p in (0..<p).reduce(UInt64(1)) { r, _ in r * 10 } }

    /// `a < b`, `a == b` or `a > b` as -1, 0, 1; nil when the shortcut cannot tell exactly.
    static func compare(_ a: Decimal, _ b: Decimal) -> Int? {
        guard let x = parts(a), let y = parts(b) else { return nil }
        let xs = x.mantissa == 0 ? 0 : (x.negative ? -1 : 1)
        let ys = y.mantissa == 0 ? 0 : (y.negative ? -1 : 1)
        if xs != ys { return xs < ys ? -1 : 1 }
        if xs == 0 { return 0 }
        // Same sign: compare magnitudes at the smaller exponent.
        let low = min(x.exponent, y.exponent)
        guard let mx = scaled(x.mantissa, by: x.exponent - low), let my = scaled(y.mantissa, by: y.exponent - low) else { return nil }
        let magnitude = mx == my ? 0 : (mx < my ? -1 : 1)
        return xs > 0 ? magnitude : -magnitude
    }

    static func less(_ a: Decimal, _ b: Decimal) -> Bool { compare(a, b).map { $0 < 0 } ?? (a < b) }
    static func lessOrEqual(_ a: Decimal, _ b: Decimal) -> Bool { compare(a, b).map { $0 <= 0 } ?? (a <= b) }
    static func equal(_ a: Decimal, _ b: Decimal) -> Bool { compare(a, b).map { $0 == 0 } ?? (a == b) }

    private static func scaled(_ mantissa: UInt64, by places: Int) -> UInt64? {
        guard places >= 0, places < powers.count else { return nil }
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: powers[places])
        return overflow ? nil : product
    }

    /// The number as `NSDecimalNumber.stringValue` writes it ("45", "7.5", "-0.05", "70000").
    static func plain(_ value: Decimal) -> String? {
        guard let p = parts(value), p.exponent >= -38, p.exponent <= 38 else { return nil }
        if p.mantissa == 0 { return "0" }
        var digits = Array(String(p.mantissa).utf8)
        if p.exponent >= 0 {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: p.exponent))
        } else {
            let places = -p.exponent
            if digits.count > places {
                digits.insert(UInt8(ascii: "."), at: digits.count - places)
            } else {
                digits = Array("0.".utf8) + Array(repeating: UInt8(ascii: "0"), count: places - digits.count) + digits
            }
        }
        if p.negative { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// `a ÷ b` when both are non-negative and the quotient has a short exact decimal expansion
    /// (45 ÷ 5, 46 ÷ 5, 7 ÷ 8): the same value Foundation computes, so the same Decimal. A
    /// repeating quotient (10 ÷ 3), which Foundation rounds to 38 digits, is left to it.
    static func divide(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = parts(a), let y = parts(b), !x.negative, !y.negative, y.mantissa != 0 else { return nil }
        if x.mantissa == 0 { return nil }
        // a / b = (mx / my) × 10^(ex − ey); find the fewest decimal places k that make mx × 10^k divisible by my.
        for k in 0..<powers.count {
            guard let numerator = scaled(x.mantissa, by: k) else { return nil }
            if numerator % y.mantissa == 0 {
                let exponent = x.exponent - y.exponent - k
                guard exponent >= -100, exponent <= 100 else { return nil }
                return Decimal(sign: .plus, exponent: exponent, significand: Decimal(numerator / y.mantissa))
            }
        }
        return nil
    }

    /// `a + b`, or `a − b` when `negating`, in 64-bit integers at the smaller exponent, when
    /// nothing overflows: a subtraction such as a shortfall took Foundation about 4,600 instructions. The result is
    /// the same Decimal Foundation's arithmetic gives (exponent and significand), not only the same value.
    static func add(_ a: Decimal, _ b: Decimal, negating: Bool = false) -> Decimal? {
        guard let x = parts(a), let y = parts(b) else { return nil }
        let low = min(x.exponent, y.exponent)
        guard let mx = scaled(x.mantissa, by: x.exponent - low), let my = scaled(y.mantissa, by: y.exponent - low),
              mx <= UInt64(Int64.max), my <= UInt64(Int64.max) else { return nil }
        let sx = x.negative ? -Int64(mx) : Int64(mx)
        let sy = (y.negative != negating) ? -Int64(my) : Int64(my)
        let (sum, overflow) = sx.addingReportingOverflow(sy)
        guard !overflow, sum != Int64.min else { return nil }
        if sum == 0 { return 0 }
        guard low >= -100, low <= 100 else { return nil }
        // Foundation's initialiser compacts (750 × 10⁻² is kept as 75 × 10⁻¹), as its arithmetic does.
        return Decimal(sign: sum < 0 ? .minus : .plus, exponent: low, significand: Decimal(UInt64(sum.magnitude)))
    }

    /// A whole number as an Int, when it is one and fits.
    static func integer(_ value: Decimal) -> Int? {
        guard let p = parts(value), p.exponent >= 0, let magnitude = scaled(p.mantissa, by: p.exponent), magnitude <= UInt64(Int.max) else { return nil }
        return p.negative ? -Int(magnitude) : Int(magnitude)
    }

    /// Rounded to a whole number, up or down, when the shortcut can say exactly; a whole number
    /// comes back as it is.
    static func whole(_ value: Decimal, up: Bool) -> Decimal? {
        guard let p = parts(value) else { return nil }
        if p.exponent >= 0 || p.mantissa == 0 { return value }
        let places = -p.exponent
        guard places < powers.count else { return nil }
        var quotient = p.mantissa / powers[places]
        let exact = p.mantissa % powers[places] == 0
        // Up is towards +∞, down towards −∞, as NSDecimalRound's .up and .down.
        if !exact, up != p.negative { quotient += 1 }
        if quotient == 0 { return 0 }
        return Decimal(sign: p.negative ? .minus : .plus, exponent: 0, significand: Decimal(quotient))
    }
}
