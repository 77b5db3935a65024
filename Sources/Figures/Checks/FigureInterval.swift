/// The values a claim's wording allows: a closed interval `[low, high]`, compared with other
/// claims' intervals instead of their bare numbers.
///
/// The bounds come from the lexical layer (the `qualifier_bounds` table of `numbers.yaml`), which
/// sets a claim's `low` and `high`:
///
/// | as written              | qualifier       | interval                                  |
/// |-------------------------|-----------------|-------------------------------------------|
/// | `240`                   | exact           | [240, 240]                                |
/// | `1.9 million`           | exact           | [1.85M, 1.95M]: precision as written, half a unit of the last digit either way |
/// | `nearly 20,000`         | nearly          | [18,000, 20,000]                          |
/// | `about 300`             | approximately   | [270, 330]                                |
/// | `more than 34,300`      | more_than       | [34,300, ∞)                               |
/// | `at least 19`           | at_least        | [19, ∞)                                   |
/// | `less than 1,200`       | less_than       | [0, 1,200]                                |
/// | `at most 5`, `up to 5`  | at_most, up_to  | [0, 5]                                    |
/// | `2 to 3`                | range           | [2, 3]                                    |
/// | `hundreds`              | at_least        | [100, 999] (the `vague` table)            |
///
/// Bounds are inclusive: "more than 34,300" is read as [34,300, ∞) rather than (34,300, ∞), so a
/// check never fails on the edge of a strict inequality. A missing lower bound is 0 (counts are
/// never negative); a missing upper bound is unbounded.
///
/// A claim read from a claims file without bounds (its `low` and `high` equal to its value
/// although its qualifier is not exact) gets the bounds of its qualifier from the rule tables,
/// so that "more than 34,300" never becomes exactly 34,300.
public struct FigureInterval: Sendable, Hashable, CustomStringConvertible {
    /// The lowest value allowed.
    public let low: Double
    /// The highest value allowed; `.infinity` when unbounded.
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The interval a claim's wording allows; `rules` supplies the qualifier bounds when the
    /// claim carries none.
    public init(_ claim: Claim, rules: RuleBook? = nil) {
        self.init(low: claim.low, high: claim.high, value: claim.value, qualifier: claim.qualifier, rules: rules)
    }

    /// The interval of a claim's bounds, value and qualifier (the claim itself is not copied).
    init(low: Double?, high: Double?, value: Double, qualifier: Qualifier, rules: RuleBook?) {
        var low = low
        var high = high
        let unbounded = qualifier != .exact && qualifier != .range
        if unbounded, low == value, high == value,
           let bounds = rules?.numberLexicon.bounds[qualifier] {
            low = bounds.low.map { value * $0 }
            high = bounds.high.map { value * $0 }
        }
        self.init(low: max(0, low ?? 0), high: high ?? .infinity)
    }

    /// Whether some value lies in both intervals.
    public func overlaps(_ other: FigureInterval) -> Bool {
        low <= other.high && other.low <= high
    }

    /// The interval of a sum of figures: the sum of the lows to the sum of the highs.
    public static func + (a: FigureInterval, b: FigureInterval) -> FigureInterval {
        FigureInterval(low: a.low + b.low, high: a.high + b.high)
    }

    public static let zero = FigureInterval(low: 0, high: 0)

    /// `240`, `[18,000, 20,000]`, `≥ 34,300`, `≤ 1,200`.
    public var description: String {
        if high == .infinity { return "≥ " + FigureInterval.format(low) }
        if low == high { return FigureInterval.format(low) }
        if low == 0 { return "≤ " + FigureInterval.format(high) }
        return "[" + FigureInterval.format(low) + ", " + FigureInterval.format(high) + "]"
    }

    /// A number with thousands separators, and at most two decimals: `34,300`, `1,850,000`, `78.5`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        let negative = value < 0
        let magnitude = abs(value)
        var whole = magnitude.rounded(.towardZero)
        var fraction = ((magnitude - whole) * 100).rounded()
        if fraction >= 100 { whole += 1; fraction = 0 }
        var digits = Array(String(Int(whole)))
        var grouped: [Character] = []
        while digits.count > 3 {
            grouped.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        grouped.insert(contentsOf: digits, at: 0)
        var text = (negative ? "-" : "") + String(grouped)
        if fraction > 0 {
            let f = Int(fraction)
            text += f % 10 == 0 ? "." + String(f / 10) : "." + (f < 10 ? "0" : "") + String(f)
        }
        return text
    }
}
