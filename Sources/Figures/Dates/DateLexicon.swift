/// The word tables the date interpreter reads, built once from the rule tables (`dates.yaml`).
///
/// | table | phrase → value |
/// | --- | --- |
/// | `months` | name or abbreviation → 1…12 |
/// | `weekdays` | name → 1 (Monday) … 7 (Sunday) |
/// | `ordinal_days` | first … thirty-first → 1…31 |
/// | `relative_days` | today, yesterday, last night… → offset in days from publication |
/// | `shifts` | this, last, next, coming… → 0, -1, +1: which week, month, year or named day |
/// | `time_units` | second(s) … year(s) → S, MIN, H, D, W, M, Y; a multiple of one: decade(s) → 10Y |
/// | `holidays` | Christmas Day, Thanksgiving… → `{month, day}`, `{month, weekday, nth[, offset]}` or `{easter: offset}` (see ``Holiday``) |
/// | `directions` | ago, from now, after today → -1 or +1 |
/// | `period_spans` | earlier (-1: from the period's start to the day before publication), later (+1: from the day after publication to the period's end) |
/// | `period_parts` | early, mid, late, the end of… → `{days: [from, to], months: [from, to]}`; the weekend → `{weekdays: [6, 7]}` |
/// | `clause_words` | will, is due, scheduled… → `forward`; was, were, had → `past`; that, which, but… → `break` |
///
/// A class: the date interpreter is copied with the scanner's state, and one reference costs one
/// retain where eleven tables of three buffers each cost thirty-three.
final class DateLexicon: Sendable {
    /// A part of a month (a range of days) or of a year (a range of months).
    struct Part: Sendable {
        /// Days of the month; negative days count from its end (-1 is the last day: "the last
        /// week of" is -7…-1).
        var days: ClosedRange<Int>
        /// Months of the year; `nil` for a part of a month only ("the first week of").
        var months: ClosedRange<Int>?
        /// A part of a week ("the weekend"): its ISO weekdays (1 = Monday … 7 = Sunday). Such a
        /// part is no part of a month or a year.
        var weekdays: ClosedRange<Int>? = nil
    }

    /// A time unit as a table names it: "decade" is ten years (`10Y`).
    struct UnitMultiple: Sendable {
        var unit: TimeUnit
        var factor: Int
    }

    /// What a word does to the direction of the clause it stands in (see ``ClauseCues``).
    enum ClauseWord: String, Sendable {
        /// The clause points forward: "will", "is due", "scheduled".
        case forward
        /// The tense is past: a forward cue right after it does not count ("was expected to").
        case past
        /// A new clause starts: cues before it do not reach dates after it ("that", "which").
        case clauseBreak = "break"
    }

    let months: WordTable<Int>
    let weekdays: WordTable<Int>
    let ordinalDays: WordTable<Int>
    let relativeDays: WordTable<Int>
    let shifts: WordTable<Int>
    let units: WordTable<UnitMultiple>
    let holidays: WordTable<Holiday>
    let directions: WordTable<Int>
    let spans: WordTable<Int>
    let parts: WordTable<Part>
    let clauseWords: WordTable<ClauseWord>

    init(_ lexicon: Lexicon) throws {
        months = try DateLexicon.integers("months", lexicon, in: 1...12)
        weekdays = try DateLexicon.integers("weekdays", lexicon, in: 1...7)
        ordinalDays = try DateLexicon.integers("ordinal_days", lexicon, in: 1...31)
        relativeDays = try DateLexicon.integers("relative_days", lexicon, in: -7...7)
        shifts = try DateLexicon.integers("shifts", lexicon, in: -1...1)
        directions = try DateLexicon.integers("directions", lexicon, in: -1...1)
        spans = try DateLexicon.integers("period_spans", lexicon, in: -1...1)
        var units = WordTable<UnitMultiple>()
        for entry in lexicon.entries("time_units") {
            // "Y", or a multiple: "10Y".
            guard let text = entry.value.string, let first = text.firstIndex(where: { !$0.isNumber }),
                  let unit = TimeUnit(rawValue: String(text[first...])),
                  let factor = first == text.startIndex ? 1 : Int(text[..<first]), factor >= 1 else {
                throw entry.error(table: "time_units", "expected one of \(TimeUnit.allCases.map(\.rawValue).joined(separator: ", ")), optionally after a whole number (10Y)")
            }
            units[entry.phrase] = UnitMultiple(unit: unit, factor: factor)
        }
        self.units = units
        var holidays = WordTable<Holiday>()
        for entry in lexicon.entries("holidays") {
            func whole(_ field: String, _ range: ClosedRange<Int>) -> Int? {
                guard let v = entry.value[field]?.double, v == v.rounded(), range.contains(Int(v)) else { return nil }
                return Int(v)
            }
            if let offset = whole("easter", -70...70) {
                holidays[entry.phrase] = .easter(offset: offset)
            } else if let month = whole("month", 1...12), let weekday = whole("weekday", 1...7), let nth = whole("nth", -1...5), nth != 0 {
                holidays[entry.phrase] = .weekdayOfMonth(month: month, weekday: weekday, nth: nth, offset: whole("offset", -31...31) ?? 0)
            } else if let month = whole("month", 1...12), let day = whole("day", 1...31), day <= Day.daysIn(month: month, year: 2000) {
                holidays[entry.phrase] = .fixed(month: month, day: day)
            } else {
                throw entry.error(table: "holidays", "expected {month, day}, {month, weekday, nth[, offset]} (nth -1 for the last) or {easter: days from Easter Sunday}")
            }
        }
        self.holidays = holidays
        clauseWords = try DateLexicon.words("clause_words", lexicon, ClauseWord.self)
        var parts = WordTable<Part>()
        for entry in lexicon.entries("period_parts") {
            if case .list(let w)? = entry.value["weekdays"] {
                guard w.count == 2, let w0 = w[0].double, let w1 = w[1].double, 1 <= w0, w0 <= w1, w1 <= 7 else {
                    throw entry.error(table: "period_parts", "expected {weekdays: [from, to]} with ISO weekdays in 1…7")
                }
                parts[entry.phrase] = Part(days: 1...31, months: 1...12, weekdays: Int(w0)...Int(w1))
                continue
            }
            let problem = "expected {days: [from, to], months: [from, to]} with days in 1…31 (or -31…-1, from the month's end) and months in 1…12; months may be left out"
            guard case .list(let d)? = entry.value["days"], d.count == 2, let d0 = d[0].double, let d1 = d[1].double,
                  d0 <= d1, (1 <= d0 && d1 <= 31) || (-31 <= d0 && d1 <= -1) else {
                throw entry.error(table: "period_parts", problem)
            }
            var months: ClosedRange<Int>? = nil
            if let value = entry.value["months"] {
                guard case .list(let m) = value, m.count == 2, let m0 = m[0].double, let m1 = m[1].double, 1 <= m0, m0 <= m1, m1 <= 12 else {
                    throw entry.error(table: "period_parts", problem)
                }
                months = Int(m0)...Int(m1)
            }
            parts[entry.phrase] = Part(days: Int(d0)...Int(d1), months: months)
        }
        self.parts = parts
    }

    /// A table of whole numbers within `range`.
    private static func integers(_ table: String, _ lexicon: Lexicon, in range: ClosedRange<Int>) throws -> WordTable<Int> {
        var result = WordTable<Int>()
        for entry in lexicon.entries(table) {
            guard let value = entry.value.double, value == value.rounded(), range.contains(Int(value)) else {
                throw entry.error(table: table, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            result[entry.phrase] = Int(value)
        }
        return result
    }

    /// A table whose values are the raw values of `T`.
    private static func words<T: RawRepresentable & CaseIterable & Sendable>(_ table: String, _ lexicon: Lexicon, _: T.Type) throws -> WordTable<T> where T.RawValue == String {
        var result = WordTable<T>()
        for entry in lexicon.entries(table) {
            guard let name = entry.value.string, let value = T(rawValue: name) else {
                throw entry.error(table: table, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result[entry.phrase] = value
        }
        return result
    }
}

extension DateLexicon.ClauseWord: CaseIterable {}
