/// The word tables the number interpreter reads, built once from the rule tables.
///
/// Table names (in `lexicon.yaml`): `number_words` (zero … nineteen, the tens), `scales`
/// (hundred, thousand, million, dozen, lakh…), `scale_suffixes` (k, m, bn), `fractions` (half,
/// third, quarter…), `vague` (dozens, hundreds… with value, low, high), `qualifiers` (phrase →
/// qualifier name), `qualifier_bounds` (qualifier → factors for low and high).
struct NumberLexicon: Sendable {
    /// Bounds a qualifier puts around a value v: low = v × lowFactor (nil: unbounded), and so on.
    struct Bounds: Sendable {
        var low: Double?
        var high: Double?
    }

    struct Vague: Sendable {
        var value: Double
        var low: Double
        var high: Double
    }

    let words: WordTable<Double>
    let scales: WordTable<Double>
    let suffixes: WordTable<Double>
    let fractions: WordTable<Double>
    let vague: WordTable<Vague>
    let qualifiers: WordTable<Qualifier>
    let bounds: [Qualifier: Bounds]

    init(_ lexicon: Lexicon) throws {
        words = try lexicon.numbers("number_words")
        scales = try lexicon.numbers("scales")
        suffixes = try lexicon.numbers("scale_suffixes")
        fractions = try lexicon.numbers("fractions")
        var vague = WordTable<Vague>()
        for entry in lexicon.entries("vague") {
            guard let value = entry.value["value"]?.double, let low = entry.value["low"]?.double, let high = entry.value["high"]?.double else {
                throw entry.error(table: "vague", "a vague amount needs numeric 'value', 'low' and 'high'")
            }
            vague[entry.phrase] = Vague(value: value, low: low, high: high)
        }
        self.vague = vague
        var qualifiers = WordTable<Qualifier>()
        for entry in lexicon.entries("qualifiers") {
            guard let name = entry.value.string, let qualifier = Qualifier(rawValue: name) else {
                throw entry.error(table: "qualifiers", "expected one of \(Qualifier.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            qualifiers[entry.phrase] = qualifier
        }
        self.qualifiers = qualifiers
        var bounds: [Qualifier: Bounds] = [:]
        for entry in lexicon.entries("qualifier_bounds") {
            guard let qualifier = Qualifier(rawValue: entry.phrase) else {
                throw entry.error(table: "qualifier_bounds", "unknown qualifier '\(entry.phrase)'")
            }
            bounds[qualifier] = Bounds(low: entry.value["low"]?.double, high: entry.value["high"]?.double)
        }
        for qualifier in Qualifier.allCases where bounds[qualifier] == nil && qualifier != .range {
            throw RuleError(file: "lexicon", rule: "tables.qualifier_bounds", message: "no bounds given for qualifier '\(qualifier.rawValue)'")
        }
        self.bounds = bounds
    }
}
