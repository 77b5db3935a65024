import PCRE2

/// Turns the captures of a number rule's match into a ``Quantity``.
///
/// The groups it reads are documented on ``Capture``; the bounds each qualifier gives come from
/// the `qualifier_bounds` table, the bounds of vague amounts from the `vague` table.
struct QuantityInterpreter: Sendable {
    let lexicon: NumberLexicon
    var reader: NumberReader { NumberReader(lexicon: lexicon) }

    func interpret(kind ruleKind: String?, captures: CaptureMap, matcher: Matcher, bytes: UnsafeBufferPointer<UInt8>) -> Quantity? {
        let reader = self.reader
        func range(_ capture: Capture) -> Range<Int>? {
            captures.range(capture, in: matcher)
        }
        var qualifier = Qualifier.exact
        if let q = range(.qualifier) {
            guard let found = lexicon.qualifiers.lookup(bytes, q) else { return nil }
            qualifier = found
        }
        var kind = ruleKind.flatMap(Quantity.Kind.init(rawValue:))
        if range(.percent) != nil { kind = .percent }
        if range(.currency) != nil { kind = .money }

        // A vague amount: "dozens", "tens of thousands", "several".
        if let v = range(.vague) {
            guard let vague = lexicon.vague.lookup(bytes, v) else { return nil }
            if qualifier == .exact {
                return Quantity(kind: kind ?? .vague, value: vague.value, low: vague.low, high: vague.high, qualifier: .atLeast)
            }
            return bounded(vague.value, reading: nil, kind: kind ?? .vague, qualifier: qualifier)
        }

        // A range: "between 10 and 20", "2 to 3 million".
        if let l = range(.low), let h = range(.high) {
            guard var low = reader.read(bytes, l), let high = reader.read(bytes, h) else { return nil }
            if low.scale == 1, high.scale > 1, low.value * high.scale <= high.value {
                low.value *= high.scale // "2 to 3 million": the scale applies to both ends
            }
            guard low.value <= high.value else { return nil }
            return Quantity(kind: kind == .percent || kind == .money ? kind! : .range, value: low.value, low: low.value, high: high.value, qualifier: .range)
        }

        // A ratio: "one in five".
        if let n = range(.numerator), let d = range(.denominator) {
            guard let numerator = reader.read(bytes, n), let denominator = reader.read(bytes, d), denominator.value != 0 else { return nil }
            let value = numerator.value / denominator.value
            return bounded(value, reading: nil, kind: .fraction, qualifier: qualifier)
        }

        guard let v = range(.value) ?? range(.fraction), let reading = reader.read(bytes, v) else { return nil }
        if reading.isFraction || range(.fraction) != nil, kind == nil || kind == .count { kind = .fraction }
        return bounded(reading.value, reading: reading, kind: kind ?? .count, qualifier: qualifier)
    }

    /// Applies a qualifier's bounds, and for an exact scaled decimal ("1.9 million") the precision
    /// as written (half a unit of the last digit either way).
    private func bounded(_ value: Double, reading: NumberReader.Reading?, kind: Quantity.Kind, qualifier: Qualifier) -> Quantity {
        let factors = lexicon.bounds[qualifier] ?? NumberLexicon.Bounds(low: 1, high: 1)
        var low = factors.low.map { value * $0 }
        var high = factors.high.map { value * $0 }
        if qualifier == .exact, let reading, reading.scale > 1, reading.decimals > 0 {
            var unit = reading.scale
            for _ in 0..<reading.decimals { unit /= 10 }
            low = value - unit / 2
            high = value + unit / 2
        }
        return Quantity(kind: kind, value: value, low: low, high: high, qualifier: qualifier)
    }
}
