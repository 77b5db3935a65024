import Foundation

/// The pieces of a report written straight as UTF-8 bytes: a report over a million claims writes
/// tens of millions of fields, and building a `String` for each (and escaping it Character by
/// Character) took most of the time of writing it.
///
/// Every function writes exactly what the `String` it replaces would hold (the slow forms are
/// kept, as the reference and for the rare text the fast path cannot vouch for).
enum ReportBytes {
    static let dash: [UInt8] = Array("—".utf8)
    static let null: [UInt8] = Array("null".utf8)

    /// Calls `body` with `text`'s UTF-8 bytes, in place when the string is native (no copy of
    /// it, so no reference counting: two threads writing the same shared strings do not
    /// contend for their counts).
    @inline(__always)
    static func utf8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Whether any byte of `utf8` must be escaped in a JSON string: a control character, a
    /// quote or a backslash. Eight bytes at a time (claims' sentences are a few hundred bytes,
    /// and a report of a million claims looks at each a few times).
    @inline(__always)
    static func needsJSONEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(base), count = utf8.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var k = 0
        while k + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            // A byte below 0x20, or a byte that is zero once xored with '"' or '\' (the
            // classic tests: exact as to whether some byte of the word is one).
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let below = (word &- ones &* 0x20) & ~word
            let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            if (below | zeros) & highs != 0 { return true }
            k += 8
        }
        while k < count {
            let byte = base[k]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            k += 1
        }
        return false
    }

    /// Appends `text`'s UTF-8 bytes.
    @inline(__always)
    static func append(_ text: String, to b: inout [UInt8]) {
        utf8(text) { b.append(contentsOf: $0) }
    }

    /// Appends `n` in decimal, as `String(n)`.
    static func append(int n: Int, to b: inout [UInt8]) {
        if n < 0 {
            guard n != .min else { return append(String(n), to: &b) }
            b.append(UInt8(ascii: "-"))
        }
        var m = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[23 - count] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                count += 1
            } while m > 0
            b.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(24 - count)...]))
        }
    }

    /// Appends a day as `YYYY-MM-DD` (``Day/iso``).
    static func append(day: Day, to b: inout [UInt8]) {
        guard (0...9999).contains(day.year) else { return append(day.iso, to: &b) }
        b.append(UInt8(ascii: "0") + UInt8(day.year / 1000))
        b.append(UInt8(ascii: "0") + UInt8(day.year / 100 % 10))
        b.append(UInt8(ascii: "0") + UInt8(day.year / 10 % 10))
        b.append(UInt8(ascii: "0") + UInt8(day.year % 10))
        b.append(UInt8(ascii: "-"))
        b.append(UInt8(ascii: "0") + UInt8(day.month / 10))
        b.append(UInt8(ascii: "0") + UInt8(day.month % 10))
        b.append(UInt8(ascii: "-"))
        b.append(UInt8(ascii: "0") + UInt8(day.day / 10))
        b.append(UInt8(ascii: "0") + UInt8(day.day % 10))
    }

    /// Appends ``Report/number(_:)``: an integer when the value is one, else Swift's shortest form.
    static func append(number value: Double, to b: inout [UInt8]) {
        if value == value.rounded() && abs(value) < 1e15 { append(int: Int(value), to: &b) } else { append(String(value), to: &b) }
    }

    /// Appends ``FigureInterval/format(_:)``: `34,300`, `1,850,000`, `78.5`.
    static func append(formatted value: Double, to b: inout [UInt8]) {
        guard value.isFinite, abs(value) < 1e18 else { return append(FigureInterval.format(value), to: &b) }
        let magnitude = abs(value)
        var whole = magnitude.rounded(.towardZero)
        var fraction = ((magnitude - whole) * 100).rounded()
        if fraction >= 100 { whole += 1; fraction = 0 }
        if value < 0 { b.append(UInt8(ascii: "-")) }
        let n = Int(whole)
        // Groups of three digits, most significant first.
        var divisor = 1
        while divisor <= n / 1000 { divisor *= 1000 }
        var first = true
        while divisor > 0 {
            let group = n / divisor % 1000
            if first {
                append(int: group, to: &b)
                first = false
            } else {
                b.append(UInt8(ascii: ","))
                b.append(UInt8(ascii: "0") + UInt8(group / 100))
                b.append(UInt8(ascii: "0") + UInt8(group / 10 % 10))
                b.append(UInt8(ascii: "0") + UInt8(group % 10))
            }
            divisor /= 1000
        }
        if fraction > 0 {
            let f = Int(fraction)
            b.append(UInt8(ascii: "."))
            if f % 10 == 0 {
                append(int: f / 10, to: &b)
            } else {
                if f < 10 { b.append(UInt8(ascii: "0")) }
                append(int: f, to: &b)
            }
        }
    }

    /// Appends ``FigureInterval/description``: `240`, `[18,000, 20,000]`, `≥ 34,300`, `≤ 1,200`.
    static func append(interval: FigureInterval, to b: inout [UInt8]) {
        if interval.high == .infinity {
            b.append(contentsOf: [0xE2, 0x89, 0xA5, 0x20])  // "≥ "
            append(formatted: interval.low, to: &b)
        } else if interval.low == interval.high {
            append(formatted: interval.low, to: &b)
        } else if interval.low == 0 {
            b.append(contentsOf: [0xE2, 0x89, 0xA4, 0x20])  // "≤ "
            append(formatted: interval.high, to: &b)
        } else {
            b.append(UInt8(ascii: "["))
            append(formatted: interval.low, to: &b)
            b.append(UInt8(ascii: ","))
            b.append(UInt8(ascii: " "))
            append(formatted: interval.high, to: &b)
            b.append(UInt8(ascii: "]"))
        }
    }

    /// Appends `String(format: "%.1f", value)`. The value times ten is rounded to the nearest
    /// integer, ties to even, as printf does on the exact binary value; the one case the
    /// arithmetic cannot decide (a remainder that rounds to exactly one half) goes to printf.
    static func append(fixed1 value: Double, to b: inout [UInt8]) {
        let magnitude = abs(value)
        guard value.isFinite, magnitude < 1e14 else { return append(String(format: "%.1f", value), to: &b) }
        var n = (magnitude * 10).rounded(.down)
        // The remainder magnitude × 10 - n, with one rounding.
        var rest = fma(magnitude, 10, -n)
        if rest < 0 { n -= 1; rest = fma(magnitude, 10, -n) }
        if rest >= 1 { n += 1; rest = fma(magnitude, 10, -n) }
        guard rest >= 0, rest < 1, rest != 0.5 else { return append(String(format: "%.1f", value), to: &b) }
        if rest > 0.5 { n += 1 }
        let tenths = Int(n)
        if value.sign == .minus { b.append(UInt8(ascii: "-")) }
        append(int: tenths / 10, to: &b)
        b.append(UInt8(ascii: "."))
        b.append(UInt8(ascii: "0") + UInt8(tenths % 10))
    }

    /// Appends ``Report/csvField(_:)``: the text, quoted (quotes doubled) when it holds a comma,
    /// a quote or a line break.
    static func append(csvField text: String, to b: inout [UInt8]) {
        let done = utf8(text) { utf8 -> Bool in
            var special = false
            for k in utf8.indices {
                let byte = utf8[k]
                guard byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D else { continue }
                // A combining mark after the byte, or "\r\n", makes a Character that is none of
                // these: the slow path decides.
                if k + 1 < utf8.count, utf8[k + 1] >= 0x80 || (byte == 0x0D && utf8[k + 1] == 0x0A) { return false }
                special = true
            }
            guard special else {
                b.append(contentsOf: utf8)
                return true
            }
            b.append(0x22)
            for byte in utf8 {
                b.append(byte)
                if byte == 0x22 { b.append(0x22) }
            }
            b.append(0x22)
            return true
        }
        if !done { append(Report.csvField(text), to: &b) }
    }

    /// Appends ``Report/escape(_:)``: the text with `& < > " '` escaped for HTML.
    static func append(html text: String, to b: inout [UInt8]) {
        let mark = b.count
        let done = utf8(text) { utf8 -> Bool in
            var start = 0
            for k in utf8.indices {
                guard let replacement = htmlEntity(utf8[k]) else { continue }
                // A combining mark after it makes a Character that is not the ASCII one.
                if k + 1 < utf8.count, utf8[k + 1] >= 0x80 { return false }
                b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
                b.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = k + 1
            }
            b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            return true
        }
        if !done {
            b.removeLast(b.count - mark)
            append(Report.escape(text), to: &b)
        }
    }

    /// Appends ``Report/cell(_:)``: the text with line breaks made spaces and pipes escaped.
    static func append(cell text: String, to b: inout [UInt8]) {
        let mark = b.count
        let done = utf8(text) { utf8 -> Bool in
            for byte in utf8 where byte == 0x0A || byte == 0x0D { return false }
            var start = 0
            for k in utf8.indices where utf8[k] == 0x7C {
                // A combining mark after it makes a Character that is not "|".
                if k + 1 < utf8.count, utf8[k + 1] >= 0x80 { return false }
                b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
                b.append(UInt8(ascii: "\\"))
                start = k
            }
            b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            return true
        }
        if !done {
            b.removeLast(b.count - mark)
            append(Report.cell(text), to: &b)
        }
    }
}

extension ReportBytes {
    /// How a piece of text is escaped: for an HTML page, or for a Markdown table cell.
    enum Escaping {
        case html, cell
    }

    /// Appends `text` escaped.
    @inline(__always)
    static func append(_ text: String, _ escaping: Escaping, to b: inout [UInt8]) {
        switch escaping {
        case .html: append(html: text, to: &b)
        case .cell: append(cell: text, to: &b)
        }
    }

    /// Appends ``Report/marked(_:open:close:escape:)`` escaped for HTML (``Report/escape(_:)``),
    /// or for a Markdown cell (``Report/cell(_:)`` of the marked sentence). Sentences and
    /// figures in ASCII without line breaks are searched as bytes; others the slow way (the
    /// search follows Foundation's rules for other text).
    static func append(marked claim: Claim, open: StaticString, close: StaticString, _ escaping: Escaping, to b: inout [UInt8]) {
        func slow() {
            switch escaping {
            case .html: append(Report.marked(claim, open: "<mark>", close: "</mark>", escape: Report.escape), to: &b)
            case .cell: append(Report.cell(Report.marked(claim, open: "**", close: "**")), to: &b)
            }
        }
        let sentence = claim.sentence, text = claim.text
        guard !text.isEmpty else { return append(claim.sentence, escaping, to: &b) }
        func plain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in utf8 where byte >= 0x80 || byte == 0x0A || byte == 0x0D { return false }
            return true
        }
        let done = utf8(sentence) { s -> Bool in
            utf8(text) { t -> Bool in
                guard plain(s), plain(t) else { return false }
                guard let at = firstRange(of: t, in: s) else {
                    piece(s, 0..<s.count, escaping, to: &b)
                    return true
                }
                piece(s, 0..<at, escaping, to: &b)
                b.append(contentsOf: UnsafeBufferPointer(start: open.utf8Start, count: open.utf8CodeUnitCount))
                piece(s, at..<(at + t.count), escaping, to: &b)
                b.append(contentsOf: UnsafeBufferPointer(start: close.utf8Start, count: close.utf8CodeUnitCount))
                piece(s, (at + t.count)..<s.count, escaping, to: &b)
                return true
            }
        }
        if !done { slow() }
    }

    /// ASCII bytes `range` of `text`, escaped.
    private static func piece(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ escaping: Escaping, to b: inout [UInt8]) {
        let bytes = UnsafeBufferPointer(rebasing: text[range])
        switch escaping {
        case .html: appendHTML(ascii: bytes, to: &b)
        case .cell: appendCell(ascii: bytes, to: &b)
        }
    }

    /// Where `needle` (not empty) first occurs in `haystack`.
    private static func firstRange(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var k = 0
        while k <= haystack.count - needle.count {
            guard let hit = memchr(haystack.baseAddress! + k, Int32(first), haystack.count - needle.count - k + 1) else { return nil }
            k = haystack.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(haystack.baseAddress! + k, needle.baseAddress!, needle.count) == 0 { return k }
            k += 1
        }
        return nil
    }

    /// The entity that stands for `byte` in HTML text, if it needs one: `& < > " '`.
    @inline(__always) private static func htmlEntity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }

    /// ASCII bytes escaped for HTML.
    private static func appendHTML(ascii utf8: UnsafeBufferPointer<UInt8>, to b: inout [UInt8]) {
        var start = 0
        for k in utf8.indices {
            guard let replacement = htmlEntity(utf8[k]) else { continue }
            b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
            b.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            start = k + 1
        }
        b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// ASCII bytes without line breaks escaped for a Markdown cell.
    private static func appendCell(ascii utf8: UnsafeBufferPointer<UInt8>, to b: inout [UInt8]) {
        var start = 0
        for k in utf8.indices where utf8[k] == 0x7C {
            b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<k]))
            b.append(UInt8(ascii: "\\"))
            start = k
        }
        b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
}
