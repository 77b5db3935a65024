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
    /// A year: four digits, or two in a numeric date ("05/05/89", resolved against publication).
    case year
    /// A month: a name or abbreviation from the `months` table ("Oct."), or digits.
    case month
    /// A day of the month: digits, with or without an ordinal suffix ("7", "7th").
    case day
    /// A weekday name from the `weekdays` table.
    case weekday
    /// A day named relative to publication, from `relative_days` ("yesterday", "last night").
    case relative
    /// this / last / next… from `shifts`: shifts a `unit` ("last week", "October last year",
    /// "Tuesday next week"), a weekday ("next Monday") or a month ("Last November").
    case shift
    /// A unit from `time_units`: of a duration ("15 months"), of "N units ago", or the calendar
    /// unit a `shift` or `part` applies to ("next year", "the end of the year").
    case unit
    /// How many units ("three days ago", "70 days"); "a"/"an" when absent.
    case amount
    /// From `directions`: "ago" (backwards) or "from now" / "after today" (forwards).
    case direction
    /// earlier / later, from `period_spans`: the part of a period before or after publication
    /// ("earlier this month", "later this year").
    case span
    /// early / mid / late / the end of…, from `period_parts`.
    case part
    /// Present for "since …": an open interval from the date.
    case since
    /// The second date of an interval ("from Oct. 7 to Nov. 24", "May 1-5"): the date captures
    /// inside it describe the end, those outside it the start.
    case end
}

extension Capture {
    /// The position of the case in `allCases`: what ``CaptureMap`` indexes by, without hashing.
    @inline(__always) var index: Int {
        switch self {
        case .value: 0
        case .low: 1
        case .high: 2
        case .qualifier: 3
        case .vague: 4
        case .percent: 5
        case .numerator: 6
        case .denominator: 7
        case .fraction: 8
        case .currency: 9
        case .year: 10
        case .month: 11
        case .day: 12
        case .weekday: 13
        case .relative: 14
        case .shift: 15
        case .unit: 16
        case .amount: 17
        case .direction: 18
        case .span: 19
        case .part: 20
        case .since: 21
        case .end: 22
        }
    }
}

/// The group numbers of each ``Capture`` in one compiled rule, looked up once at load time so
/// that the hot path never hashes a group name. A name may stand for several groups (rules are
/// compiled with duplicate names allowed, one per alternative).
struct CaptureMap: Sendable {
    private var numbers: [[Int]]

    init(_ pattern: Pattern) {
        precondition(Capture.allCases.enumerated().allSatisfy { $0.offset == $0.element.index }, "Capture.index out of step with allCases")
        numbers = Capture.allCases.map { pattern.namedGroups[$0.rawValue] ?? [] }
    }

    /// The range the capture took in the matcher's last match, or `nil`.
    @inline(__always) func range(_ capture: Capture, in matcher: Matcher) -> Range<Int>? {
        for number in numbers[capture.index] {
            if let r = matcher.range(of: number) { return r }
        }
        return nil
    }

    /// The range the capture took inside `region` (when `inside`) or outside it. A rule that
    /// names a group twice, once inside an ``Capture/end`` group, tells the two dates of an
    /// interval apart this way.
    @inline(__always) func range(_ capture: Capture, in matcher: Matcher, inside: Bool, of region: Range<Int>) -> Range<Int>? {
        for number in numbers[capture.index] {
            if let r = matcher.range(of: number), region.contains(r.lowerBound) == inside { return r }
        }
        return nil
    }
}
