import PCRE2

/// Turns the captures of a date rule's match into a ``TimeValue``, resolved against the
/// publication date.
///
/// Resolution follows the news convention: a weekday, a month or a month-day without a year is the
/// most recent one on or before publication, unless the wording points forward (a `forward`
/// capture: "next Monday", "will … on Friday"). The groups it reads are documented on
/// ``Capture``.
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

    func interpret(kind: String?, captures: CaptureMap, matcher: Matcher, bytes: UnsafeBufferPointer<UInt8>, published: Day?) -> Outcome {
        func range(_ capture: Capture) -> Range<Int>? {
            captures.range(capture, in: matcher)
        }
        func number(_ capture: Capture) -> Int? {
            guard let r = range(capture), let reading = numbers.read(bytes, r) else { return nil }
            return Int(reading.value)
        }

        // Durations: "for about 70 days", "a seven-day truce", "week-long".
        if kind == "duration" || range(.duration) != nil {
            guard let u = range(.unit), let unit = lexicon.units.lookup(bytes, u) else { return .reject }
            let amount: Int
            if let a = range(.amount) {
                guard let reading = numbers.read(bytes, a), reading.value > 0, reading.value == reading.value.rounded() else { return .reject }
                amount = Int(reading.value)
            } else {
                amount = 1
            }
            switch unit {
            case .hour: return .value(.duration("PT\(amount)H"))
            case .minute: return .value(.duration("PT\(amount)M"))
            default: return .value(.duration("P\(amount)\(unit.rawValue)"))
            }
        }

        let forward = range(.forward) != nil
        let past = range(.past) != nil
        var result: TimeValue

        if let r = range(.relative), range(.weekday) == nil {
            guard let rel = lexicon.relative.lookup(bytes, r) else { return .reject }
            guard let published else { return .unresolvable }
            guard let value = resolve(rel, from: published) else { return .reject }
            result = value
        } else if let a = range(.amount), let u = range(.unit), let d = range(.direction), range(.weekday) == nil {
            // "three days ago", "two weeks later", "two days after today".
            guard let reading = numbers.read(bytes, a), let unit = lexicon.units.lookup(bytes, u),
                  let direction = lexicon.directions.lookup(bytes, d) else { return .reject }
            guard let published else { return .unresolvable }
            let n = Int(reading.value) * Int(direction)
            switch unit {
            case .day: result = .point(Period(day: published.adding(days: n)))
            case .week: result = .point(Period(day: published.adding(days: 7 * n)))
            case .month:
                let (y, m) = published.monthAdding(n)
                result = .point(Period(year: y, month: m)!)
            case .year: result = .point(Period(year: published.year + n)!)
            case .hour, .minute: result = .point(Period(day: published))
            }
        } else if let w = range(.weekday) {
            guard let weekday = lexicon.weekdays.lookup(bytes, w).map(Int.init) else { return .reject }
            guard let published else { return .unresolvable }
            if let s = range(.weekShift) ?? range(.relative) {
                guard let rel = lexicon.relative.lookup(bytes, s), rel.unit == .week else { return .reject }
                let monday = published.startOfWeek.adding(days: 7 * rel.offset)
                result = .point(Period(day: monday.adding(days: weekday - 1)))
            } else {
                let delta = (published.weekday - weekday + 7) % 7
                if forward {
                    result = .point(Period(day: published.adding(days: delta == 0 ? 7 : 7 - delta)))
                } else if past {
                    result = .point(Period(day: published.adding(days: -(delta == 0 ? 7 : delta))))
                } else {
                    result = .point(Period(day: published.adding(days: -delta)))
                }
            }
        } else {
            guard let start = calendarDate(range, number, published: published, forward: forward, past: past) else {
                return published == nil && (range(.month) != nil || range(.day) != nil) && range(.year) == nil ? .unresolvable : .reject
            }
            result = start
            // The second date of an interval: "from October 7 to November 24".
            if range(.dayEnd) != nil || range(.monthEnd) != nil || range(.yearEnd) != nil {
                guard let first = start.firstDay else { return .reject }
                var month = first.month
                if let m = range(.monthEnd) { guard let v = monthNumber(bytes, m) else { return .reject }; month = v }
                let year = number(.yearEnd).map(normalizedYear) ?? first.year
                let end: Period
                if let d = number(.dayEnd) {
                    guard let day = Day(year: year, month: month, day: d) else { return .reject }
                    end = Period(day: day)
                } else {
                    guard let p = Period(year: year, month: month) else { return .reject }
                    end = p
                }
                guard case .point(let a) = start, a.start <= end.start else { return .reject }
                result = .interval(a, end)
            }
        }

        if range(.since) != nil {
            switch result {
            case .point(let p): return .value(.openInterval(p))
            case .interval(let a, _): return .value(.openInterval(a))
            default: return .reject
            }
        }
        return .value(result)

        func monthNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
            var r = range
            if r.count > 1, bytes[r.upperBound - 1] == UInt8(ascii: ".") { r = r.lowerBound..<(r.upperBound - 1) } // "Oct."
            if let m = lexicon.months.lookup(bytes, r) { return Int(m) }
            if let reading = numbers.read(bytes, r), (1...12).contains(Int(reading.value)) { return Int(reading.value) }
            return nil
        }

        func calendarDate(_ range: (Capture) -> Range<Int>?, _ number: (Capture) -> Int?, published: Day?, forward: Bool, past: Bool) -> TimeValue? {
            var month: Int? = nil
            if let m = range(.month) { guard let v = monthNumber(bytes, m) else { return nil }; month = v }
            var day = number(.day)
            let year = number(.year).map(normalizedYear)
            // Numeric dates are read month first, unless that month cannot be one (22/02/2016).
            if let m = month, let d = day, m > 12, d <= 12, let r = range(.month), ByteClass.isDigit(bytes[r.lowerBound]) {
                month = d
                day = m
            }
            if let d = day, let m = month, d > 31 || m > 12 { return nil }
            let part = range(.part).flatMap { lexicon.parts.lookup(bytes, $0) }

            if let m = month {
                var y: Int
                if let year { y = year } else {
                    guard let published else { return nil }
                    y = published.year
                    let candidate = (m, day ?? 1)
                    let now = (published.month, published.day)
                    if forward {
                        if day == nil ? m < published.month : candidate < now { y += 1 }
                    } else if day == nil ? m > published.month : candidate > now {
                        y -= 1
                    } else if past, day == nil, m == published.month {
                        y -= 1 // "last November" in November means the year before
                    }
                }
                if let d = day {
                    guard let date = Day(year: y, month: m, day: d) else { return nil }
                    return .point(Period(day: date))
                }
                if let part {
                    let last = Day.daysIn(month: m, year: y)
                    guard let a = Day(year: y, month: m, day: min(part.days.lowerBound, last)),
                          let b = Day(year: y, month: m, day: min(part.days.upperBound, last)) else { return nil }
                    return .interval(Period(day: a), Period(day: b))
                }
                return Period(year: y, month: m).map(TimeValue.point)
            }
            if let year {
                if let part {
                    guard let a = Period(year: year, month: part.months.lowerBound), let b = Period(year: year, month: part.months.upperBound) else { return nil }
                    return .interval(a, b)
                }
                return Period(year: year).map(TimeValue.point)
            }
            return nil
        }
    }

    /// Two-digit years: up to the current century's year they are 20xx, others 19xx.
    private func normalizedYear(_ y: Int) -> Int {
        guard y < 100 else { return y }
        return y <= 40 ? 2000 + y : 1900 + y
    }

    private func resolve(_ rel: DateLexicon.Relative, from published: Day) -> TimeValue? {
        switch rel.unit {
        case .day, .hour, .minute:
            return .point(Period(day: published.adding(days: rel.offset)))
        case .week:
            let monday = published.startOfWeek.adding(days: 7 * rel.offset)
            let end = rel.untilYesterday ? published.adding(days: -1) : monday.adding(days: 6)
            guard end >= monday else { return .point(Period(day: monday)) }
            return .interval(Period(day: monday), Period(day: end))
        case .month:
            let (y, m) = published.monthAdding(rel.offset)
            guard let month = Period(year: y, month: m) else { return nil }
            if rel.untilYesterday {
                let end = published.adding(days: -1)
                guard end >= month.start else { return .point(Period(day: published)) }
                return .interval(Period(day: month.start), Period(day: end))
            }
            return .point(month)
        case .year:
            guard let year = Period(year: published.year + rel.offset) else { return nil }
            if rel.untilYesterday {
                return .interval(Period(day: year.start), Period(day: published.adding(days: -1)))
            }
            return .point(year)
        }
    }
}
