/// Reads the value of a numeral from its bytes: digits with separators and decimals ("34,300",
/// "1.9"), suffixes ("20k", "1.2bn"), number words and compounds ("three hundred and
/// twenty-one", "Two-hundred fifty"), scale words ("1.9 million", "a dozen", "half a million"),
/// and fractions ("two-thirds", "a third").
///
/// Which words mean what comes from the rule tables (``NumberLexicon``); this is only the
/// arithmetic of putting them together.
struct NumberReader {
    /// A numeral's value and how it was written.
    struct Reading: Sendable, Equatable {
        var value: Double
        /// The largest scale word or suffix used (1 when none): 1,000,000 for "1.9 million".
        var scale: Double = 1
        /// Digits written after the decimal point ("1.9" → 1).
        var decimals: Int = 0
        /// The numeral names a fraction ("two-thirds", "half").
        var isFraction = false
    }

    let lexicon: NumberLexicon

    /// Reads `bytes[range]`; `nil` when it is not a numeral this reader understands.
    func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Reading? {
        var total: Double = 0
        var current: Double? = nil
        var lastScale: Double = 0
        var largestScale: Double = 1
        var decimals = 0
        var sign: Double = 1
        var isFraction = false
        var pendingHalf = false
        var sawNumber = false
        var afterPoint = false
        var pointDivisor: Double = 1

        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if ByteClass.isDigit(b) || (b == UInt8(ascii: ".") && i + 1 < end && ByteClass.isDigit(bytes[i + 1])) {
                // A digit token: digits, thousands commas, one decimal point, then an optional suffix.
                var j = i
                var integer: Double = 0
                var fraction: Double = 0
                var divisor: Double = 1
                var inFraction = false
                var digits = 0
                while j < end {
                    let c = bytes[j]
                    if ByteClass.isDigit(c) {
                        if inFraction { divisor *= 10; fraction = fraction * 10 + Double(c &- 0x30); decimals += 1 }
                        else { integer = integer * 10 + Double(c &- 0x30) }
                        digits += 1
                        j += 1
                    } else if c == UInt8(ascii: ","), !inFraction, j + 3 < end + 1, j + 3 <= end,
                              (j + 1..<j + 4).allSatisfy({ $0 < end && ByteClass.isDigit(bytes[$0]) }),
                              j + 4 >= end || !ByteClass.isDigit(bytes[j + 4]) {
                        j += 1 // a thousands separator: exactly three digits follow
                    } else if c == UInt8(ascii: "."), !inFraction, j + 1 < end, ByteClass.isDigit(bytes[j + 1]) {
                        inFraction = true
                        j += 1
                    } else {
                        break
                    }
                }
                guard digits > 0 else { return nil }
                var value = integer + fraction / divisor
                // A suffix glued to the digits: 20k, 1.2bn, 3M.
                var k = j
                while k < end, ByteClass.isLetter(bytes[k]) { k += 1 }
                if k > j {
                    guard let multiplier = lexicon.suffixes.lookup(bytes, j..<k) else { return nil }
                    value *= multiplier
                    largestScale = max(largestScale, multiplier)
                    j = k
                }
                if afterPoint { return nil }
                current = (current ?? 0) + value
                sawNumber = true
                i = j
                continue
            }
            if ByteClass.isLetter(b) {
                var j = i
                while j < end, ByteClass.isLetter(bytes[j]) || bytes[j] == UInt8(ascii: "'") { j += 1 }
                let word = i..<j
                i = j
                if let v = lexicon.words.lookup(bytes, word) {
                    if afterPoint {
                        pointDivisor *= 10
                        current = (current ?? 0) + v / pointDivisor
                        decimals += 1
                    } else {
                        current = (current ?? 0) + v
                    }
                    sawNumber = true
                    continue
                }
                if let scale = lexicon.scales.lookup(bytes, word) {
                    afterPoint = false
                    var base = current ?? 1
                    if pendingHalf { base *= 0.5; pendingHalf = false }
                    if scale < 1000 {
                        // hundred, dozen: multiply the group being built.
                        current = base * scale
                    } else {
                        // thousand and up close a group; a scale larger than the last one
                        // multiplies everything so far ("three thousand millions").
                        total = scale > lastScale ? (total + base) * scale : total + base * scale
                        current = nil
                        lastScale = scale
                    }
                    largestScale = max(largestScale, scale)
                    sawNumber = true
                    continue
                }
                if let fraction = lexicon.fractions.lookup(bytes, word) {
                    if fraction == 0.5, i < end, nextWordIsArticle(bytes, i, end) {
                        // "half a million": the half multiplies the scale that follows.
                        pendingHalf = true
                        sawNumber = true
                        continue
                    }
                    if let c = current, c >= 1, c == c.rounded(), fraction == 0.5, wordBefore(bytes, word.lowerBound, range.lowerBound, is: "a") {
                        // "one and a half (million)"
                        current = c + 0.5
                    } else {
                        current = (current ?? 1) * fraction
                        isFraction = true
                    }
                    sawNumber = true
                    continue
                }
                switch lowercased(bytes, word) {
                case "and", "of": continue
                case "a", "an": if current == nil { current = 1 }; continue
                case "point": afterPoint = true; pointDivisor = 1; current = current ?? 0; continue
                case "minus", "negative": sign = -1; continue
                default: return nil
                }
            }
            if b == UInt8(ascii: "-") && !sawNumber && i + 1 < end && (ByteClass.isDigit(bytes[i + 1]) || bytes[i + 1] == 0x20) {
                sign = -1
            }
            i += 1 // spaces, hyphens, dashes and other separators
        }
        guard sawNumber else { return nil }
        var value = (total + (current ?? 0)) * sign
        // 1.9 × 1,000,000 is 1899999.9999999998 in binary: scaled amounts are whole.
        if largestScale > 1, abs(value) >= 1 { value = value.rounded() }
        return Reading(value: value, scale: largestScale, decimals: decimals, isFraction: isFraction)
    }

    private func nextWordIsArticle(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Bool {
        var i = from
        while i < end, !ByteClass.isLetter(bytes[i]) { i += 1 }
        var j = i
        while j < end, ByteClass.isLetter(bytes[j]) { j += 1 }
        let word = lowercased(bytes, i..<j)
        return word == "a" || word == "an"
    }

    private func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ start: Int, is expected: String) -> Bool {
        var j = position - 1
        while j >= start, !ByteClass.isLetter(bytes[j]) { j -= 1 }
        var i = j
        while i >= start, ByteClass.isLetter(bytes[i]) { i -= 1 }
        return j >= start && lowercased(bytes, (i + 1)..<(j + 1)) == expected
    }

    private func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard range.count <= 8 else { return "" }
        var s = ""
        for i in range { s.unicodeScalars.append(Unicode.Scalar(bytes[i] | 0x20)) }
        return s
    }
}
