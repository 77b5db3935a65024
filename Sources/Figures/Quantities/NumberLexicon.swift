/// The word tables the number interpreter reads, built once from the rule tables
/// (`numbers.yaml`).
///
/// | table | phrase → value |
/// | --- | --- |
/// | `unit_words`, `teen_words`, `tens_words` | zero … nine, ten … nineteen, twenty … ninety → their value (also `number_words`, for user files that keep one table) |
/// | `scales` | hundred, dozen, thousand, lakh, million, crore… → the factor |
/// | `scale_suffixes` | k, m, bn… glued to digits → the factor |
/// | `fractions` | half, third, quarters… → the fraction |
/// | `vague` | dozens, several, a few… → `{value, low, high}` or `{value, low, below}` |
/// | `qualifiers` | nearly, more than… → a qualifier name, or `{qualifier, low, high}` with bounds of its own |
/// | `qualifier_bounds` | qualifier name → `{low, high}`: factors of the value, `null` for no bound |
///
/// A class: the interpreters are copied with the scanner's state, and one reference costs one
/// retain where six tables of three buffers each cost eighteen.
final class NumberLexicon: Sendable {
    /// Bounds a qualifier puts around a value v: low = v × low (`nil`: unbounded), and so on.
    struct Bounds: Sendable, Hashable {
        var low: Double?
        var high: Double?
    }

    /// A qualifier phrase: what it expresses and the bounds it gives.
    struct QualifierEntry: Sendable {
        var qualifier: Qualifier
        var bounds: Bounds
    }

    /// A vague amount. The top is either `high` (the most the word allows) or `below` (the
    /// amount it stays under, so the top is `below` − 1); a scale word multiplies all of them.
    struct Vague: Sendable {
        var value: Double
        var low: Double
        var high: Double?
        var below: Double?

        /// The bounds when a scale word (1 when none) multiplies the amount: "several thousand"
        /// is 3,000 to 9,999.
        func scaled(by scale: Double) -> (value: Double, low: Double, high: Double) {
            let top = below.map { $0 * scale - 1 } ?? (high ?? value) * scale
            return (value * scale, low * scale, top)
        }
    }

    let words: WordTable<Double>
    let scales: WordTable<Double>
    let suffixes: WordTable<Double>
    let fractions: WordTable<Double>
    let vague: WordTable<Vague>
    let qualifiers: WordTable<QualifierEntry>
    let bounds: [Qualifier: Bounds]

    init(_ lexicon: Lexicon) throws {
        var words = WordTable<Double>()
        for table in ["number_words", "unit_words", "teen_words", "tens_words"] {
            for entry in lexicon.entries(table) {
                guard let value = entry.value.double else { throw entry.error(table: table, "expected a number, found \(entry.value)") }
                words[entry.phrase] = value
            }
        }
        self.words = words
        scales = try lexicon.numbers("scales")
        suffixes = try lexicon.numbers("scale_suffixes")
        fractions = try lexicon.numbers("fractions")

        var vague = WordTable<Vague>()
        for entry in lexicon.entries("vague") {
            let high = entry.value["high"]?.double, below = entry.value["below"]?.double
            guard let value = entry.value["value"]?.double, let low = entry.value["low"]?.double, (high == nil) != (below == nil) else {
                throw entry.error(table: "vague", "a vague amount needs numeric 'value' and 'low', and one of 'high' or 'below'")
            }
            vague[entry.phrase] = Vague(value: value, low: low, high: high, below: below)
        }
        self.vague = vague

        var bounds: [Qualifier: Bounds] = [:]
        for entry in lexicon.entries("qualifier_bounds") {
            guard let qualifier = Qualifier(rawValue: entry.phrase) else {
                throw entry.error(table: "qualifier_bounds", "unknown qualifier '\(entry.phrase)'")
            }
            bounds[qualifier] = Bounds(low: entry.value["low"]?.double, high: entry.value["high"]?.double)
        }
        for qualifier in Qualifier.allCases where bounds[qualifier] == nil && qualifier != .range {
            throw RuleError(file: "numbers.yaml", rule: "tables.qualifier_bounds", message: "no bounds given for qualifier '\(qualifier.rawValue)'")
        }
        self.bounds = bounds

        var qualifiers = WordTable<QualifierEntry>()
        let names = Qualifier.allCases.map(\.rawValue).joined(separator: ", ")
        for entry in lexicon.entries("qualifiers") {
            let name = entry.value.string ?? entry.value["qualifier"]?.string
            guard let name, let qualifier = Qualifier(rawValue: name), let standard = bounds[qualifier] else {
                throw entry.error(table: "qualifiers", "expected a qualifier name or {qualifier: NAME, low: L, high: H}, NAME one of \(names)")
            }
            var own = standard
            if entry.value["low"] != nil { own.low = try NumberLexicon.factor(entry, "low") }
            if entry.value["high"] != nil { own.high = try NumberLexicon.factor(entry, "high") }
            qualifiers[entry.phrase] = QualifierEntry(qualifier: qualifier, bounds: own)
        }
        self.qualifiers = qualifiers
    }

    /// A bound factor of a qualifier entry: a number, or `null` for no bound.
    private static func factor(_ entry: TableEntry, _ field: String) throws -> Double? {
        let value = entry.value[field]
        if value == .null { return nil }
        guard let factor = value?.double else { throw entry.error(table: "qualifiers", "'\(field)' must be a number or null") }
        return factor
    }
}
