import PCRE2

/// Turns the captures of a number rule's match into a ``Quantity``.
///
/// The groups it reads are documented on ``Capture``. The bounds each qualifier gives come from
/// the `qualifiers` and `qualifier_bounds` tables, the bounds of vague amounts from the `vague`
/// table; the precision rule ("1.9 million" is 1,850,000 to 1,950,000) is the one piece of
/// policy written here.
struct QuantityInterpreter: Sendable {
    let lexicon: NumberLexicon
    var reader: NumberReader { NumberReader(lexicon: lexicon) }

    func interpret(kind ruleKind: String?, captures: CaptureMap, matcher: Matcher, bytes: UnsafeBufferPointer<UInt8>) -> Quantity? {
        let reader = self.reader
        func range(_ capture: Capture) -> Range<Int>? {
            captures.range(capture, in: matcher)
        }
        var qualifier = NumberLexicon.QualifierEntry(qualifier: .exact, bounds: lexicon.bounds[.exact] ?? .init(low: 1, high: 1))
        if let q = range(.qualifier) {
            guard let found = lexicon.qualifiers.lookup(bytes, q) else { return nil }
            qualifier = found
        }
        var kind = ruleKind.flatMap(Quantity.Kind.init(rawValue:))
        if range(.percent) != nil { kind = .percent }
        if range(.currency) != nil { kind = .money }

        // A vague amount: "dozens", "tens of thousands", "several", "several million".
        if let v = range(.vague) {
            guard let vague = lexicon.vague.lookup(bytes, v) else { return nil }
            var scale: Double = 1
            if let s = range(.value) {
                guard let reading = reader.read(bytes, s) else { return nil }
                scale = reading.value
            }
            let amount = vague.scaled(by: scale)
            if qualifier.qualifier == .exact {
                return Quantity(kind: kind ?? .vague, value: amount.value, low: amount.low, high: amount.high, qualifier: .atLeast)
            }
            return bounded(amount.value, reading: nil, kind: kind ?? .vague, qualifier: qualifier)
        }

        // A range: "between 10 and 20", "2 to 3 million", "$2-3 million".
        if let l = range(.low), let h = range(.high) {
            guard var low = reader.read(bytes, l), let high = reader.read(bytes, h) else { return nil }
            if low.multiplier == 1, let shared = high.multiplier, shared > 1, low.value * shared <= high.value {
                low.value *= shared // the scale written once applies to both ends
            }
            guard low.value < high.value else { return nil }
            let rangeKind: Quantity.Kind = kind == .percent || kind == .money ? kind! : .range
            // A qualifier widens the ends by its factors: "some 30-40" is 27 to 44.
            let bounds = qualifier.bounds
            return Quantity(kind: rangeKind, value: low.value, low: bounds.low.map { tidy(low.value * $0) }, high: bounds.high.map { tidy(high.value * $0) },
                            qualifier: qualifier.qualifier == .exact ? .range : qualifier.qualifier)
        }

        // A ratio: "one in five", "three out of four".
        if let n = range(.numerator), let d = range(.denominator) {
            guard let numerator = reader.read(bytes, n), let denominator = reader.read(bytes, d),
                  denominator.value > 0, numerator.value > 0, numerator.value <= denominator.value else { return nil }
            return bounded(numerator.value / denominator.value, reading: nil, kind: .fraction, qualifier: qualifier)
        }

        guard let v = range(.value) ?? range(.fraction), let reading = reader.read(bytes, v) else { return nil }
        if reading.isFraction, kind == nil || kind == .count { kind = .fraction }
        return bounded(reading.value, reading: reading, kind: kind ?? .count, qualifier: qualifier)
    }

    /// The same amount under another qualifier, with that qualifier's bounds from the
    /// `qualifier_bounds` table: the claims layer uses it when a verb bounds a figure written
    /// without a qualifier ("the toll surpassed 40,000").
    func requalified(_ quantity: Quantity, as qualifier: Qualifier) -> Quantity {
        let bounds = lexicon.bounds[qualifier] ?? NumberLexicon.Bounds(low: 1, high: 1)
        return bounded(quantity.value, reading: nil, kind: quantity.kind, qualifier: .init(qualifier: qualifier, bounds: bounds))
    }

    /// Applies a qualifier's bounds, and for an exact scaled decimal ("1.9 million") the precision
    /// as written: half a unit of the last written digit either way.
    private func bounded(_ value: Double, reading: NumberReader.Reading?, kind: Quantity.Kind, qualifier: NumberLexicon.QualifierEntry) -> Quantity {
        var low = qualifier.bounds.low.map { value * $0 }
        var high = qualifier.bounds.high.map { value * $0 }
        if value < 0, let l = low, let h = high, l > h { swap(&low, &high) } // minus 5: the factors flip
        if qualifier.qualifier == .exact, let reading, reading.scale > 1, reading.decimals > 0 {
            let unit = reading.scale / NumberReader.powerOfTen(reading.decimals)
            low = value - unit / 2
            high = value + unit / 2
        }
        return Quantity(kind: kind, value: value, low: low.map(tidy), high: high.map(tidy), qualifier: qualifier.qualifier)
    }

    /// A bound rounded to 12 significant digits: 6.6, not 6 × 1.1 = 6.6000000000000005.
    private func tidy(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        var magnitude = 0
        var m = abs(x)
        while m >= 10 { m /= 10; magnitude += 1 }
        while m < 1 { m *= 10; magnitude -= 1 }
        let exponent = magnitude - 11
        if exponent < 0 {
            let p = NumberReader.powerOfTen(-exponent)
            return (x * p).rounded() / p
        }
        let p = NumberReader.powerOfTen(exponent)
        return (x / p).rounded() * p
    }
}
