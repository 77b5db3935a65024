/// The word tables the date interpreter reads, built once from the rule tables.
///
/// Table names (in `lexicon.yaml`): `months` (name → 1…12), `weekdays` (name → 1 = Monday … 7),
/// `relative_dates` (phrase → `{unit, offset}` and optionally `until: yesterday`), `time_units`
/// (day, weeks… → D, W, M, Y, H), `directions` (ago → -1, later → 1), `period_parts` (early, mid,
/// late → `{days: [from, to], months: [from, to]}`).
struct DateLexicon: Sendable {
    enum Unit: String, Sendable { case day = "D", week = "W", month = "M", year = "Y", hour = "H", minute = "MIN" }

    struct Relative: Sendable {
        var unit: Unit
        var offset: Int
        /// "earlier this month": from the start of the period to the day before publication.
        var untilYesterday: Bool
    }

    struct Part: Sendable {
        var days: ClosedRange<Int>
        var months: ClosedRange<Int>
    }

    let months: WordTable<Double>
    let weekdays: WordTable<Double>
    let relative: WordTable<Relative>
    let units: WordTable<Unit>
    let directions: WordTable<Double>
    let parts: WordTable<Part>

    init(_ lexicon: Lexicon) throws {
        months = try lexicon.numbers("months")
        weekdays = try lexicon.numbers("weekdays")
        directions = try lexicon.numbers("directions")
        var units = WordTable<Unit>()
        for entry in lexicon.entries("time_units") {
            guard let name = entry.value.string, let unit = Unit(rawValue: name) else {
                throw entry.error(table: "time_units", "expected one of D, W, M, Y, H, MIN")
            }
            units[entry.phrase] = unit
        }
        self.units = units
        var relative = WordTable<Relative>()
        for entry in lexicon.entries("relative_dates") {
            guard let unitName = entry.value["unit"]?.string, let unit = Unit(rawValue: unitName),
                  let offset = entry.value["offset"]?.double else {
                throw entry.error(table: "relative_dates", "expected {unit: D|W|M|Y, offset: N}")
            }
            let until = entry.value["until"]?.string
            if let until, until != "yesterday" { throw entry.error(table: "relative_dates", "'until' can only be 'yesterday'") }
            relative[entry.phrase] = Relative(unit: unit, offset: Int(offset), untilYesterday: until != nil)
        }
        self.relative = relative
        var parts = WordTable<Part>()
        for entry in lexicon.entries("period_parts") {
            guard case .list(let d)? = entry.value["days"], d.count == 2, let d0 = d[0].double, let d1 = d[1].double,
                  case .list(let m)? = entry.value["months"], m.count == 2, let m0 = m[0].double, let m1 = m[1].double else {
                throw entry.error(table: "period_parts", "expected {days: [from, to], months: [from, to]}")
            }
            parts[entry.phrase] = Part(days: Int(d0)...Int(d1), months: Int(m0)...Int(m1))
        }
        self.parts = parts
    }
}
