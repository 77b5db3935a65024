/// A holiday: a day of the year with a name ("Christmas Day", "Thanksgiving", "Good Friday").
///
/// Holidays come from the `holidays` table of `dates.yaml`. A fixed holiday is a month-day and
/// resolves exactly like one ("Christmas Day" like "Dec. 25"); a movable one is worked out for
/// each year: the n-th (or last) weekday of a month (US Thanksgiving, the fourth Thursday of
/// November), or a number of days from Easter Sunday, by the Gregorian computus. Holidays of the
/// lunar calendars (Ramadan, Eid, Passover, Hanukkah) are not computed: see `dates.yaml`.
enum Holiday: Sendable, Hashable {
    /// The same month-day every year: `{month: 12, day: 25}`.
    case fixed(month: Int, day: Int)
    /// The `nth` `weekday` (ISO, 1 = Monday) of `month`, or the last when `nth` is -1, and
    /// `offset` days after it: `{month: 11, weekday: 4, nth: 4}` (Thanksgiving), `{month: 11,
    /// weekday: 4, nth: 4, offset: 1}` (the day after it).
    case weekdayOfMonth(month: Int, weekday: Int, nth: Int, offset: Int)
    /// `offset` days after Easter Sunday (before it when negative): `{easter: -2}`.
    case easter(offset: Int)

    /// The holiday's day in `year`.
    func day(in year: Int) -> Day? {
        switch self {
        case .fixed(let month, let day):
            return Day(year: year, month: month, day: day)
        case .weekdayOfMonth(let month, let weekday, let nth, let offset):
            guard let first = Day(year: year, month: month, day: 1) else { return nil }
            if nth < 0 { return first.endOfMonth.nearest(weekday: weekday, .onOrBefore).adding(days: offset) }
            let day = first.nearest(weekday: weekday, .onOrAfter).adding(days: 7 * (nth - 1))
            return day.month == month ? day.adding(days: offset) : nil
        case .easter(let offset):
            return Holiday.easterSunday(year).adding(days: offset)
        }
    }

    /// The nearest day of the holiday on or before (or after, or strictly before or after) `p`.
    func nearest(to p: Day, _ direction: Day.Direction) -> Day? {
        let years = direction.isForward ? [p.year, p.year + 1] : [p.year, p.year - 1]
        for year in years {
            guard let d = day(in: year) else { continue }
            switch direction {
            case .onOrBefore where d <= p, .before where d < p, .onOrAfter where d >= p, .after where d > p: return d
            default: continue
            }
        }
        return nil
    }

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm of
    /// Meeus, Jones and Butcher).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }
}
