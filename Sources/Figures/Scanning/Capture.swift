import PCRE2

/// The capture-group names that lexical rules use to hand parts of a match to the interpreters.
/// A rule may name only these groups (grammar pieces are called with `(?&name)` and do not
/// capture); the loader rejects any other name so that a typo cannot silently do nothing.
enum Capture: String, CaseIterable, Sendable {
    // Numbers
    /// A numeral: digits, words, scale words ("1.9 million", "twenty-four", "a dozen").
    case value
    /// The low and high ends of a range ("between 10 and 20").
    case low, high
    /// A qualifier phrase looked up in the `qualifiers` table ("more than", "nearly").
    case qualifier
    /// A vague amount looked up in the `vague` table ("dozens", "tens of thousands").
    case vague
    /// Present when the amount is a percentage ("%", "percent", "per cent").
    case percent
    /// "one in five": the two numerals of a ratio.
    case numerator, denominator
    /// A fraction phrase ("two-thirds", "half", "a third").
    case fraction
    /// A currency symbol or word: the amount is money.
    case currency

    // Dates
    case year, month, day, weekday
    /// A relative phrase looked up in the `relative_dates` table ("yesterday", "last month").
    case relative
    /// "three days ago": the amount and the unit (looked up in `time_units`).
    case amount, unit
    /// "ago" / "before" (backwards) or "after" / "later" / "from now" (forwards).
    case direction
    /// early / mid / late, looked up in `period_parts`.
    case part
    /// Present for "since …": an open interval from the date.
    case since
    /// Present when the wording points forward ("next", "coming", "will … on").
    case forward
    /// Present when the wording points back explicitly ("last", "past", "previous").
    case past
    /// "next week" / "last week" shifting a weekday ("Tuesday next week", "last week Sunday").
    case weekShift = "week_shift"
    /// The second date of an interval ("from October 7 to November 24").
    case dayEnd = "day_end", monthEnd = "month_end", yearEnd = "year_end"
    /// A duration ("for about 70 days", "a seven-day truce").
    case duration
}

/// The group numbers of each ``Capture`` in one compiled rule, looked up once at load time so
/// that the hot path never hashes a group name. A name may stand for several groups (rules are
/// compiled with duplicate names allowed, one per alternative).
struct CaptureMap: Sendable {
    private var numbers: [[Int]]

    init(_ pattern: Pattern) {
        numbers = Capture.allCases.map { pattern.namedGroups[$0.rawValue] ?? [] }
    }

    private static let indices: [Capture: Int] = Dictionary(uniqueKeysWithValues: Capture.allCases.enumerated().map { ($1, $0) })

    /// The range the capture took in the matcher's last match, or `nil`.
    @inline(__always) func range(_ capture: Capture, in matcher: Matcher) -> Range<Int>? {
        for number in numbers[CaptureMap.indices[capture]!] {
            if let r = matcher.range(of: number) { return r }
        }
        return nil
    }
}
