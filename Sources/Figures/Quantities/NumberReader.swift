/// Reads the value of a numeral from its bytes: digits with separators and decimals ("34,300",
/// "1.9", ".77"), suffixes ("20k", "1.2bn"), number words and their compounds ("three hundred
/// and twenty-one", "Two-hundred fifty", spoken hundreds "one twenty-two"), scale words ("1.9
/// million", "a dozen", "three crore twelve lakh"), fractions ("two-thirds", "a third"),
/// fractions of a scale ("half a million", "a quarter of a million", "one and a half million"),
/// "point" decimals ("two point two") and a sign ("minus 5", "-504").
///
/// Which words mean what comes from the rule tables (``NumberLexicon``); this is only the
/// arithmetic of putting them together. It works on the bytes and allocates nothing.
struct NumberReader: Sendable {
    /// A numeral's value and how it was written.
    struct Reading: Sendable, Equatable {
        var value: Double
        /// The largest scale word or suffix used (1 when none): 1,000,000 for "1.9 million".
        var scale: Double = 1
        /// Digits written after the decimal point ("1.9" → 1; "two point two" → 1).
        var decimals: Int = 0
        /// The numeral names a fraction ("two-thirds", "half").
        var isFraction = false
        /// For a numeral that is one amount times scale words ("3 million", "six thousand",
        /// "three hundred thousand"), the product of those words (1 when none); `nil` when it
        /// has more parts ("two hundred fifty"). A range shares it with an end written without
        /// a scale: "2 to 3 million".
        var multiplier: Double? = 1
    }

    let lexicon: NumberLexicon

    /// Reads `bytes[range]`; `nil` when it is not a numeral this reader understands.
    func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Reading? {
        var state = ReadingState()
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if ByteClass.isDigit(b) || (b == UInt8(ascii: ".") && i + 1 < end && ByteClass.isDigit(bytes[i + 1])) {
                guard let token = digitToken(bytes, from: i, to: end), state.add(token) else { return nil }
                i = token.end
            } else if ByteClass.isLetter(b) {
                var j = i
                while j < end, ByteClass.isLetter(bytes[j]) { j += 1 }
                guard add(word: i..<j, bytes, to: &state) else { return nil }
                i = j
            } else if b == UInt8(ascii: "-") || isMinusSign(bytes, i, end) {
                // A sign only before anything else and glued to digits ("-504"); otherwise a
                // hyphen between words ("twenty-four", "Two-hundred").
                if !state.sawNumber, i + 1 < end, bytes[i + 1] != 0x20 {
                    guard state.negate() else { return nil }
                }
                i += b == UInt8(ascii: "-") ? 1 : 3
            } else {
                i += 1 // spaces, dashes and other separators
            }
        }
        return state.reading()
    }

    /// One word of a numeral.
    private func add(word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, to state: inout ReadingState) -> Bool {
        if let value = lexicon.words.lookup(bytes, word) { return state.add(word: value) }
        if let scale = lexicon.scales.lookup(bytes, word) { return state.add(scale: scale) }
        if let fraction = lexicon.fractions.lookup(bytes, word) { return state.add(fraction: fraction) }
        switch Keyword(bytes, word) {
        case .and: state.afterAnd = true; return true
        case .of: return true
        case .article: return state.addArticle()
        case .point: return state.addPoint()
        case .minus: return state.negate()
        case nil: return false
        }
    }

    /// Digits with thousands separators and a decimal point, and a suffix glued to them.
    struct DigitToken {
        var value: Double
        var digits: Int
        var decimals: Int
        var multiplier: Double
        var end: Int
    }

    private func digitToken(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> DigitToken? {
        var j = start
        var mantissa: Double = 0
        var digits = 0
        var decimals = 0
        var inFraction = false
        while j < end {
            let c = bytes[j]
            if ByteClass.isDigit(c) {
                mantissa = mantissa * 10 + Double(c &- 0x30)
                digits += 1
                if inFraction { decimals += 1 }
                j += 1
            } else if !inFraction, digits > 0, let width = thousandsSeparator(bytes, j, end), isThousandsGroup(bytes, j + width, end) {
                j += width
            } else if c == UInt8(ascii: "."), !inFraction, j + 1 < end, ByteClass.isDigit(bytes[j + 1]) {
                inFraction = true
                j += 1
            } else {
                break
            }
        }
        guard digits > 0 else { return nil }
        var multiplier: Double = 1
        var k = j
        while k < end, ByteClass.isLetter(bytes[k]) { k += 1 }
        if k > j {
            guard let suffix = lexicon.suffixes.lookup(bytes, j..<k) else { return nil }
            multiplier = suffix
            j = k
        }
        // mantissa × multiplier / 10^decimals is exact where the decimal is: 19 × 10⁶ / 10.
        let value = mantissa * multiplier / NumberReader.powerOfTen(decimals)
        return DigitToken(value: value, digits: digits - decimals, decimals: decimals, multiplier: multiplier, end: j)
    }

    /// The width of a thousands separator at `i`: a comma, or a no-break (U+00A0), thin
    /// (U+2009) or narrow no-break (U+202F) space.
    private func thousandsSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        if bytes[i] == UInt8(ascii: ",") { return 1 }
        if bytes[i] == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
        if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF { return 3 }
        return nil
    }

    /// Three digits, and no fourth: a thousands group after a separator.
    private func isThousandsGroup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start + 3 <= end else { return false }
        for k in start..<start + 3 where !ByteClass.isDigit(bytes[k]) { return false }
        return start + 3 == end || !ByteClass.isDigit(bytes[start + 3])
    }

    /// − (U+2212, E2 88 92).
    private func isMinusSign(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i + 2 < end && bytes[i] == 0xE2 && bytes[i + 1] == 0x88 && bytes[i + 2] == 0x92
    }

    static func powerOfTen(_ n: Int) -> Double {
        var p: Double = 1
        for _ in 0..<n { p *= 10 }
        return p
    }
}

/// The words of a numeral that are neither numbers, scales nor fractions.
private enum Keyword {
    case and, of, article, point, minus

    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) {
        func equals(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == word.count else { return false }
            let text = literal.utf8Start
            for k in 0..<word.count where bytes[word.lowerBound + k] | 0x20 != text[k] { return false }
            return true
        }
        if equals("and") { self = .and }
        else if equals("of") { self = .of }
        else if equals("a") || equals("an") { self = .article }
        else if equals("point") { self = .point }
        else if equals("minus") || equals("negative") { self = .minus }
        else { return nil }
    }
}

/// The arithmetic of reading a numeral token by token. A group below a thousand is built from
/// number words, "hundred" and "dozen"; a scale from a thousand up closes it into the total.
private struct ReadingState {
    /// What the last token was, which decides what may follow.
    enum Last {
        case none, unit, teen, tens, closed, digits, hundred, bigScale, fraction, article, point
    }

    var total: Double = 0
    /// The group being built ("three hundred and twenty-one").
    var group: Double?
    /// A fraction waiting for a scale: "half" in "half a million".
    var pending: Double?
    var last = Last.none
    var afterAnd = false
    var lastBigScale: Double = 0
    var largestScale: Double = 1
    var decimals = 0
    var pointDivisor: Double = 1
    var sign: Double = 1
    var sawNumber = false
    /// For ``NumberReader/Reading/multiplier``: groups started, and whether a number followed
    /// a scale.
    var groupsStarted = 0
    var numberAfterScale = false
    var scaleProduct: Double = 1

    private mutating func startGroup(_ value: Double, _ kind: Last) {
        group = value
        last = kind
        groupsStarted += 1
        if scaleProduct > 1 { numberAfterScale = true }
    }

    private static func kind(of word: Double) -> ReadingState.Last {
        word < 10 ? .unit : word < 20 ? .teen : word < 100 ? .tens : .closed
    }

    mutating func add(word value: Double) -> Bool {
        defer { afterAnd = false; sawNumber = true }
        if last == .point {
            // "two point two five": each word is one more decimal.
            pointDivisor *= 10
            group = (group ?? 0) + value / pointDivisor
            decimals += 1
            return value < 10
        }
        let kind = ReadingState.kind(of: value)
        if scaleProduct > 1 { numberAfterScale = true }
        guard let current = group else {
            guard pending == nil else { return false }
            startGroup(value, kind)
            return true
        }
        switch (last, kind) {
        case (.tens, .unit) where value > 0:
            group = current + value // twenty-four
            last = .closed
        case (.hundred, .unit), (.hundred, .teen), (.hundred, .tens):
            group = current + value // three hundred (and) twenty
            last = kind == .tens ? .tens : .closed
        case (.unit, .tens), (.teen, .tens):
            group = current * 100 + value // spoken hundreds: one twenty, nineteen eighty
            last = .tens
        default:
            return false
        }
        return true
    }

    mutating func add(_ token: NumberReader.DigitToken) -> Bool {
        defer { afterAnd = false; sawNumber = true }
        if last == .point {
            // "1 point 1": the digits are decimals.
            let places = token.digits
            group = (group ?? 0) + token.value / NumberReader.powerOfTen(places)
            decimals += places
            last = .closed
            return token.multiplier == 1
        }
        guard group == nil, pending == nil, last != .article else { return false }
        startGroup(token.value, .digits)
        decimals += token.decimals
        if token.multiplier > 1 {
            largestScale = max(largestScale, token.multiplier)
            scaleProduct *= token.multiplier
            last = .closed
        }
        return true
    }

    mutating func add(scale: Double) -> Bool {
        defer { afterAnd = false; sawNumber = true }
        var base: Double
        if let fraction = pending {
            base = fraction // "half a million", "a quarter of a million"
            pending = nil
        } else if let current = group {
            base = current
        } else {
            base = total > 0 ? 0 : 1 // "three thousand millions" multiplies the total; "a million"
        }
        if scale < 1000 {
            // hundred, dozen: multiply the group being built.
            group = base * scale
            last = scale == 100 ? .hundred : .closed
        } else {
            // thousand and up close the group; a larger scale multiplies all before it.
            total = lastBigScale == 0 || scale > lastBigScale ? (total + base) * scale : total + base * scale
            lastBigScale = scale
            group = nil
            last = .bigScale
        }
        largestScale = max(largestScale, scale)
        scaleProduct *= scale
        return true
    }

    mutating func add(fraction: Double) -> Bool {
        defer { afterAnd = false; sawNumber = true }
        if last == .article, afterAndArticle, let current = group {
            group = current + fraction // one and a half
            last = .closed
            afterAndArticle = false
            return true
        }
        guard pending == nil else { return false }
        pending = (group ?? 1) * fraction // a third, two-thirds, half
        if group == nil { groupsStarted += 1 }
        group = nil
        last = .fraction
        return true
    }

    /// "one and a half": the article came right after "and".
    private var afterAndArticle = false

    mutating func addArticle() -> Bool {
        if pending != nil { return true } // half a million, a quarter of a million
        if afterAnd, group != nil {
            afterAndArticle = true
            last = .article
            afterAnd = false
            return true
        }
        guard group == nil, total == 0, !sawNumber else { return false }
        startGroup(1, .article) // a hundred, a dozen, a third
        return true
    }

    mutating func addPoint() -> Bool {
        guard pending == nil, last != .point else { return false }
        if group == nil { group = 0; groupsStarted += 1 }
        last = .point
        pointDivisor = 1
        return true
    }

    mutating func negate() -> Bool {
        guard !sawNumber, sign == 1 else { return false }
        sign = -1
        return true
    }

    func reading() -> NumberReader.Reading? {
        guard sawNumber, last != .article, last != .point || pointDivisor > 1 else { return nil }
        var value = total + (group ?? 0)
        if let fraction = pending { value += fraction }
        // 2.2 × 1,000,000 is 2200000.0000000005 in binary: an amount with a scale word is a
        // whole number of its last written decimal place.
        if largestScale > 1 {
            let unit = largestScale / NumberReader.powerOfTen(decimals)
            let units = value / unit
            if abs(units - units.rounded()) < 1e-6 { value = units.rounded() * unit }
        }
        let simple = groupsStarted <= 1 && !numberAfterScale
        return NumberReader.Reading(
            value: value * sign,
            scale: largestScale,
            decimals: decimals,
            isFraction: pending != nil && total == 0 && group == nil,
            multiplier: simple ? scaleProduct : nil)
    }
}
