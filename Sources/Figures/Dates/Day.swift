/// A calendar day in the proleptic Gregorian calendar, with the arithmetic date resolution needs.
///
/// `Day` is independent of time zones and of Foundation's `Calendar`: news dates are days.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day; returns `nil` when the month or day is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `ordinal` days after 1970-01-01 (negative before it).
    public init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7 // 1970-01-01 was a Thursday (3 when Monday is 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// The first day of the month `n` months later, as (year, month).
    public func monthAdding(_ n: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + n
        return (index >= 0 ? index / 12 : (index - 11) / 12, ((index % 12) + 12) % 12 + 1)
    }

    /// The Monday of this day's ISO week.
    public var startOfWeek: Day { adding(days: 1 - weekday) }

    /// The Sunday of this day's ISO week.
    public var endOfWeek: Day { adding(days: 7 - weekday) }

    /// The last day of this day's month.
    public var endOfMonth: Day { Day(unchecked: year, month, Day.daysIn(month: month, year: year)) }

    /// The nearest day with ISO weekday `weekday` (1 = Monday … 7 = Sunday): on or before this
    /// day, or strictly before, on or after, strictly after it.
    public func nearest(weekday target: Int, _ direction: Direction) -> Day {
        let back = (weekday - target + 7) % 7   // days back to the latest such day, 0 when today
        let ahead = (target - weekday + 7) % 7  // days ahead to the next such day, 0 when today
        switch direction {
        case .onOrBefore: return adding(days: -back)
        case .before: return adding(days: -(back == 0 ? 7 : back))
        case .onOrAfter: return adding(days: ahead)
        case .after: return adding(days: ahead == 0 ? 7 : ahead)
        }
    }

    /// Which way to look from a day, and whether the day itself counts.
    public enum Direction: Sendable {
        case onOrBefore, before, onOrAfter, after

        /// Looking forward in time.
        public var isForward: Bool { self == .onOrAfter || self == .after }
        /// The day (or month) itself counts.
        public var isInclusive: Bool { self == .onOrBefore || self == .onOrAfter }
    }

    /// A day known to be valid (built from another valid day's parts).
    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var iso: String { Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(day, 2) }
    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
