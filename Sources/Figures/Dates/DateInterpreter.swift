import PCRE2

/// Turns the captures of a date rule's match into a ``TimeValue``, resolved against the
/// publication date.
///
/// Resolution follows the news convention (Fixtures/lexical/README.md, section 3): a weekday, a
/// month or a month-day without a year is the most recent one on or before publication, unless the
/// wording points forward — an explicit `shift` ("next Monday", "Last November") or a forward cue
/// in the clause ("will … on Friday", see ``ClauseCues``). The groups it reads are documented on
/// ``Capture``; an interval's end is described by the groups inside its `end` group.
///
/// Nothing here allocates: captures are read from the match's bytes through ``WordTable``s.
struct DateInterpreter: Sendable {
    enum Outcome {
        case value(TimeValue)
        /// A date the text clearly names but that cannot be placed without a publication date
        /// ("Saturday" in an undated article): the text is consumed, nothing is reported.
        case unresolvable
        /// Not a date after all (February 30): the match is dropped.
        case reject
    }

    let lexicon: DateLexicon
    let numbers: NumberReader
    let cues: ClauseCues

    init(lexicon: DateLexicon, numbers: NumberReader) {
        self.lexicon = lexicon
        self.numbers = numbers
        self.cues = ClauseCues(words: lexicon.clauseWords)
    }

    /// The largest gap between the two years of an interval ("from 1948 to 2023"); a wider one is
    /// two counts ("between 1000 and 2000 people").
    static let longestYearInterval = 100
    /// The largest gap when the end year has two digits ("2023-24"): "2019-09" is no interval.
    static let longestShortYearInterval = 10

    func interpret(kind: String?, captures: CaptureMap, matcher: Matcher, bytes: UnsafeBufferPointer<UInt8>, published: Day?) -> Outcome {
        let match = matcher.range
        let endRange = captures.range(.end, in: matcher)
        let region: Region = endRange.map { .outside($0) } ?? .all
        guard let start = try? Fields(reading: region, captures, matcher, bytes, self, published: published) else { return .reject }

        if kind == "duration" {
            guard let unit = start.unit else { return .reject }
            return .value(.duration(TimeLength(amount: start.amount ?? 1, unit: unit)))
        }

        if start.needsPublication { return .unresolvable }
        var first = start
        var endFields: Fields? = nil
        if let endRange {
            guard let fields = try? Fields(reading: .inside(endRange), captures, matcher, bytes, self, published: published) else { return .reject }
            endFields = fields
            first.borrowYear(from: fields) // "from Dec. 28 to Jan. 3, 2024"
        }

        // The direction of a date without a year: the clause is read only when it matters, and
        // "since" always looks back.
        let since = captures.range(.since, in: matcher) != nil
        var result: TimeValue
        switch resolve(first, published: published, forward: { !since && cues.pointsForward(bytes, date: match) }) {
        case .value(let value): result = value
        case .unresolvable: return .unresolvable
        case .reject: return .reject
        }
        if let endFields {
            guard case .point(let a) = result, let b = resolveEnd(endFields, after: a) else { return .reject }
            result = .interval(a, b)
        }
        if since {
            switch result {
            case .point(let p): return .value(.openInterval(p))
            case .interval(let a, _): return .value(.openInterval(a))
            default: return .reject
            }
        }
        return .value(result)
    }

    // MARK: Resolution

    /// Places the start (or only) date of a match.
    private func resolve(_ f: Fields, published: Day?, forward: () -> Bool) -> Outcome {
        if let offset = f.relativeDay {
            guard let p = published else { return .unresolvable }
            return .value(.point(Period(day: p.adding(days: offset))))
        }
        if let direction = f.direction, let unit = f.unit {
            guard let p = published else { return .unresolvable }
            return ago(f.amount ?? 1, unit, direction, from: p)
        }
        if let span = f.span, let unit = f.unit, f.shift == nil, f.relativeDay == nil, f.weekday == nil, f.month == nil, f.year == nil {
            // "the past three days", "in the last 24 hours", "over the next two weeks"
            guard let p = published else { return .unresolvable }
            return lookSpan(f.amount ?? 1, unit, span, from: p)
        }
        if let holiday = f.holiday {
            // "Thanksgiving", "Easter Sunday 2023", "last Easter": like a month-day.
            if let year = f.year { return holiday.day(in: year).map { .value(.point(Period(day: $0))) } ?? .reject }
            guard let p = published else { return .unresolvable }
            let direction: Day.Direction
            if let shift = f.shift { direction = shift < 0 ? .before : .after } else { direction = forward() ? .onOrAfter : .onOrBefore }
            return holiday.nearest(to: p, direction).map { .value(.point(Period(day: $0))) } ?? .reject
        }
        if let weekday = f.weekday {
            guard let p = published else { return .unresolvable }
            if f.unit == .week { // "Tuesday next week", "last week Sunday"
                let monday = p.startOfWeek.adding(days: 7 * (f.shift ?? 0))
                return .value(.point(Period(day: monday.adding(days: weekday - 1))))
            }
            let direction: Day.Direction
            if let shift = f.shift { direction = shift < 0 ? .before : .after } else { direction = forward() ? .after : .onOrBefore }
            return .value(.point(Period(day: p.nearest(weekday: weekday, direction))))
        }
        if let month = f.month {
            if let day = f.day {
                if let year = f.year {
                    guard let d = Day(year: year, month: month, day: day) else { return .reject }
                    return .value(.point(Period(day: d)))
                }
                guard let p = published else { return .unresolvable }
                let direction: Day.Direction
                // "last Christmas", "next Christmas Eve": strictly before or after publication.
                if let shift = f.shift { direction = shift < 0 ? .before : .after } else { direction = forward() ? .onOrAfter : .onOrBefore }
                guard let d = nearest(month: month, day: day, from: p, direction) else { return .reject }
                return .value(.point(Period(day: d)))
            }
            let y: Int
            if let year = f.year { y = year } else {
                guard let p = published else { return .unresolvable }
                let direction: Day.Direction
                if let shift = f.shift { direction = shift < 0 ? .before : .after } else { direction = forward() ? .onOrAfter : .onOrBefore }
                y = nearestYear(of: month, from: p, direction)
            }
            if let part = f.part { return monthPart(part, year: y, month: month) }
            return Period(year: y, month: month).map { .value(.point($0)) } ?? .reject
        }
        if let year = f.year {
            if f.decade { return decade(year, part: f.part) }
            if let part = f.part { return yearPart(part, year: year) }
            return Period(year: year).map { .value(.point($0)) } ?? .reject
        }
        if let day = f.day {
            // "on the 15th": the most recent such day of a month on or before publication (this
            // month's, else last month's), or with a forward cue the first on or after it.
            guard let p = published else { return .unresolvable }
            let forward = forward()
            var (year, month) = (p.year, p.month)
            for _ in 0..<3 {
                if let d = Day(year: year, month: month, day: day), forward ? d >= p : d <= p { return .value(.point(Period(day: d))) }
                (year, month) = Day(year: year, month: month, day: 1)!.monthAdding(forward ? 1 : -1)
            }
            return .reject
        }
        if let part = f.part, f.unit == nil, part.weekdays == nil, let months = part.months {
            // "the first quarter", "Q3": the most recent one that has begun by publication's month,
            // or with a forward cue the first that has not ended.
            guard let p = published else { return .unresolvable }
            let year = forward() ? (months.upperBound >= p.month ? p.year : p.year + 1)
                                 : (months.lowerBound <= p.month ? p.year : p.year - 1)
            return yearPart(part, year: year)
        }
        if let unit = f.unit { // "this week", "last month", "earlier this year", "early next year"
            guard let p = published else { return .unresolvable }
            if let days = f.part?.weekdays, f.shift == nil {
                // "over the weekend": the latest one that has begun by publication, or with a
                // forward cue the next one that has not ended.
                let shift = forward() ? (p.weekday <= days.upperBound ? 0 : 1) : (p.weekday >= days.lowerBound ? 0 : -1)
                return period(unit, shift: shift, part: f.part, span: f.span, from: p)
            }
            return period(unit, shift: f.shift ?? 0, part: f.part, span: f.span, from: p)
        }
        return .reject
    }

    /// "three days ago", "a year ago", "two days after today".
    private func ago(_ amount: Int, _ unit: TimeUnit, _ direction: Int, from p: Day) -> Outcome {
        let n = amount * direction
        switch unit {
        case .second, .minute, .hour: return .value(.point(Period(day: p)))
        case .day: return .value(.point(Period(day: p.adding(days: n))))
        case .week: return .value(.point(Period(day: p.adding(days: 7 * n))))
        case .month:
            let (y, m) = p.monthAdding(n)
            return Period(year: y, month: m).map { .value(.point($0)) } ?? .reject
        case .year: return Period(year: p.year + n).map { .value(.point($0)) } ?? .reject
        }
    }

    /// The days from `amount` units before publication to publication (`span` -1), or from
    /// publication to `amount` units after it (+1). Hours and shorter count as days: "the past 24
    /// hours" is the day before publication and the day itself.
    private func lookSpan(_ amount: Int, _ unit: TimeUnit, _ span: Int, from p: Day) -> Outcome {
        let other: Day
        switch unit {
        case .second, .minute: other = p
        case .hour: other = p.adding(days: span * max(1, (amount + 23) / 24))
        case .day: other = p.adding(days: span * amount)
        case .week: other = p.adding(days: span * 7 * amount)
        case .month:
            let (y, m) = p.monthAdding(span * amount)
            guard let day = Day(year: y, month: m, day: min(p.day, Day.daysIn(month: m, year: y))) else { return .reject }
            other = day
        case .year:
            guard let day = Day(year: p.year + span * amount, month: p.month, day: min(p.day, Day.daysIn(month: p.month, year: p.year + span * amount))) else { return .reject }
            other = day
        }
        let (a, b) = span < 0 ? (other, p) : (p, other)
        return a == b ? .value(.point(Period(day: a))) : .value(.interval(Period(day: a), Period(day: b)))
    }

    /// A week, month or year shifted from publication's, whole, in part, or up to or from
    /// publication.
    private func period(_ unit: TimeUnit, shift: Int, part: DateLexicon.Part?, span: Int?, from p: Day) -> Outcome {
        let first: Day, last: Day
        switch unit {
        case .week:
            let monday = p.startOfWeek.adding(days: 7 * shift)
            if let part {
                // The weekend, or a part of a month laid over the week: early Monday to
                // Wednesday, mid Wednesday to Friday, late Friday to Sunday.
                guard part.weekdays != nil || part.days.lowerBound >= 1 else { return .reject }
                let days = part.weekdays ?? (max(1, (part.days.lowerBound * 7 + 30) / 31)...min(7, (part.days.upperBound * 7 + 30) / 31))
                first = monday.adding(days: days.lowerBound - 1)
                last = monday.adding(days: days.upperBound - 1)
            } else {
                first = monday
                last = first.adding(days: 6)
            }
        case .month:
            let (y, m) = p.monthAdding(shift)
            if let part { return monthPart(part, year: y, month: m) }
            guard let month = Period(year: y, month: m) else { return .reject }
            if span == nil { return .value(.point(month)) }
            first = month.start
            last = month.end
        case .year:
            if let part { return yearPart(part, year: p.year + shift) }
            guard let year = Period(year: p.year + shift) else { return .reject }
            if span == nil { return .value(.point(year)) }
            first = year.start
            last = year.end
        case .second, .minute, .hour, .day:
            return .reject
        }
        guard let span else { return .value(.interval(Period(day: first), Period(day: last))) }
        // earlier: from the start to the day before publication; later: from the day after to the
        // end. Published on the first (last) day, the span shrinks to that day.
        let a = span < 0 ? first : min(max(p.adding(days: 1), first), last)
        let b = span < 0 ? max(min(p.adding(days: -1), last), first) : last
        return .value(.interval(Period(day: a), Period(day: b)))
    }

    /// Early, mid or late in a month: a range of days, cut at the month's last day; one day
    /// ("the last day of March") is a day.
    private func monthPart(_ part: DateLexicon.Part, year: Int, month: Int) -> Outcome {
        guard part.weekdays == nil else { return .reject }
        guard let first = Day(year: year, month: month, day: 1) else { return .reject }
        let last = first.endOfMonth.day
        // Negative days count from the month's end: -1 is its last day.
        func day(_ d: Int) -> Day { Day(year: year, month: month, day: d < 0 ? max(1, last + d + 1) : min(d, last))! }
        let a = day(part.days.lowerBound), b = day(part.days.upperBound)
        return a == b ? .value(.point(Period(day: a))) : .value(.interval(Period(day: a), Period(day: b)))
    }

    /// A decade ("the 1990s": 1990/1999), or a part of it: early is its first four years, mid
    /// the next three, late the last three (from the part's months: early 1-4, mid 5-8, late 9-12).
    private func decade(_ year: Int, part: DateLexicon.Part?) -> Outcome {
        var first = year, last = year + 9
        if let part {
            guard part.weekdays == nil, let months = part.months else { return .reject }
            first = year + ((months.lowerBound - 1) * 10 + 11) / 12
            last = year + (months.upperBound * 10 - 1) / 12
        }
        guard let a = Period(year: first), let b = Period(year: last) else { return .reject }
        return .value(.interval(a, b))
    }

    /// Early, mid or late in a year: from the first day of its first month to the last day of its
    /// last month.
    private func yearPart(_ part: DateLexicon.Part, year: Int) -> Outcome {
        guard part.weekdays == nil, let months = part.months,
              let a = Day(year: year, month: months.lowerBound, day: 1),
              let b = Day(year: year, month: months.upperBound, day: 1) else { return .reject }
        return .value(.interval(Period(day: a), Period(day: b.endOfMonth)))
    }

    /// The nearest `month`/`day` on or before (or after, or strictly before or after) `p`; a
    /// February 29 looks further, to a leap year.
    private func nearest(month: Int, day: Int, from p: Day, _ direction: Day.Direction) -> Day? {
        guard day <= Day.daysIn(month: month, year: 2000) else { return nil } // never a real day
        let step = direction.isForward ? 1 : -1
        var year = p.year
        for _ in 0..<9 {
            if let d = Day(year: year, month: month, day: day) {
                switch direction {
                case .onOrBefore where d <= p, .before where d < p, .onOrAfter where d >= p, .after where d > p: return d
                default: break
                }
            }
            year += step
        }
        return nil
    }

    /// The year of the nearest `month` on or before (or after, or strictly before or after) the
    /// month of `p`.
    private func nearestYear(of month: Int, from p: Day, _ direction: Day.Direction) -> Int {
        switch direction {
        case .onOrBefore: return month <= p.month ? p.year : p.year - 1
        case .before: return month < p.month ? p.year : p.year - 1
        case .onOrAfter: return month >= p.month ? p.year : p.year + 1
        case .after: return month > p.month ? p.year : p.year + 1
        }
    }

    /// The end of an interval: the earliest date matching `f` on or after the start, at the
    /// start's granularity.
    private func resolveEnd(_ f: Fields, after start: Period) -> Period? {
        let s = start.start
        if let holiday = f.holiday {
            guard start.granularity == .day else { return nil }
            if let year = f.year { return holiday.day(in: year).flatMap { $0 >= s ? Period(day: $0) : nil } }
            return holiday.nearest(to: s, .onOrAfter).map { Period(day: $0) }
        }
        if let weekday = f.weekday {
            guard start.granularity == .day else { return nil }
            return Period(day: s.nearest(weekday: weekday, .onOrAfter))
        }
        if let day = f.day {
            guard start.granularity == .day else { return nil }
            var month = f.month ?? s.month, year = f.year ?? s.year
            for _ in 0..<2 {
                if let d = Day(year: year, month: month, day: day), d >= s { return Period(day: d) }
                guard f.year == nil else { return nil }
                if f.month == nil { (year, month) = Day(year: year, month: month, day: 1)!.monthAdding(1) } else { year += 1 }
            }
            return nil
        }
        if let month = f.month {
            guard start.granularity == .month else { return nil }
            let year = f.year ?? (month >= s.month ? s.year : s.year + 1)
            guard let end = Period(year: year, month: month), end.start >= s else { return nil }
            return end
        }
        if let year = f.year {
            guard start.granularity == .year else { return nil }
            if let yy = f.shortYear { // "2023-24", "1939-45": the years after the start's
                let end = s.year - s.year % 100 + yy
                let year = end < s.year ? end + 100 : end
                guard year - s.year <= DateInterpreter.longestShortYearInterval else { return nil }
                return Period(year: year)
            }
            guard year >= s.year, year - s.year <= DateInterpreter.longestYearInterval else { return nil }
            return Period(year: year)
        }
        return nil
    }

    // MARK: Reading the captures

    /// Which captures to read: all, or those inside or outside an interval's `end` group.
    enum Region {
        case all, inside(Range<Int>), outside(Range<Int>)
    }

    /// The parts of one date, read from its captures. Reading fails when a captured part is not
    /// what its table or grammar says (an unknown month, day 45).
    struct Fields {
        struct Unreadable: Error {}

        var year: Int?
        /// A year written with two digits, as written.
        var shortYear: Int?
        var month: Int?
        var day: Int?
        var weekday: Int?
        var relativeDay: Int?
        var shift: Int?
        var unit: TimeUnit?
        var amount: Int?
        var direction: Int?
        var span: Int?
        var part: DateLexicon.Part?
        /// A movable holiday ("Thanksgiving", "Easter Sunday"); a fixed one is read as its month
        /// and day ("Christmas Day" is December 25).
        var holiday: Holiday?
        /// The year names a decade ("the 1990s", "the '90s"): ten years from it.
        var decade = false
        /// A two-digit year or "last year" in an undated text: the date cannot be placed.
        var needsPublication = false

        init(reading region: Region, _ captures: CaptureMap, _ matcher: Matcher, _ bytes: UnsafeBufferPointer<UInt8>, _ interpreter: DateInterpreter, published: Day?) throws(Unreadable) {
            func range(_ capture: Capture) -> Range<Int>? {
                switch region {
                case .all: return captures.range(capture, in: matcher)
                case .inside(let r): return captures.range(capture, in: matcher, inside: true, of: r)
                case .outside(let r): return captures.range(capture, in: matcher, inside: false, of: r)
                }
            }
            /// The table's value for the capture's words; `nil` when nothing was captured.
            func word<T>(_ capture: Capture, _ table: WordTable<T>) throws(Unreadable) -> T? {
                guard let r = range(capture) else { return nil }
                guard let value = table.lookup(bytes, r) else { throw Unreadable() }
                return value
            }
            func digits(_ capture: Capture) throws(Unreadable) -> (value: Int, count: Int)? {
                guard let r = range(capture) else { return nil }
                guard let number = DateInterpreter.integer(bytes, r) else { throw Unreadable() }
                return number
            }
            let lexicon = interpreter.lexicon
            if let r = range(.day), DateInterpreter.integer(bytes, r) == nil {
                if let ordinal = lexicon.ordinalDays.lookup(bytes, r) {
                    day = ordinal // "March first"
                } else {
                    // A day named by a holiday ("Christmas Day", "Thanksgiving").
                    guard let named = lexicon.holidays.lookup(bytes, r) else { throw Unreadable() }
                    if case .fixed(let m, let d) = named { (month, day) = (m, d) } else { holiday = named }
                }
            } else {
                day = try digits(.day)?.value
            }
            if let r = range(.month), DateInterpreter.integer(bytes, r) == nil {
                // A name: "Oct." is looked up as "Oct".
                let name = bytes[r.upperBound - 1] == UInt8(ascii: ".") ? r.lowerBound..<(r.upperBound - 1) : r
                guard let value = lexicon.months.lookup(bytes, name) else { throw Unreadable() }
                month = value
            } else if let m = try digits(.month)?.value {
                // Numeric dates are read month first, unless the first field cannot be a month
                // (21-04-2016).
                month = m
                if m > 12, let d = day, d <= 12 { (month, day) = (d, m) }
            }
            if let (value, count) = try digits(.year) {
                // "1990s", "'90s": a decade.
                if let r = range(.year), bytes[r.upperBound - 1] | 0x20 == UInt8(ascii: "s") {
                    guard value % 10 == 0 else { throw Unreadable() }
                    decade = true
                }
                if count <= 2 {
                    shortYear = value
                    // Two-digit years: up to publication's year in its century, else the century before.
                    guard let p = published else { needsPublication = true; return }
                    let century = p.year - p.year % 100
                    year = value <= p.year % 100 ? century + value : century - 100 + value
                } else {
                    year = value
                }
            }
            if let m = month, !(1...12).contains(m) { throw Unreadable() }
            if let d = day, !(1...31).contains(d) { throw Unreadable() }
            if let r = range(.amount) {
                guard let reading = interpreter.numbers.read(bytes, r), reading.value >= 1, reading.value == reading.value.rounded(),
                      reading.value < 1_000_000 else { throw Unreadable() }
                amount = Int(reading.value)
            }
            weekday = try word(.weekday, lexicon.weekdays)
            relativeDay = try word(.relative, lexicon.relativeDays)
            shift = try word(.shift, lexicon.shifts)
            if let multiple = try word(.unit, lexicon.units) {
                unit = multiple.unit
                // "the past decade", "two decades ago": ten years a decade.
                if multiple.factor != 1 { amount = (amount ?? 1) * multiple.factor }
            }
            direction = try word(.direction, lexicon.directions)
            span = try word(.span, lexicon.spans)
            part = try word(.part, lexicon.parts)
            // "the weekend", "last weekend": a part of a week.
            if part?.weekdays != nil, unit == nil, month == nil, year == nil { unit = .week }
            // "this summer", "last spring": a part of a year shifted from publication's.
            if part != nil, unit == nil, shift != nil, month == nil, year == nil { unit = .year }
            // "October last year", "May 3 last year", "July 31 this year", "Easter last year": the
            // shift names the year.
            if month != nil || holiday != nil, year == nil, unit == .year, let s = shift {
                guard let p = published else { needsPublication = true; return }
                year = p.year + s
                (shift, unit) = (nil, nil)
            }
        }

        /// A start without a year takes the end's ("from Dec. 28 to Jan. 3, 2024"), one year
        /// earlier when it falls after the end in the calendar.
        mutating func borrowYear(from end: Fields) {
            guard year == nil, shift == nil, let endYear = end.year, let m = month else { return }
            let endMonth = end.month ?? m
            let later = (m, day ?? 1) > (endMonth, end.day ?? day ?? 1)
            year = later ? endYear - 1 : endYear
        }
    }

    /// The leading decimal digits of `bytes[range]` ("7" in "7th") and how many there are; `nil`
    /// when it does not start with a digit.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Int)? {
        var value = 0
        var i = range.lowerBound
        while i < range.upperBound, i - range.lowerBound < 9, ByteClass.isDigit(bytes[i]) {
            value = value * 10 + Int(bytes[i] &- 0x30)
            i += 1
        }
        return i > range.lowerBound ? (value, i - range.lowerBound) : nil
    }
}
