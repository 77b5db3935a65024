/// One number or date found in a text by the lexical layer, with its exact place.
public struct Mention: Sendable, Hashable {
    /// Which lexical layer found it.
    public enum Layer: String, Sendable, Hashable {
        case number
        case date
    }

    /// The normalized value.
    public enum Value: Sendable, Hashable {
        case quantity(Quantity)
        case time(TimeValue)
    }

    /// UTF-8 byte offsets into the text (end exclusive).
    public let range: Range<Int>
    /// The value the rule computed.
    public let value: Value
    /// The name of the rule that fired.
    public let rule: String

    public init(range: Range<Int>, value: Value, rule: String) {
        self.range = range
        self.value = value
        self.rule = rule
    }

    public var layer: Layer {
        if case .time = value { return .date }
        return .number
    }

    /// The quantity, for a number mention.
    public var quantity: Quantity? {
        if case .quantity(let q) = value { return q }
        return nil
    }

    /// The time value, for a date mention.
    public var time: TimeValue? {
        if case .time(let t) = value { return t }
        return nil
    }

    /// The kind as printed by `figures scan`: count, percent, … for numbers; day, month, … for
    /// dates.
    public var kind: String {
        switch value {
        case .quantity(let q): return q.kind.rawValue
        case .time(let t): return t.kind
        }
    }
}
