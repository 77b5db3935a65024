import Testing
@testable import Figures

/// Calendar arithmetic (``Day``, ``Period``, ``TimeLength``) and the edge cases of resolving dates
/// against a publication date.
struct DayTests {
    private static func day(_ iso: String) -> Day { Day(iso: iso)! }

    // MARK: Day

    @Test(arguments: [(2000, true), (1900, false), (2024, true), (2023, false), (2100, false), (2400, true)])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(Day.isLeap(year) == leap)
        #expect(Day.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        #expect((Day(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test func invalidDays() {
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 0, day: 1) == nil)
        #expect(Day(year: 2024, month: 1, day: 0) == nil)
        #expect(Day(iso: "2024-02-30") == nil)
        #expect(Day(iso: "24-02-03") == nil)
        #expect(Day(iso: "2024-02-03")?.description == "2024-02-03")
    }

    @Test func ordinalsRoundTrip() {
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(ordinal: -1).iso == "1969-12-31")
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
        // Consecutive days across a leap day and a year end.
        #expect(Self.day("2024-02-28").adding(days: 1).iso == "2024-02-29")
        #expect(Self.day("2024-02-29").adding(days: 1).iso == "2024-03-01")
        #expect(Self.day("2023-02-28").adding(days: 1).iso == "2023-03-01")
        #expect(Self.day("2023-12-31").adding(days: 1).iso == "2024-01-01")
        #expect(Self.day("2024-01-01").adding(days: -1).iso == "2023-12-31")
        #expect(Self.day("2024-03-01").adding(days: -366).iso == "2023-03-01")
    }

    @Test(arguments: [("1970-01-01", 4), ("2000-01-01", 6), ("2024-04-27", 6), ("2024-04-22", 1), ("2025-07-13", 7), ("2024-02-29", 4), ("1900-01-01", 1)])
    func weekdays(_ iso: String, _ weekday: Int) {
        #expect(Self.day(iso).weekday == weekday)
    }

    @Test(arguments: [
        ("2024-04-27", "2024-04-22", "2024-04-28"),
        ("2024-04-22", "2024-04-22", "2024-04-28"), // a Monday starts its own week
        ("2025-07-13", "2025-07-07", "2025-07-13"), // a Sunday ends it
        ("2024-01-03", "2024-01-01", "2024-01-07"),
        ("2023-01-01", "2022-12-26", "2023-01-01"), // the week runs across the year end
        ("2024-03-01", "2024-02-26", "2024-03-03"),
    ])
    func weekStarts(_ iso: String, _ monday: String, _ sunday: String) {
        #expect(Self.day(iso).startOfWeek.iso == monday)
        #expect(Self.day(iso).endOfWeek.iso == sunday)
    }

    @Test(arguments: [
        ("2024-01-15", -1, 2023, 12), ("2023-12-20", 1, 2024, 1), ("2024-04-27", -13, 2023, 3),
        ("2024-04-27", 25, 2026, 5), ("2024-01-31", -12, 2023, 1), ("2024-04-27", 0, 2024, 4), ("0001-01-01", -1, 0, 12),
    ])
    func monthShifts(_ iso: String, _ n: Int, _ year: Int, _ month: Int) {
        let (y, m) = Self.day(iso).monthAdding(n)
        #expect(y == year && m == month)
    }

    @Test func monthEnds() {
        #expect(Self.day("2024-02-10").endOfMonth.iso == "2024-02-29")
        #expect(Self.day("2023-02-10").endOfMonth.iso == "2023-02-28")
        #expect(Self.day("2024-04-30").endOfMonth.iso == "2024-04-30")
        #expect(Self.day("2024-12-01").endOfMonth.iso == "2024-12-31")
    }

    /// From Saturday 2024-04-27, the Saturday and the Friday in every direction.
    @Test func nearestWeekday() {
        let saturday = Self.day("2024-04-27")
        #expect(saturday.nearest(weekday: 6, .onOrBefore).iso == "2024-04-27")
        #expect(saturday.nearest(weekday: 6, .before).iso == "2024-04-20")
        #expect(saturday.nearest(weekday: 6, .onOrAfter).iso == "2024-04-27")
        #expect(saturday.nearest(weekday: 6, .after).iso == "2024-05-04")
        #expect(saturday.nearest(weekday: 5, .onOrBefore).iso == "2024-04-26")
        #expect(saturday.nearest(weekday: 5, .before).iso == "2024-04-26")
        #expect(saturday.nearest(weekday: 5, .onOrAfter).iso == "2024-05-03")
        #expect(saturday.nearest(weekday: 7, .after).iso == "2024-04-28")
        #expect(Self.day("2023-12-31").nearest(weekday: 1, .after).iso == "2024-01-01")
    }

    @Test func periodsAndLengths() {
        #expect(Period(year: 2024, month: 2)!.end.iso == "2024-02-29")
        #expect(Period(year: 2024, month: 2)!.iso == "2024-02")
        #expect(Period(year: 2023)!.end.iso == "2023-12-31")
        #expect(Period(year: 2023, month: 13) == nil)
        #expect(TimeValue.interval(Period(day: Self.day("2024-04-22")), Period(day: Self.day("2024-04-28"))).iso == "2024-04-22/2024-04-28")
        #expect(TimeValue.openInterval(Period(year: 2011)!).iso == "2011/..")
        #expect(TimeValue.openInterval(Period(year: 2011)!).kind == "open_interval")
        #expect(TimeLength(amount: 70, unit: .day).iso == "P70D")
        #expect(TimeLength(amount: 48, unit: .hour).iso == "PT48H")
        #expect(TimeLength(amount: 90, unit: .minute).iso == "PT90M")
        #expect(TimeLength(amount: 18, unit: .month).iso == "P18M")
        #expect(TimeLength(amount: 30, unit: .second).iso == "PT30S")
        #expect(TimeValue.duration(TimeLength(amount: 1, unit: .week)).kind == "duration")
    }

    // MARK: Resolution against the publication date

    struct Resolution: Sendable, CustomTestStringConvertible {
        let text: String
        let published: String
        /// The record's text, when it is not the whole input.
        let match: String?
        let value: String
        var testDescription: String { "\(text) @ \(published) → \(value)" }

        init(_ text: String, _ published: String, _ value: String, match: String? = nil) {
            self.text = text
            self.published = published
            self.match = match
            self.value = value
        }
    }

    static let resolutions: [Resolution] = [
        // Published on the same weekday (Saturday 2024-04-27).
        Resolution("Saturday", "2024-04-27", "2024-04-27"),
        Resolution("last Saturday", "2024-04-27", "2024-04-20"),
        Resolution("next Saturday", "2024-04-27", "2024-05-04"),
        Resolution("They will meet on Saturday.", "2024-04-27", "2024-05-04", match: "Saturday"),
        Resolution("Saturday next week", "2024-04-27", "2024-05-04"),
        Resolution("last week Saturday", "2024-04-27", "2024-04-20"),
        // A Monday publication: next Friday is in the same week, Friday next week is not.
        Resolution("next Friday", "2024-04-22", "2024-04-26"),
        Resolution("Friday next week", "2024-04-22", "2024-05-03"),
        Resolution("Earlier this week", "2024-04-22", "2024-04-22/2024-04-22"),
        // "last <Month>" in that month is the year before; a bare month in it is this one.
        Resolution("Last November", "2024-11-10", "2023-11"),
        Resolution("in November", "2024-11-10", "2024-11", match: "November"),
        Resolution("next November", "2024-11-10", "2025-11"),
        Resolution("The report will come out in November.", "2024-11-10", "2024-11", match: "November"),
        Resolution("The report will come out in October.", "2024-11-10", "2025-10", match: "October"),
        // February 29.
        Resolution("Feb. 29", "2025-03-01", "2024-02-29"),
        Resolution("Feb. 29", "2024-02-28", "2020-02-29"),
        Resolution("Feb. 29", "2024-02-29", "2024-02-29"),
        Resolution("The ruling will come on Feb. 29.", "2025-03-01", "2028-02-29", match: "Feb. 29"),
        Resolution("yesterday", "2024-03-01", "2024-02-29"),
        Resolution("late February", "2024-03-15", "2024-02-21/2024-02-29"),
        Resolution("late February", "2023-03-15", "2023-02-21/2023-02-28"),
        // Year boundaries.
        Resolution("Dec. 28", "2024-01-05", "2023-12-28"),
        Resolution("Officials will meet on Jan. 10.", "2023-12-20", "2024-01-10", match: "Jan. 10"),
        Resolution("Jan. 10", "2023-12-20", "2023-01-10"),
        Resolution("last week", "2024-01-03", "2023-12-25/2023-12-31"),
        Resolution("next week", "2023-12-28", "2024-01-01/2024-01-07"),
        Resolution("next month", "2023-12-20", "2024-01"),
        Resolution("last month", "2024-01-15", "2023-12"),
        Resolution("three months ago", "2024-01-15", "2023-10"),
        Resolution("a week ago", "2024-01-03", "2023-12-27"),
        Resolution("later this year", "2024-12-31", "2024-12-31/2024-12-31"),
        Resolution("earlier this year", "2024-01-01", "2024-01-01/2024-01-01"),
        Resolution("in January", "2023-12-20", "2023-01", match: "January"),
        Resolution("next January", "2023-12-20", "2024-01"),
        Resolution("from Dec. 28 to Jan. 3", "2024-01-02", "2023-12-28/2024-01-03"),
        Resolution("Sunday", "2024-01-03", "2023-12-31"),
        // Two-digit years around publication's year.
        Resolution("1/2/24", "2024-04-27", "2024-01-02"),
        Resolution("1/2/25", "2024-04-27", "1925-01-02"),
        Resolution("1/2/00", "2024-04-27", "2000-01-02"),
        Resolution("1/2/99", "2000-06-01", "1999-01-02"),
        // Explicit intervals end on or after their start.
        Resolution("between Monday and Wednesday", "2024-04-27", "2024-04-22/2024-04-24"),
        Resolution("from Friday to Monday", "2024-04-27", "2024-04-26/2024-04-29"),
        Resolution("from November to February", "2024-04-27", "2023-11/2024-02"),
    ]

    @Test(arguments: resolutions)
    func resolves(_ r: Resolution) throws {
        let mentions = try Support.lexer.mentions(in: r.text, published: Self.day(r.published)).filter { $0.layer == .date }
        let wanted = r.match ?? r.text
        let mention = try #require(mentions.first { Support.text(of: $0, in: r.text) == wanted },
                                   "no date '\(wanted)'; got \(mentions.map { Support.text(of: $0, in: r.text) })")
        #expect(mention.time?.iso == r.value)
    }

    /// Without a publication date, absolute dates are still reported and relative ones are not.
    @Test func undatedText() throws {
        let text = "On Saturday, 7 October 2023, fighting began; it resumed on Friday and last month."
        let mentions = try Support.lexer.mentions(in: text, published: nil)
        #expect(mentions.map { Support.text(of: $0, in: text) } == ["Saturday, 7 October 2023"])
    }

    /// Dates that do not exist are not dates.
    @Test(arguments: ["Feb. 30", "31 April 2024", "2023-02-29", "02/30/2020"])
    func impossibleDates(_ text: String) throws {
        let mentions = try Support.lexer.mentions(in: text, published: Self.day("2024-04-27"))
        #expect(!mentions.contains { $0.layer == .date && $0.kind == "day" }, "\(text) gave \(mentions.map(\.rule))")
    }
}
