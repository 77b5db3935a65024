/// How the wording bounds a number: "nearly 38,000", "more than 34,300", "between 10 and 20".
///
/// The bounds each qualifier gives are defined in the rule tables (`lexicon.yaml`, table
/// `qualifiers`), not here; this is only the vocabulary.
public enum Qualifier: String, Sendable, Hashable, CaseIterable, Codable {
    case exact
    case approximately
    case nearly
    case moreThan = "more_than"
    case atLeast = "at_least"
    case lessThan = "less_than"
    case atMost = "at_most"
    case upTo = "up_to"
    case range
}

/// The normalized value of a number expression.
public struct Quantity: Sendable, Hashable {
    /// What sort of amount the expression is.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A plain amount: "34,300", "twenty-four", "1.9 million".
        case count
        /// A percentage; ``Quantity/value`` is in percent (85 for "85%").
        case percent
        /// A fraction of something; ``Quantity/value`` is a ratio (0.5 for "half").
        case fraction
        /// Two ends: "2 to 3", "between 10 and 20"; ``Quantity/value`` is the low end.
        case range
        /// A vague amount: "dozens", "hundreds", "several".
        case vague
        /// An amount of money ("$5 million"): a number, never a head count.
        case money
    }

    public var kind: Kind
    /// The number as written (the low end for ranges).
    public var value: Double
    /// The lowest value the wording allows; `nil` when unbounded below (never for counts).
    public var low: Double?
    /// The highest value the wording allows; `nil` when unbounded ("more than 34,300").
    public var high: Double?
    /// How the wording bounds the value.
    public var qualifier: Qualifier

    public init(kind: Kind, value: Double, low: Double?, high: Double?, qualifier: Qualifier) {
        self.kind = kind
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
    }
}
