/// A number as written and what it means.
struct Amount {
    var text: String
    var value: Double
    var qualifier: Qualifier
}

/// A time phrase (with its leading space, or empty) and the date it fixes.
struct When {
    var text: String
    var refersTo: String?
    var isInterval: Bool { refersTo?.contains("/") ?? false }
}

/// One sentence being written, with its claims at sentence offsets.
struct SentenceBuffer {
    struct Local {
        var claim: NewsCorpus.GoldClaim
        var start: Int
        var end: Int
        var partOf: Int?
    }

    var bytes: [UInt8] = []
    var claims: [Local] = []
    var figures = 0

    var mark: Int { bytes.count }

    mutating func add(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Records a claim spanning `from` to what has been written so far; returns its index in
    /// the sentence (for ``Local/partOf``).
    @discardableResult
    mutating func claim(from start: Int, category: String, amount: Amount, population: String?, refersTo: String?,
                        attributedTo: String? = nil, unit: Claim.Unit = .people, modality: Claim.Modality = .reported,
                        optional: Bool = false, partOf: Int? = nil) -> Int {
        let claim = NewsCorpus.GoldClaim(
            span: "", value: amount.value, qualifier: amount.qualifier, category: category, population: population,
            refersTo: refersTo, attributedTo: attributedTo, unit: unit, modality: modality, optional: optional,
            partOf: nil, start: start, end: mark)
        claims.append(Local(claim: claim, start: start, end: mark, partOf: partOf))
        figures += 1
        return claims.count - 1
    }

    /// Upper-cases the first byte when it is an ASCII letter (same length: offsets hold).
    mutating func capitalizeFirst() {
        if let first = bytes.first, first >= 0x61, first <= 0x7A { bytes[0] = first - 0x20 }
    }
}

extension ArticleGenerator {
    // MARK: - Numbers

    static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// `value` in words ("twenty-four"), for 0 to 99.
    func words(_ value: Int, hyphen: Bool) -> String {
        if value < 20 { return Self.units[value] }
        let unit = value % 10
        return Self.tens[value / 10] + (unit == 0 ? "" : (hyphen ? "-" : " ") + Self.units[unit])
    }

    /// An exact count, in digits or (below 100, when `words`) in words.
    mutating func number(_ value: Int, words useWords: Bool) -> Amount {
        if useWords && value < 100 {
            return Amount(text: words(value, hyphen: rng.chance(0.85)), value: Double(value), qualifier: .exact)
        }
        return Amount(text: digits(value), value: Double(value), qualifier: .exact)
    }

    /// `value` in digits: "34,300", sometimes "1200" below ten thousand.
    mutating func digits(_ value: Int) -> String {
        let plain = String(value)
        if value < 1000 || (value < 10_000 && rng.chance(0.1)) { return plain }
        var out: [Character] = []
        for (i, c) in plain.enumerated() {
            if i > 0 && (plain.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out)
    }

    /// A count as a reporter writes it: rounded when large, often qualified ("more than 34,300",
    /// "nearly 1.9 million", "an estimated 12,000"), sometimes in words.
    mutating func quantity(_ raw: Int, round: Bool = true) -> Amount {
        var value = round ? rng.round(raw) : raw
        let text: String
        if value >= 1_000_000 && rng.chance(0.8) {
            value = (value / 100_000) * 100_000
            let tenths = value / 100_000
            let scale = rng.pick(["million", "million", "m"])
            let number = tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
            text = scale == "m" ? number + "m" : number + " " + scale
        } else if value < 100 && rng.chance(0.4) {
            text = words(value, hyphen: rng.chance(0.85))
        } else {
            text = digits(value)
        }
        let phrases: [(String, Qualifier)]
        // Round numbers take any qualifier; exact counts only a lower bound, if anything.
        switch round ? rng.below(10) : rng.pick([0, 2, 3, 9, 9, 9, 9]) {
        case 0, 1: phrases = [("more than", .moreThan), ("over", .moreThan), ("upwards of", .moreThan), ("in excess of", .moreThan), ("well over", .moreThan)]
        case 2, 3, 4: phrases = [("at least", .atLeast), ("no fewer than", .atLeast), ("a minimum of", .atLeast)]
        case 5: phrases = [("nearly", .nearly), ("almost", .nearly), ("close to", .nearly)]
        case 6: phrases = [("about", .approximately), ("around", .approximately), ("roughly", .approximately), ("some", .approximately), ("an estimated", .approximately)]
        case 7: phrases = [("fewer than", .lessThan), ("less than", .lessThan), ("up to", .upTo), ("as many as", .upTo)]
        default: phrases = [("", .exact)]
        }
        let (phrase, qualifier) = rng.pick(phrases)
        return Amount(text: phrase.isEmpty ? text : phrase + " " + text, value: Double(value), qualifier: qualifier)
    }

    // MARK: - Time

    enum TimeKind { case since, start, day, month, asOf }

    /// A time phrase of `kind` that is true of this article's war and publication date.
    mutating func when(_ kind: TimeKind) -> When {
        let start = theatre.start
        var result: When
        switch kind {
        case .since:
            let needsYear = published.ordinal - start.ordinal > 300 || rng.chance(0.3)
            let date = Dates.date(start, style: rng.below(3), year: needsYear)
            let lead = rng.pick([" since", " since", " since the war began on", " since fighting erupted on"])
            result = When(text: "\(lead) \(date)", refersTo: "\(start.iso)/\(published.iso)")
        case .start:
            let date = Dates.date(start, style: rng.below(3), year: rng.chance(0.4))
            result = When(text: rng.pick([" on \(date)", " in the attack of \(date)", " on \(date), when the war began"]), refersTo: start.iso)
        case .day:
            let back = rng.chance(0.8) ? rng.int(0...6) : rng.int(7...40)
            let day = published.adding(days: -back)
            if day < start { return when(.asOf) }
            let weekday = Dates.weekdays[day.weekday - 1]
            let text: String
            if back == 1 && rng.chance(0.3) {
                text = " yesterday"
            } else if back <= 6 {
                text = rng.pick([" on \(weekday)", " on \(weekday)", " on \(weekday) night", " late \(weekday)", " early \(weekday)", " on \(weekday) morning"])
            } else {
                text = " on " + Dates.monthDay(day, style: rng.below(3))
            }
            result = When(text: text, refersTo: day.iso)
        case .month:
            let back = rng.int(1...8)
            let (year, month) = published.monthAdding(-back)
            if year * 12 + month < start.year * 12 + start.month { return when(.day) }
            let iso = String(year) + "-" + (month < 10 ? "0" : "") + String(month)
            let name = Dates.months[month - 1]
            let text: String
            if back == 1 && rng.chance(0.4) {
                text = " last month"
            } else if year != published.year || rng.chance(0.3) {
                text = " in \(name) \(year)"
            } else {
                text = rng.pick([" in \(name)", " during \(name)", " in \(name)"])
            }
            result = When(text: text, refersTo: iso)
        case .asOf:
            if rng.chance(0.5) { return When(text: "", refersTo: published.iso) }
            let day = published.adding(days: -rng.int(0...5))
            let text = rng.chance(0.6) ? " as of \(Dates.weekdays[day.weekday - 1])" : " as of " + Dates.monthDay(day, style: rng.below(3))
            result = When(text: text, refersTo: day.iso)
        }
        figures += 1
        return result
    }
}

/// Dates written the ways news writes them.
enum Dates {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    /// AP style: short months spelled out, the rest abbreviated with a period.
    static let apMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `monthDay`, then the year when `year`: "Oct. 7, 2023", "7 October 2023".
    static func date(_ day: Day, style: Int, year: Bool) -> String {
        monthDay(day, style: style) + (year ? (style == 2 ? " " : ", ") + String(day.year) : "")
    }

    /// Style 0: "Oct. 7"; 1: "October 7"; 2: "7 October".
    static func monthDay(_ day: Day, style: Int) -> String {
        switch style {
        case 0: return "\(apMonths[day.month - 1]) \(day.day)"
        case 1: return "\(months[day.month - 1]) \(day.day)"
        default: return "\(day.day) \(months[day.month - 1])"
        }
    }
}

/// Sums of money, which are figures but never claims about people.
enum Money {
    static func random(_ rng: inout CorpusRandom) -> String {
        let whole = rng.int(1...900), tenth = rng.int(1...9)
        switch rng.below(7) {
        case 0: return "$\(whole / 100 + 1).\(tenth) billion"
        case 1: return "€\(whole) million"
        case 2: return "£\(whole / 10 + 1).\(tenth) million"
        case 3: return "US$\(whole),000"
        case 4: return "\(whole) million euros"
        case 5: return "$\(whole)m"
        default: return "\(whole),\(rng.int(100...999)) shekels"
        }
    }
}

extension String {
    /// The string with its first ASCII letter upper-cased.
    var capitalizingFirstASCII: String {
        guard let first = utf8.first, first >= 0x61, first <= 0x7A else { return self }
        return String(decoding: [first - 0x20] + utf8.dropFirst(), as: UTF8.self)
    }

    /// The string left-padded with zeros to `width` characters.
    func zeroPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
