import Foundation

/// When a claim's figure holds, read from its `refers_to`.
///
/// - A day, month or year (`2024-04-27`, `2023-11`, `2023`) is a **point**: the day of a level,
///   or the period of one event or one count.
/// - An interval (`2023-10-07/2024-04-27`) is a **running total** since its start, as of its
///   end. An open interval (`2023-10-07/..`) is a running total as of the article's publication
///   day; without a publication day it cannot be placed, and the claim is undated.
///
/// Nothing is guessed: a claim with no `refers_to`, or one that does not parse, is undated.
struct ClaimTime: Sendable, Hashable {
    /// A day, month or year as an inclusive range of days, with its ISO form.
    struct Span: Sendable, Hashable {
        let first: Day
        let last: Day
        let iso: String

        /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        init?(iso: String) {
            let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
            if parts.count == 1 {
                guard let period = Period(year: year) else { return nil }
                self.init(period)
            } else if parts.count == 2 {
                guard parts[1].count == 2, let month = Int(parts[1]), let period = Period(year: year, month: month) else { return nil }
                self.init(period)
            } else {
                guard parts[1].count == 2, parts[2].count == 2, let day = Day(iso: iso) else { return nil }
                self.init(Period(day: day))
            }
        }

        init(_ period: Period) {
            first = period.start
            last = period.end
            iso = period.iso
        }

        func overlaps(_ other: Span) -> Bool { first <= other.last && other.first <= last }
    }

    /// The start of a running total; `nil` for a point.
    let start: Span?
    /// The point, or the day (or month) a running total is given as of.
    let end: Span

    var isRunningTotal: Bool { start != nil }

    /// Reads `refers_to`; `published` ends an open interval.
    init?(_ refersTo: String?, published: Day?) {
        guard let text = refersTo?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let halves = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch halves.count {
        case 1:
            guard let point = Span(iso: text) else { return nil }
            start = nil
            end = point
        case 2:
            guard let from = Span(iso: halves[0]) else { return nil }
            if halves[1] == ".." || halves[1].isEmpty {
                guard let published else { return nil }
                end = Span(Period(day: published))
            } else {
                guard let to = Span(iso: halves[1]) else { return nil }
                end = to
            }
            guard from.first <= end.last else { return nil }
            start = from
        default:
            return nil
        }
    }

    /// For running totals: whether this total counts since no later a start than `other`'s, so
    /// that, given as of a later day, it must be at least `other` (starts that agree, as a month
    /// and a day in it, count as the same start).
    func covers(_ other: ClaimTime) -> Bool {
        guard let mine = start, let theirs = other.start else { return false }
        return mine.overlaps(theirs) || mine.last < theirs.first
    }

    /// Whether this time lies wholly before `other` (as-of days, for series).
    func isBefore(_ other: ClaimTime) -> Bool { end.last < other.end.first }
}
