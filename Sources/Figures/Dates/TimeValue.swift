/// A day, a month or a year: the calendar unit a date expression names.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the calendar the period covers.
    public enum Granularity: Int, Sendable, Hashable, Comparable {
        case day, month, year
        public static func < (a: Granularity, b: Granularity) -> Bool { a.rawValue < b.rawValue }
    }

    /// The first day of the period.
    public let start: Day
    public let granularity: Granularity

    public init(day: Day) { start = day; granularity = .day }

    public init?(year: Int, month: Int) {
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        start = first
        granularity = .month
    }

    public init?(year: Int) {
        guard let first = Day(year: year, month: 1, day: 1) else { return nil }
        start = first
        granularity = .year
    }

    /// The last day of the period.
    public var end: Day {
        switch granularity {
        case .day: return start
        case .month: return Day(year: start.year, month: start.month, day: Day.daysIn(month: start.month, year: start.year))!
        case .year: return Day(year: start.year, month: 12, day: 31)!
        }
    }

    /// `2024-04-27`, `2023-11` or `2023`.
    public var iso: String {
        switch granularity {
        case .day: return start.iso
        case .month: return Day.pad(start.year, 4) + "-" + Day.pad(start.month, 2)
        case .year: return Day.pad(start.year, 4)
        }
    }

    public var description: String { iso }

    public static func < (a: Period, b: Period) -> Bool { (a.start, a.granularity) < (b.start, b.granularity) }
}

/// The normalized value of a date expression (TIMEX3 style).
public enum TimeValue: Sendable, Hashable, CustomStringConvertible {
    /// A day, a month or a year: `2024-04-27`, `2023-11`, `2023`.
    case point(Period)
    /// A closed interval between two periods: `2023-10-07/2024-04-27`.
    case interval(Period, Period)
    /// An interval from a start with no end given ("since October 7"): `2023-10-07/..`.
    case openInterval(Period)
    /// A length of time ("for about 70 days"): `P70D`.
    case duration(TimeLength)

    /// The kind as printed by `figures scan`.
    public var kind: String {
        switch self {
        case .point(let p):
            switch p.granularity {
            case .day: return "day"
            case .month: return "month"
            case .year: return "year"
            }
        case .interval: return "interval"
        case .openInterval: return "open_interval"
        case .duration: return "duration"
        }
    }

    /// The ISO 8601 value.
    public var iso: String {
        switch self {
        case .point(let p): return p.iso
        case .interval(let a, let b): return a.iso + "/" + b.iso
        case .openInterval(let a): return a.iso + "/.."
        case .duration(let d): return d.iso
        }
    }

    public var description: String { iso }

    /// The last day covered; `nil` for open intervals and durations.
    public var lastDay: Day? {
        switch self {
        case .point(let p): return p.end
        case .interval(_, let b): return b.end
        case .openInterval, .duration: return nil
        }
    }

    /// The first day covered, when the value is anchored in the calendar.
    public var firstDay: Day? {
        switch self {
        case .point(let p): return p.start
        case .interval(let a, _): return a.start
        case .openInterval(let a): return a.start
        case .duration: return nil
        }
    }
}

/// A unit of time, with its ISO 8601 designator.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    case second = "S", minute = "MIN", hour = "H", day = "D", week = "W", month = "M", year = "Y"

    /// The letter of the unit in an ISO 8601 duration (`M` for both minutes and months).
    public var designator: String { self == .minute ? "M" : rawValue }

    /// Seconds, minutes and hours are written after the `T` of an ISO 8601 duration.
    public var isTimeOfDay: Bool { self == .second || self == .minute || self == .hour }
}

/// A length of time as written: an amount of one unit. "18 months" stays `P18M` (not `P1Y6M`) and
/// "48 hours" stays `PT48H`.
public struct TimeLength: Sendable, Hashable, CustomStringConvertible {
    public let amount: Int
    public let unit: TimeUnit

    public init(amount: Int, unit: TimeUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// `P70D`, `PT48H`, `P1W`.
    public var iso: String { (unit.isTimeOfDay ? "PT" : "P") + String(amount) + unit.designator }
    public var description: String { iso }
}
