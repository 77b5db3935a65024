/// The corpus generator's random numbers: SplitMix64, with our own range and choice functions so
/// that the same seed gives the same bytes on every platform and every Swift version (the
/// standard library's `random(in:using:)` does not promise a stable algorithm).
struct CorpusRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for item `index` of the stream named by `seed`: items are independent, so an
    /// article can be generated without generating the ones before it.
    init(seed: UInt64, index: Int) {
        var mixer = CorpusRandom(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        for _ in 0..<2 { _ = mixer.next() }
        state = mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(truncatingIfNeeded: (next() >> 1) % UInt64(n))
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) < p
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A number near `value` rounded to two or three significant digits, as reporters round.
    mutating func round(_ value: Int) -> Int {
        var unit = 1
        while value / unit >= (chance(0.5) ? 100 : 1000) { unit *= 10 }
        return max(unit, (value / unit) * unit)
    }

    /// Sixteen lowercase hex digits.
    mutating func hex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var value = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in (0..<16).reversed() { bytes[i] = digits[Int(value & 15)]; value >>= 4 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
