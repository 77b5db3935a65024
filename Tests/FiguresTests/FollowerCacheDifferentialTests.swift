import Foundation
import Testing
import PCRE2
@testable import Figures

/// The follower caches (a trigger word's rules narrowed by the three bytes after it, a number's
/// by its digits and three bytes more) skip a rule only when its context-free variant cannot
/// match the bytes probed. Held here to that claim two ways:
///
/// - rule by rule: at every word start and number of a text, every rule that matches there (in
///   the whole text, with whatever stands before) must be judged possible by its probe on the
///   very prefix the scanner would probe, and, more strictly, on every prefix up to a few bytes
///   past its match;
/// - scan by scan: the shipped scanner, the same scanner with no probes (no narrowing at all),
///   and the exhaustive scanner with no probes (every rule at every word start and symbol) give
///   the same mentions.
///
/// The committed tests are small; `FIGURES_FUZZ_MB=N` runs the long fuzz (N MB of generated news
/// and as much again of mutations and adversarial strings), best in release:
/// `swift test -c release -Xswiftc -enable-testing --filter FollowerCacheDifferential`.
@Suite struct FollowerCacheDifferentialTests {
    /// Fast: the fixtures, each rule's examples after contexts lookbehinds read, adversarial
    /// strings, a little generated news.
    @Test func smallCorpusAgrees() throws {
        let clock = ContinuousClock(), start = clock.now
        var fuzz = try Fuzz(exhaustive: true, allPrefixes: true)
        print("fuzz: scanners built in \(clock.now - start)")
        var rng = SplitMix(seed: 7)
        for (index, text) in Fuzz.fixedTexts().enumerated() { try fuzz.run(text.0, published: text.1, mutate: index % 4 == 0, rng: &rng) }
        for text in Fuzz.ruleExampleTexts(Support.rules, contexts: 6) { try fuzz.run(text, published: Fuzz.published, mutate: false, rng: &rng) }
        for _ in 0..<300 { try fuzz.run(Fuzz.adversarial(&rng, vocabulary: fuzz.vocabularyList), published: Fuzz.published, mutate: false, rng: &rng) }
        for article in NewsCorpus(seed: 5, density: .dense).articles(size: 15_000) {
            try fuzz.run(article.text, published: article.published, mutate: false, rng: &rng)
        }
        fuzz.report()
        print("fuzz: done in \(clock.now - start)")
        #expect(fuzz.matchesChecked > 5_000)
        #expect(fuzz.filterFailures.count <= 1) // "One-halfofthefunds…": see longFuzz
        #expect(fuzz.failures.isEmpty, "\(fuzz.failures.prefix(20).joined(separator: "\n"))")
    }

    /// Rule files of a user's (`--rules`) may be written with PCRE2 syntax the context-free parser
    /// does not read as PCRE2 does; each of these rules matches "5 widgets" (or "7#w") after a
    /// space, but its probe refuses the scanner's prefix, so the shipped scanner misses it where
    /// three ASCII bytes follow the number, and finds it where they do not (a no-break space).
    @Test func userRulesTheParserMisreads() throws {
        let folder = NSTemporaryDirectory() + "figures-user-rules-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = #"""
        define:
          after_letter: '(?<= [a-z] )'
        rules:
          # An alpha assertion: a lookbehind the parser takes for a verb.
          - {name: widgets_plb, layer: number, kind: count, pattern: '(*plb:\s) (?<value> [0-9]+ ) \s+ widgets'}
          # Extended mode off: what follows '#' is no comment, and holds a lookbehind.
          - {name: widgets_nox, layer: number, kind: count, pattern: '(?-x)(?<value>7)#(?<= 7#)w'}
          - {name: widgets_caret, layer: number, kind: count, pattern: '(?^)(?<value>7)#(?<= 7#)w'}
          # A capture inside a lookbehind: removing it renumbers the groups a condition reads.
          - {name: widgets_capture, layer: number, kind: count, pattern: '(?: (?<= (\s) ) )? (?<value> [0-9]+ ) (x)? \s+ (?(2) widgets | gadgets )'}
          # A subroutine call written \g<name>, inside a negative assertion: not seen as a call.
          - {name: widgets_g, layer: number, kind: count, pattern: '(?! \g<after_letter> ) (?<value> [0-9]+ ) \s+ widgets (?&after_letter)?'}
        """#
        // The user's rules alone (the standard ones disabled, to load fast).
        let standard = try String(decoding: JSONEncoder().encode(Support.rules.lexicalRuleNames), as: UTF8.self)
        try (yaml + "\ndisable: \(standard)\n").write(toFile: folder + "/user.yaml", atomically: true, encoding: .utf8)
        let book = try RuleBook.load([folder + "/user.yaml"])
        var fuzz = try Fuzz(book: book, exhaustive: false, allPrefixes: false)
        try fuzz.check("They made 5 widgets, x 7#w and more.", published: Fuzz.published)
        fuzz.report()
        for rule in ["widgets_plb", "widgets_nox", "widgets_caret", "widgets_capture", "widgets_g"] {
            #expect(!fuzz.failures.contains { $0.contains("rule \(rule) ") }, "\(rule)")
        }
        // What a user sees: each rule is found where the scanner does not narrow (a no-break
        // space after the number), and missed where it does.
        let session = Lexer(rules: book).session()
        let narrowed = try session.mentions(in: "They made 5 widgets, x 7#w and more.", published: Fuzz.published).map(\.rule)
        let unnarrowed = try session.mentions(in: "They made 5\u{A0}widgets, x 7#w", published: Fuzz.published).map(\.rule)
        #expect(unnarrowed.contains("widgets_plb") && unnarrowed.contains("widgets_nox"))
        #expect(narrowed.contains("widgets_plb") && narrowed.contains("widgets_nox"), "\(narrowed)")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FIGURES_FUZZ_MB"] != nil))
    func longFuzz() throws {
        let env = ProcessInfo.processInfo.environment
        let megabytes = Int(env["FIGURES_FUZZ_MB"] ?? "") ?? 4
        let seed = UInt64(env["FIGURES_FUZZ_SEED"] ?? "") ?? 1
        let exhaustive = env["FIGURES_FUZZ_EXHAUSTIVE"] != "0"
        var fuzz = try Fuzz(exhaustive: exhaustive, allPrefixes: env["FIGURES_FUZZ_ALL_PREFIXES"] != "0")
        var rng = SplitMix(seed: seed)
        let start = Date()
        for text in Fuzz.fixedTexts() { try fuzz.run(text.0, published: text.1, mutate: true, rng: &rng) }
        for text in Fuzz.ruleExampleTexts(Support.rules) { try fuzz.run(text, published: Fuzz.published, mutate: true, rng: &rng) }
        // Extra files: text files, or JSON Lines with "text" or "input".
        for path in (env["FIGURES_FUZZ_FILES"] ?? "").split(separator: ":").map(String.init) where !path.isEmpty {
            for text in Fuzz.texts(inFile: path) { try fuzz.run(text, published: Fuzz.published, mutate: true, rng: &rng) }
        }
        // Generated news, dense and sparse, several seeds; a third of the articles also mutated.
        let budget = megabytes * 1_000_000
        var generated = 0
        var corpusSeed = seed &* 1000
        while generated < budget {
            for density in NewsCorpus.Density.allCases {
                for article in NewsCorpus(seed: corpusSeed, density: density).articles(size: 1_000_000) {
                    try fuzz.run(article.text, published: article.published, mutate: rng.next() % 3 == 0, rng: &rng)
                    generated += article.text.utf8.count
                }
            }
            corpusSeed &+= 1
            print("fuzz: \(fuzz.bytes / 1_000_000) MB scanned, \(fuzz.matchesChecked) rule matches checked, \(fuzz.failures.count) failures, \(Int(Date().timeIntervalSince(start))) s")
        }
        // Adversarial strings: as many bytes again as a fifth of the news.
        var adversarial = 0
        while adversarial < budget / 5 {
            let text = Fuzz.adversarial(&rng, vocabulary: fuzz.vocabularyList)
            try fuzz.run(text, published: Fuzz.published, mutate: true, rng: &rng)
            adversarial += text.utf8.count
        }
        fuzz.report()
        #expect(fuzz.failures.isEmpty, "\(fuzz.failures.prefix(40).joined(separator: "\n"))")
    }
}

/// The rules without their context-free probes: a scanner made of them narrows nothing by the
/// bytes after a candidate, which makes it the reference the follower caches are checked against.
func rulesWithoutProbes(_ rules: [LexicalScanner.CompiledRule]) -> [LexicalScanner.CompiledRule] {
    rules.map { compiled in
        var rule = compiled.rule
        rule.probe = nil
        return LexicalScanner.CompiledRule(rule: rule, pattern: compiled.pattern, captures: compiled.captures, firstBytes: compiled.firstBytes)
    }
}

/// A deterministic generator: the corpus generator's, with the picks the fuzz needs.
struct SplitMix {
    private var random: CorpusRandom
    init(seed: UInt64) { random = CorpusRandom(seed: seed) }
    mutating func next() -> UInt64 { random.next() }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
}

struct Fuzz {
    static let published = Day(year: 2024, month: 4, day: 27)

    let book: RuleBook
    let filtered: LexicalScanner
    let noProbe: LexicalScanner
    let exhaustive: LexicalScanner?
    let publication: LexicalScanner
    let publicationNoProbe: LexicalScanner
    let scratch: [LexicalScanner.Scratch]
    let matchers: [Matcher]
    let probes: [Matcher?]
    let firstBytes: [[Bool]?]
    let names: [String]
    let allPrefixes: Bool
    let vocabularyList: [String]

    /// What the caches got wrong: a probe that refused a rule that matches, or a scan that
    /// differs from the same scan without probes.
    var failures: [String] = []
    /// Where the scanner without probes differs from the exhaustive one: the candidate filter
    /// (trigger words, byte pairs), which predates the caches.
    var filterFailures: [String] = []
    var bytes = 0
    var texts = 0
    var matchesChecked = 0
    var prefixesChecked = 0
    var scannerWindows = 0
    /// Per rule: matches at a position the scanner narrows (where the probe decided).
    var narrowedMatches: [Int]

    init(book: RuleBook = Support.rules, exhaustive withExhaustive: Bool, allPrefixes: Bool) throws {
        self.book = book
        filtered = book.scanner
        publication = book.publicationScanner
        let stripped = rulesWithoutProbes(filtered.rules)
        let vocabulary = RuleBook.vocabulary(lexicon: book.lexicon, rules: filtered.rules)
        vocabularyList = vocabulary.filter { $0.count > 2 }.sorted()
        noProbe = try LexicalScanner(rules: stripped, quantities: filtered.quantities, dates: filtered.dates, vocabulary: vocabulary, publication: false)
        publicationNoProbe = try LexicalScanner(rules: stripped, quantities: filtered.quantities, dates: filtered.dates, vocabulary: vocabulary, publication: true)
        exhaustive = withExhaustive
            ? try LexicalScanner(rules: stripped, quantities: filtered.quantities, dates: filtered.dates, vocabulary: [], publication: false, exhaustive: true)
            : nil
        var scratch = [filtered, noProbe, publication, publicationNoProbe].map(LexicalScanner.Scratch.init)
        if let exhaustive { scratch.append(LexicalScanner.Scratch(exhaustive)) }
        self.scratch = scratch
        matchers = filtered.rules.map { Matcher($0.pattern) }
        probes = filtered.rules.map { $0.rule.probe.map(Matcher.init) }
        firstBytes = filtered.rules.map(\.firstBytes)
        names = filtered.rules.map(\.rule.name)
        self.allPrefixes = allPrefixes
        narrowedMatches = [Int](repeating: 0, count: filtered.rules.count)
    }

    mutating func run(_ text: String, published: Day?, mutate: Bool, rng: inout SplitMix) throws {
        try check(text, published: published)
        guard mutate else { return }
        for variant in Fuzz.mutations(of: text, &rng) { try check(variant, published: published) }
    }

    mutating func check(_ text: String, published: Day?) throws {
        let array = Array(text.utf8)
        bytes += array.count
        texts += 1
        try array.withUnsafeBufferPointer { buffer in
            try checkRules(buffer, text: text)
            var a: [Mention] = [], b: [Mention] = []
            try filtered.scan(buffer, published: published, scratch: scratch[0], into: &a)
            try noProbe.scan(buffer, published: published, scratch: scratch[1], into: &b)
            if a != b { failures.append("scan differs without probes: \(Fuzz.describe(a, b, array)) in \(Fuzz.quote(text))") }
            if let exhaustive {
                var c: [Mention] = []
                try exhaustive.scan(buffer, published: published, scratch: scratch[4], into: &c)
                if b != c { filterFailures.append("scan without probes differs from exhaustive: \(Fuzz.describe(b, c, array)) in \(Fuzz.quote(text))") }
            }
            var p: [Mention] = [], q: [Mention] = []
            try publication.scan(buffer, published: published, scratch: scratch[2], into: &p)
            try publicationNoProbe.scan(buffer, published: published, scratch: scratch[3], into: &q)
            if p != q { failures.append("publication scan differs without probes: \(Fuzz.describe(p, q, array)) in \(Fuzz.quote(text))") }
        }
    }

    /// The end of the prefix the scanner probes at word start `i`, or `nil` where it does not
    /// narrow (mirrors LexicalScanner.scan).
    static func window(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = bytes.count
        let b = bytes[i]
        if ByteClass.isLetter(b) {
            var j = i + 1
            while j < n, ByteClass.isLetter(bytes[j]) { j += 1 }
            guard j - i <= TriggerWords.maximumLength, j + 3 <= n, (bytes[j] | bytes[j + 1] | bytes[j + 2]) < 0x80 else { return nil }
            var uppers = 0
            for k in i..<j where bytes[k] & 0x20 == 0 { uppers += 1 }
            let mixed = uppers != 0 && uppers != j - i && !(uppers == 1 && bytes[i] & 0x20 == 0)
            return mixed ? nil : j + 3
        }
        if ByteClass.isDigit(b) {
            var j = i + 1
            while j < n, j - i < FollowerCache.maximumBytes, ByteClass.isDigit(bytes[j]) || bytes[j] == 0x2C || bytes[j] == 0x2E { j += 1 }
            let q = min(j + 3, i + FollowerCache.maximumBytes)
            guard q <= n else { return nil }
            for k in j..<q where bytes[k] >= 0x80 { return nil }
            return q
        }
        return nil
    }

    mutating func checkRules(_ bytes: UnsafeBufferPointer<UInt8>, text: String) throws {
        let n = bytes.count
        for i in 0..<n where i == 0 || !ByteClass.word[Int(bytes[i - 1])] {
            let b = bytes[i]
            let window = Fuzz.window(bytes, i)
            if window != nil { scannerWindows += 1 }
            guard window != nil || allPrefixes else { continue }
            for r in matchers.indices {
                guard let probe = probes[r] else { continue }
                if let bitmap = firstBytes[r], !bitmap[Int(b)] { continue }
                let matcher = matchers[r]
                guard (try? matcher.matches(bytes, from: i)) == true else { continue }
                let end = matcher.range.upperBound
                guard end > i else { continue }
                matchesChecked += 1
                if window != nil { narrowedMatches[r] += 1 }
                if let window, !(try probe.canMatch(prefix: UnsafeBufferPointer(rebasing: bytes[i..<window]))) {
                    failures.append("rule \(names[r]) matches \(Fuzz.quote(String(decoding: bytes[i..<end], as: UTF8.self))) at \(i) but its probe refuses the scanner's prefix \(Fuzz.quote(String(decoding: bytes[i..<window], as: UTF8.self))) in \(Fuzz.quote(text))")
                }
                guard allPrefixes else { continue }
                // Every prefix that ends on a character boundary, up to 4 bytes past the match.
                let last = min(n, max(end, matcher.range.lowerBound) + 4)
                var k = i + 1
                while k <= last {
                    if k == n || bytes[k] & 0xC0 != 0x80 {
                        prefixesChecked += 1
                        if !(try probe.canMatch(prefix: UnsafeBufferPointer(rebasing: bytes[i..<k]))) {
                            failures.append("rule \(names[r]) matches \(Fuzz.quote(String(decoding: bytes[i..<end], as: UTF8.self))) at \(i) but its probe refuses the prefix \(Fuzz.quote(String(decoding: bytes[i..<k], as: UTF8.self))) in \(Fuzz.quote(text))")
                            break
                        }
                    }
                    k += 1
                }
            }
        }
    }

    func report() {
        print("fuzz: \(texts) texts, \(bytes) bytes, \(scannerWindows) narrowed candidates, \(matchesChecked) rule matches checked, \(prefixesChecked) prefixes probed, \(failures.count) cache failures, \(filterFailures.count) candidate-filter differences")
        print("fuzz: matches at narrowed positions per rule: " + zip(names, narrowedMatches).map { "\($0)=\($1)" }.joined(separator: " "))
        for failure in failures.prefix(30) { print("  " + failure) }
        for failure in filterFailures.prefix(30) { print("  filter: " + failure) }
    }

    static func quote(_ s: String) -> String {
        let short = s.count > 300 ? String(s.prefix(300)) + "…" : s
        return "\"" + short.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func describe(_ a: [Mention], _ b: [Mention], _ bytes: [UInt8]) -> String {
        let sa = Set(a), sb = Set(b)
        func show(_ m: Mention) -> String { "\(m.rule) \(m.range) '\(String(decoding: bytes[m.range], as: UTF8.self))'" }
        let onlyA = a.filter { !sb.contains($0) }.map(show), onlyB = b.filter { !sa.contains($0) }.map(show)
        return "shipped only \(onlyA), reference only \(onlyB)"
    }

    // MARK: Texts

    static func fixedTexts() -> [(String, Day?)] {
        var texts: [(String, Day?)] = []
        for file in ["Fixtures/lexical/numbers.jsonl", "Fixtures/lexical/dates.jsonl", "Fixtures/lexical/negatives.jsonl", "Fixtures/peers/duckling_numeral_en.jsonl"] {
            for object in Support.jsonLines(file) {
                guard let text = (object["text"] ?? object["input"]) as? String else { continue }
                texts.append((text, (object["published"] as? String).flatMap(Day.init(iso:)) ?? published))
            }
        }
        for folder in ["seeds", "Fixtures/seeds", "Fixtures/news/dev", "Fixtures/news/heldout", "Fixtures/news/heldout2"] {
            let path = Support.path(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() where name.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: path + "/" + name, encoding: .utf8) { texts.append((text, nil)) }
            }
        }
        return texts
    }

    static func texts(inFile path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        guard path.hasSuffix(".jsonl") else { return [text] }
        return text.split(separator: "\n").compactMap { line in
            let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return (object?["text"] ?? object?["input"]) as? String
        }
    }

    /// Each rule's examples and counter-examples, bare and after contexts that lookbehinds read.
    static func ruleExampleTexts(_ book: RuleBook, contexts count: Int = 100) -> [String] {
        let contexts = Array(["", "in ", "é", "the ", "Sat. ", "“", "since ", "on ", "of ", "last ", "he said. ", "x", "7", "-", "mid-", "(", "\n", "no. ", "Resolution ", "The ", "IN ", "coming "].prefix(count))
        var texts: [String] = []
        for compiled in book.scanner.rules {
            for example in compiled.rule.examples.map(\.text) + compiled.rule.counterExamples {
                for context in contexts { texts.append(context + example) }
                texts.append(example.uppercased())
                texts.append(example + " and more")
            }
        }
        return texts
    }

    static let numbers = ["0", "1", "2", "7", "10", "12", "19", "20", "24", "31", "99", "100", "365", "1,000", "1,234", "12,345", "123,456", "1,234,567",
                          "1.5", "1.9", "0.5", ".5", "3.14", "10.000", "1.000.000", "2,5", "1990", "1990s", "2000", "2023", "2024", "2025", "1999",
                          "12:30", "9.30", "3rd", "21st", "22nd", "1st", "4th", "11th", "10-20", "10–20", "10—20", "1-2", "2023-24", "2024-04-27",
                          "27/04/2024", "4/27", "04.27.2024", "+44", "555-1234", "1.2.3", "v2", "1,00", "00", "007", "1e6", "123456789012345678",
                          "50%", "5 %", "5m", "5bn", "5k", "5M", "5BN", "5K", "5th", "5s", "5's", "5pm", "5am", "5 p.m.", "5kg", "5km", "5x"]
    static let symbols = ["$", "US$", "HK$", "€", "£", "¥", "₹", "₦", "-", "−", "–", "—", "+", "~", "≈", "#", "No. ", "(", "\"", "“", "”", "'", "’", "%", "/", ".", ",", ";", ":", "…"]
    static let fixedWords = ["May", "may", "MAY", "MaY", "March", "march", "MARCH", "MaRcH", "mar", "Mar.", "Sat.", "Sat", "Sun", "sun", "Jan", "Jan.", "Sept", "Sept.",
                             "in", "In", "IN", "iN", "the", "between", "and", "to", "from", "till", "until", "since", "Since", "last", "Last", "next", "this",
                             "million", "Million", "MILLION", "billion", "bn", "m", "k", "thousand", "hundred", "dozen", "dozens", "a", "an", "A", "An",
                             "twenty", "twenty-four", "Twenty-Four", "TWENTY-FOUR", "one", "One", "ONE", "half", "a half", "quarter", "third", "thirds",
                             "first", "second", "th", "st", "nd", "rd", "am", "pm", "p.m.", "a.m.", "year", "years", "old", "long", "ago", "week", "weeks",
                             "month", "months", "day", "days", "decade", "century", "people", "children", "killed", "about", "about", "nearly", "over", "more than",
                             "at least", "up to", "some", "per cent", "percent", "per", "cent", "of", "out of", "among", "Resolution", "Article", "Road", "Street",
                             "coming", "late", "early", "mid", "mid-", "morning", "night", "today", "yesterday", "tomorrow", "Monday", "monday", "MONDAY", "Mon.",
                             "minus", "negative", "plus", "odd", "or", "fold", "times", "twice", "once", "handed", "over", "took", "ninety", "nineteen", "eighties"]
    static let separators = [" ", " ", " ", " ", " ", "", "", "-", ", ", ". ", "\n", "\n\n", " – ", " — ", "\u{00A0}", "\u{2009}", "\u{202F}", "\t", "  ", "/", "'s ", "’s ", ": ", "; ", " (", ") ", "”", "\u{2011}", "é", "ß ", "日本 ", "🙂"]

    /// A random string of numbers, words and symbols, glued or spaced, in any case.
    static func adversarial(_ rng: inout SplitMix, vocabulary: [String]) -> String {
        var out = ""
        let count = rng.int(1..<14)
        for _ in 0..<count {
            switch rng.int(0..<10) {
            case 0, 1, 2: out += rng.pick(numbers)
            case 3, 4: out += rng.pick(fixedWords)
            case 5: out += rng.pick(vocabulary)
            case 6: out += rng.pick(symbols)
            case 7: out += rng.pick(symbols) + rng.pick(numbers)
            case 8: out += rng.pick(numbers) + rng.pick(["", "", " "]) + rng.pick(fixedWords + vocabulary)
            default: out += String(rng.int(0..<100_000))
            }
            out += rng.pick(separators)
        }
        // Case games and an end that cuts a token short.
        switch rng.int(0..<8) {
        case 0: out = out.uppercased()
        case 1: out = String(out.map { c in rngCase(c) })
        case 2: out = String(out.dropLast(rng.int(0..<3)))
        default: break
        }
        if rng.chance(50) { out = out.trimmingCharacters(in: .whitespaces) }
        return out
    }

    private static func rngCase(_ c: Character) -> Character {
        // Deterministic alternation by the character's value: mixed case that differs word to word.
        guard c.isASCII, c.isLetter else { return c }
        return (c.asciiValue! % 3 == 0) ? Character(c.uppercased()) : c
    }

    /// Variants of a text: in capitals, in title case, with Unicode dashes, spaces and quotes, and
    /// cut at a few places.
    static func mutations(of text: String, _ rng: inout SplitMix) -> [String] {
        var out: [String] = []
        out.append(text.uppercased())
        out.append(text.capitalized)
        var unicode = text
        for (a, b) in [("-", rng.pick(["–", "—", "‐", "‑", "−"])), (" ", rng.pick(["\u{00A0}", "\u{2009}", " "])), ("'", "’"), ("\"", "“")] {
            unicode = unicode.replacingOccurrences(of: a, with: b)
        }
        out.append(unicode)
        // Glue: numbers stuck to what follows and precedes.
        out.append(text.replacingOccurrences(of: " ", with: rng.pick(["", "-", "."])))
        let scalars = Array(text.unicodeScalars)
        if scalars.count > 2 {
            for _ in 0..<3 {
                let cut = rng.int(1..<scalars.count)
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[0..<cut])
                out.append(String(s))
            }
        }
        return out
    }
}
