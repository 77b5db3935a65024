import Foundation
import PCRE2

/// The lexical layer's engine: finds candidate positions with a byte scan, runs only the rules
/// that can start there (anchored, JIT-compiled), keeps the longest match, and interprets it.
///
/// Candidates are the starts of words (a byte that does not follow an ASCII letter or digit):
/// - a word of letters is a candidate only when some rule can start with it: a number word, a
///   month, a qualifier, "since", "last"… Which rules can start with which word is worked out
///   once, at load time, by asking PCRE2 for hard partial matches of every word the tables and
///   patterns contain, in lower case, capitalized and in capitals (each form has its list: "OF$"
///   could be money, "of" cannot); most words of a text start no rule and cost one hash lookup;
/// - a digit or a symbol ($, €, +, …) is a candidate for the rules that can start with its first
///   two bytes (ASCII) or its whole character (£, €, “, — …), found the same way.
/// A rule that could start with any word at all is refused at load time (it would run
/// everywhere), except a publication rule (a dateline), which runs only on the first bytes of an
/// article, in a scanner of its own.
struct LexicalScanner: Sendable {
    struct CompiledRule: Sendable {
        let rule: LexicalRule
        let pattern: Pattern
        let captures: CaptureMap
        /// The bytes a match can start with, from PCRE2's analysis of the pattern compiled with
        /// start optimizations (the pattern that runs is compiled without them).
        let firstBytes: [Bool]?
    }

    let rules: [CompiledRule]
    /// Each rule's priority, by index.
    private let priorities: [Int]
    let quantities: QuantityInterpreter
    let dates: DateInterpreter

    /// `symbolStart[b]`: some rule can start with byte b, which is not a letter.
    private let symbolStart: [Bool]
    /// Rules by first byte (used when the second byte is not ASCII or the text ends).
    private let byFirst: [[Int]]
    /// Rules by ASCII pair, `b1 << 7 | b2`, for pairs that do not start with a letter.
    private let byPair: [[Int]]
    /// Rules by two-byte character (U+0080–U+07FF: £, ¥, Ø…), `(b1 & 0x1F) << 6 | b2 & 0x3F`.
    private let byTwoByte: [[Int]]
    /// Rules by three-byte character for the leads `E2 80` to `E2 83` and `E2 88` (punctuation
    /// “ ” ’ — –, spaces, currency signs €, ₹, the minus sign), `(b2 & 0x3F) << 6 | b3 & 0x3F`;
    /// `byE2Computed[b2 & 0x3F]` says which second bytes have lists. Other characters fall back
    /// to `byFirst`.
    private let byE2: [[Int]]
    private let byE2Computed: [Bool]
    /// Rules by the word they start with.
    private let words: TriggerWords
    /// Rules that can start with any word (publication scanners only).
    private let anyWord: [Int]

    /// - Parameters:
    ///   - vocabulary: the words rules may start with (from tables, patterns and examples).
    ///   - publication: a scanner for the start of articles, where publication rules that can
    ///     start with any word (datelines) run at every word; elsewhere they are left out.
    ///   - exhaustive: try every rule at every word start and symbol, with no filtering: the
    ///     oracle the tests hold the filtered scanner to.
    init(rules: [CompiledRule], quantities: QuantityInterpreter, dates: DateInterpreter, vocabulary: Set<String>, publication: Bool,
         exhaustive: Bool = false) throws {
        self.rules = rules
        priorities = rules.map(\.rule.priority)
        self.quantities = quantities
        self.dates = dates
        var byFirst = [[Int]](repeating: [], count: 256)
        var byPair = [[Int]](repeating: [], count: 128 * 128)
        var byTwoByte = [[Int]](repeating: [], count: 32 * 64)
        var byE2 = [[Int]](repeating: [], count: 64 * 64)
        let e2Leads: [UInt8] = exhaustive ? [] : [0x80, 0x81, 0x82, 0x83, 0x88]
        var byE2Computed = [Bool](repeating: false, count: 64)
        for b2 in e2Leads { byE2Computed[Int(b2 & 0x3F)] = true }
        // Each word's rules per form: lower, Capitalized, UPPER (see TriggerWords.Form).
        var byWord: [String: [[Int]]] = [:]
        var anyWord: [Int] = []
        // Each word in three cases; a word is probed bare first (a hard partial match: the rule could
        // go on after it), and only then with what may follow a word in a text.
        let probes = vocabulary.sorted().map { word -> [[UInt8]] in
            let lower = Array(word.lowercased().utf8)
            var capital = lower
            if let first = capital.first, first >= 0x61, first <= 0x7A { capital[0] = first - 0x20 }
            return [lower, capital, Array(word.uppercased().utf8)]
        }
        // Any byte that ends a word: punctuation, digits, spaces, and the lead byte of “ — ’.
        let endings: [[UInt8]] = ((0x20...0x7E).filter { !ByteClass.isLetter(UInt8($0)) } + [0x0A, 0xE2]).map { [UInt8($0)] }
        let sortedVocabulary = vocabulary.sorted()
        for (index, compiled) in rules.enumerated() {
            let matcher = Matcher(compiled.pattern)
            // Probed at the start of a text and after a space, as at a word start, so that a rule
            // anchored at the start and one with a lookbehind both see what they would see.
            func could(_ prefix: [UInt8]) throws -> Bool {
                if try prefix.withUnsafeBufferPointer({ try matcher.canMatch(prefix: $0) }) { return true }
                return try ([0x20] + prefix).withUnsafeBufferPointer { try matcher.canMatch(prefix: $0, at: 1) }
            }
            // A rule that can start with a word nobody wrote starts with any word.
            let nonsense: [[UInt8]] = ["qzxjvk ", "Qzxjvk ", "QZXJVK "].map { Array($0.utf8) }
            if try nonsense.contains(where: could) {
                guard compiled.rule.isPublication else {
                    throw compiled.rule.error("the pattern can start with any word, so it would run at every word of every text; start it at a digit, a symbol or a word of the tables (use a lookbehind for context before it)")
                }
                if publication { anyWord.append(index) }
            } else if exhaustive {
                anyWord.append(index)
            } else {
                let bitmap = compiled.firstBytes
                for (word, forms) in zip(sortedVocabulary, probes) {
                    for (f, form) in forms.enumerated() where bitmap.map({ $0[Int(form[0])] }) ?? true {
                        guard try could(form) else { continue }
                        if try endings.contains(where: { try could(form + $0) }) {
                            byWord[word.lowercased(), default: [[], [], []]][f].append(index)
                        }
                    }
                }
            }
            if exhaustive {
                for b1 in 0..<256 where !ByteClass.isLetter(UInt8(b1)) {
                    byFirst[b1].append(index)
                    if b1 >= 0xC2 && b1 <= 0xDF { for b2 in 0..<64 { byTwoByte[(b1 & 0x1F) << 6 | b2].append(index) } }
                    if b1 < 128 { for b2 in 0..<128 { byPair[b1 << 7 | b2].append(index) } }
                }
                continue
            }
            let bitmap = compiled.firstBytes
            for b1 in 0..<256 where !ByteClass.isLetter(UInt8(b1)) {
                if b1 >= 128 {
                    // Lead bytes of multi-byte characters (€, £, “): trust PCRE2's analysis.
                    guard b1 >= 0xC2 && b1 <= 0xF4 && (bitmap?[b1] ?? true) else { continue }
                    byFirst[b1].append(index)
                    // Whole characters, probed as the pairs are: two-byte ones, and the common
                    // three-byte ones after E2.
                    if b1 <= 0xDF {
                        for b2 in 0x80...0xBF where try could([UInt8(b1), UInt8(b2)]) {
                            byTwoByte[(b1 & 0x1F) << 6 | (b2 & 0x3F)].append(index)
                        }
                    } else if b1 == 0xE2 {
                        for b2 in e2Leads {
                            for b3 in 0x80...0xBF as ClosedRange<UInt8> where try could([0xE2, b2, b3]) {
                                byE2[Int(b2 & 0x3F) << 6 | Int(b3 & 0x3F)].append(index)
                            }
                        }
                    }
                    continue
                }
                if let bitmap, !bitmap[b1] { continue }
                guard try could([UInt8(b1)]) else { continue }
                byFirst[b1].append(index)
                for b2 in 0..<128 where try could([UInt8(b1), UInt8(b2)]) {
                    byPair[b1 << 7 | b2].append(index)
                }
            }
        }
        self.byFirst = byFirst
        self.byPair = byPair
        self.byTwoByte = byTwoByte
        self.byE2 = byE2
        self.byE2Computed = byE2Computed
        self.symbolStart = byFirst.map { !$0.isEmpty }
        self.words = TriggerWords(byWord)
        self.anyWord = anyWord
    }

    /// Every word that occurs in `text` as a run of ASCII letters, lowercased.
    static func words(in text: String) -> Set<String> {
        var result: Set<String> = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, (scalar.value | 0x20) >= 0x61, (scalar.value | 0x20) <= 0x7A {
                current.unicodeScalars.append(Unicode.Scalar(scalar.value | 0x20)!)
            } else {
                if !current.isEmpty { result.insert(current); current = "" }
            }
        }
        if !current.isEmpty { result.insert(current) }
        return result
    }

    /// Per-thread state: one matcher per rule. Create one per thread or task and reuse it.
    final class Scratch {
        let matchers: [Matcher]
        /// Matchers of the rules' context-free variants (``LexicalRule/probe``), for probing.
        let probes: [Matcher?]
        let beforeMatchers: [Matcher?]
        var candidates: [(rule: Int, end: Int)] = []
        /// Trigger words' lists narrowed by the bytes after the word, worked out as met.
        let followers = FollowerCache()
        /// Numbers' lists narrowed by their first bytes, worked out as met.
        let numbers = FollowerCache()

        init(_ scanner: LexicalScanner) {
            matchers = scanner.rules.map { Matcher($0.pattern) }
            probes = scanner.rules.map { $0.rule.probe.map(Matcher.init) }
            beforeMatchers = scanner.rules.map { $0.rule.before.map(Matcher.init) }
            candidates.reserveCapacity(8)
        }
    }

    /// How far back a rule's `before` context may reach.
    static let beforeWindow = 80

    /// Every number and date in `bytes`, left to right, not overlapping.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, published: Day?, scratch: Scratch, into mentions: inout [Mention]) throws {
        let n = bytes.count
        var i = 0
        let wordByte = ByteClass.word
        while i < n {
            let b = bytes[i]
            if ByteClass.isLetter(b) {
                // A word: look it up whole; its inner bytes are never candidates.
                var j = i + 1
                while j < n, ByteClass.isLetter(bytes[j]) { j += 1 }
                var end = -1
                if let list = words.rules(for: bytes, i..<j), !words.lists[list].isEmpty {
                    if j + 3 <= n, !TriggerWords.isMixed(list), (bytes[j] | bytes[j + 1] | bytes[j + 2]) < 0x80 {
                        // Narrowed by the three bytes after the word (see FollowerCache).
                        let followers = scratch.followers
                        let key = FollowerCache.key(list: list, bytes[j], bytes[j + 1], bytes[j + 2])
                        let narrowed = followers.lookup(key)
                            ?? followers.resolve(key, list: words.lists[list], bytes: bytes, i..<(j + 3), probes: scratch.probes)
                        let rules = followers.list(narrowed)
                        if !rules.isEmpty {
                            end = try matchAt(i, rules: rules, bytes: bytes, published: published, scratch: scratch, into: &mentions)
                        }
                    } else {
                        end = try matchAt(i, rules: words.lists[list], bytes: bytes, published: published, scratch: scratch, into: &mentions)
                    }
                }
                if end < 0, !anyWord.isEmpty {
                    end = try matchAt(i, rules: anyWord, bytes: bytes, published: published, scratch: scratch, into: &mentions)
                }
                i = end > i ? end : j
            } else if symbolStart[Int(b)], i == 0 || !wordByte[Int(bytes[i - 1])] {
                let list: [Int]
                if b < 128, i + 1 < n, bytes[i + 1] < 128 {
                    list = byPair[Int(b) << 7 | Int(bytes[i + 1])]
                } else if b >= 0xC2, b <= 0xDF, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
                    list = byTwoByte[Int(b & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)]
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, byE2Computed[Int(bytes[i + 1] & 0x3F)] {
                    list = byE2[Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)]
                } else {
                    list = byFirst[Int(b)]
                }
                var end = -1
                if !list.isEmpty, ByteClass.isDigit(b) {
                    // A number: narrowed by its digits, commas and points and three bytes more.
                    var j = i + 1
                    while j < n, j - i < FollowerCache.maximumBytes, ByteClass.isDigit(bytes[j]) || bytes[j] == 0x2C || bytes[j] == 0x2E { j += 1 }
                    let q = min(j + 3, i + FollowerCache.maximumBytes)
                    var ascii = q <= n
                    if ascii { for k in j..<q where bytes[k] >= 0x80 { ascii = false } }
                    if ascii {
                        let numbers = scratch.numbers
                        let key = FollowerCache.key(bytes, i..<q)
                        let narrowed = numbers.lookup(key) ?? numbers.resolve(key, list: list, bytes: bytes, i..<q, probes: scratch.probes)
                        let rules = numbers.list(narrowed)
                        if !rules.isEmpty {
                            end = try matchAt(i, rules: rules, bytes: bytes, published: published, scratch: scratch, into: &mentions)
                        }
                    } else {
                        end = try matchAt(i, rules: list, bytes: bytes, published: published, scratch: scratch, into: &mentions)
                    }
                } else if !list.isEmpty {
                    end = try matchAt(i, rules: list, bytes: bytes, published: published, scratch: scratch, into: &mentions)
                }
                if end > i {
                    i = end
                } else {
                    i += 1
                }
            } else {
                i += 1
                continue
            }
            // Skip to the next word start: never inside a run of letters and digits.
            while i < n, i > 0, wordByte[Int(bytes[i - 1])], wordByte[Int(bytes[i])] { i += 1 }
        }
    }

    /// Runs `list` at `position`; appends the winning mention and returns where it ends, or -1.
    private func matchAt(_ position: Int, rules list: [Int], bytes: UnsafeBufferPointer<UInt8>, published: Day?, scratch: Scratch, into mentions: inout [Mention]) throws -> Int {
        scratch.candidates.removeAll(keepingCapacity: true)
        for index in list {
            let matcher = scratch.matchers[index]
            do {
                guard try matcher.matches(bytes, from: position) else { continue }
            } catch {
                throw ScanError.rule(rules[index].rule.name, offset: position, error)
            }
            let end = matcher.range.upperBound
            guard end > position else { continue }
            if let before = scratch.beforeMatchers[index] {
                let window = UnsafeBufferPointer(rebasing: bytes[max(0, position - LexicalScanner.beforeWindow)..<position])
                guard try before.matches(window, from: 0) else { continue }
            }
            scratch.candidates.append((index, end))
        }
        guard !scratch.candidates.isEmpty else { return -1 }
        if scratch.candidates.count > 1 {
            // (The closure reads the priorities only: capturing `self` copied the whole scanner.)
            let priorities = self.priorities
            scratch.candidates.sort { a, b in
                if a.end != b.end { return a.end > b.end }
                let pa = priorities[a.rule], pb = priorities[b.rule]
                return pa != pb ? pa > pb : a.rule < b.rule
            }
        }
        for candidate in scratch.candidates {
            let compiled = rules[candidate.rule]
            let matcher = scratch.matchers[candidate.rule]
            let range = matcher.range
            switch compiled.rule.layer {
            case .ignore:
                return range.upperBound
            case .number:
                guard let quantity = quantities.interpret(kind: compiled.rule.kind, captures: compiled.captures, matcher: matcher, bytes: bytes) else { continue }
                mentions.append(Mention(range: range, value: .quantity(quantity), rule: compiled.rule.name))
                return range.upperBound
            case .date:
                switch dates.interpret(kind: compiled.rule.kind, captures: compiled.captures, matcher: matcher, bytes: bytes, published: published) {
                case .value(let time):
                    mentions.append(Mention(range: range, value: .time(time), rule: compiled.rule.name))
                    return range.upperBound
                case .unresolvable:
                    return range.upperBound
                case .reject:
                    continue
                }
            }
        }
        return -1
    }
}

/// A scan that could not finish: a rule hit a PCRE2 resource limit at a byte offset.
public enum ScanError: Error, Sendable, CustomStringConvertible {
    case rule(String, offset: Int, PCRE2Error)

    public var description: String {
        switch self {
        case .rule(let name, let offset, let error):
            return "rule '\(name)' failed at byte \(offset): \(error)"
        }
    }
}
