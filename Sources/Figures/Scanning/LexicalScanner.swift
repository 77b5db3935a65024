import PCRE2

/// The lexical layer's engine: finds candidate positions with a byte scan, runs only the rules
/// that can start there (anchored, JIT-compiled), keeps the longest match, and interprets it.
///
/// Candidate positions are the starts of words (a byte that does not follow an ASCII letter or
/// digit) whose first two bytes some rule can start with. Which rules can start with which bytes
/// is worked out once, at load time, by asking PCRE2 for hard partial matches of every one- and
/// two-byte ASCII prefix; so the rule tables never list trigger words by hand.
struct LexicalScanner: Sendable {
    struct CompiledRule: Sendable {
        let rule: LexicalRule
        let pattern: Pattern
        let captures: CaptureMap
    }

    let rules: [CompiledRule]
    let quantities: QuantityInterpreter
    let dates: DateInterpreter

    /// `firstByte[b]`: some rule can start with byte b.
    private let firstByte: [Bool]
    /// Rules by first byte (used when the second byte is not ASCII or the text ends).
    private let byFirst: [[Int]]
    /// Rules by ASCII pair, `b1 << 7 | b2`.
    private let byPair: [[Int]]
    /// The rules of each `byPair` list as bits (the first 64 rules; later ones set every bit).
    private let pairBits: [UInt64]
    /// At a word of ASCII letters, the rules that can start with that word.
    private let firstWords: FirstWordFilter

    /// - Parameter filteringFirstWords: use the ``FirstWordFilter`` (off only to test that it
    ///   changes no result).
    init(rules: [CompiledRule], quantities: QuantityInterpreter, dates: DateInterpreter, filteringFirstWords: Bool = true) throws {
        self.rules = rules
        self.quantities = quantities
        self.dates = dates
        var byFirst = [[Int]](repeating: [], count: 256)
        var byPair = [[Int]](repeating: [], count: 128 * 128)
        for (index, compiled) in rules.enumerated() {
            let pattern = compiled.pattern
            let bitmap = pattern.possibleFirstBytes
            for b1 in 0..<256 {
                if b1 >= 128 {
                    // Lead bytes of multi-byte characters (€, £, “): trust PCRE2's analysis.
                    if b1 >= 0xC2 && b1 <= 0xF4 && (bitmap?[b1] ?? true) { byFirst[b1].append(index) }
                    continue
                }
                if let bitmap, !bitmap[b1] { continue }
                guard try pattern.canMatch(prefix: [UInt8(b1)]) else { continue }
                byFirst[b1].append(index)
                for b2 in 0..<128 where try pattern.canMatch(prefix: [UInt8(b1), UInt8(b2)]) {
                    byPair[b1 << 7 | b2].append(index)
                }
            }
        }
        self.byFirst = byFirst
        self.byPair = byPair
        self.firstByte = byFirst.map { !$0.isEmpty }
        self.pairBits = byPair.map { list in list.reduce(UInt64(0)) { $0 | ($1 < 64 ? 1 << UInt64($1) : .max) } }
        self.firstWords = try FirstWordFilter(patterns: filteringFirstWords ? rules.map(\.pattern) : [])
    }

    /// Per-thread state: one matcher per rule. Create one per thread or task and reuse it.
    final class Scratch {
        let matchers: [Matcher]
        var candidates: [(rule: Int, end: Int)] = []

        init(_ scanner: LexicalScanner) {
            matchers = scanner.rules.map { Matcher($0.pattern) }
            candidates.reserveCapacity(8)
        }
    }

    /// Every number and date in `bytes`, left to right, not overlapping.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, published: Day?, scratch: Scratch, into mentions: inout [Mention]) throws {
        let n = bytes.count
        var i = 0
        var previousIsWord = false
        let word = ByteClass.word
        while i < n {
            let b = bytes[i]
            if previousIsWord || !firstByte[Int(b)] {
                previousIsWord = word[Int(b)]
                i += 1
                continue
            }
            let list: [Int]
            var allowed = UInt64.max
            if b < 128, i + 1 < n, bytes[i + 1] < 128 {
                let pair = Int(b) << 7 | Int(bytes[i + 1])
                list = byPair[pair]
                if ByteClass.isLetter(b) && !list.isEmpty {
                    allowed = firstWords.rules(at: i, in: bytes)
                    if allowed & pairBits[pair] == 0 { allowed = 0 }
                }
            } else {
                list = byFirst[Int(b)]
            }
            var end = -1
            if !list.isEmpty && allowed != 0 {
                end = try matchAt(i, rules: list, allowed: allowed, bytes: bytes, published: published, scratch: scratch, into: &mentions)
            }
            if end > i {
                i = end
                previousIsWord = word[Int(bytes[end - 1])]
            } else {
                previousIsWord = word[Int(b)]
                i += 1
            }
        }
    }

    /// Runs the rules of `list` that `allowed` lets through (bit i: rule i; rules from the 65th
    /// on always run) at `position`; appends the winning mention and returns where it ends, or -1.
    private func matchAt(_ position: Int, rules list: [Int], allowed: UInt64, bytes: UnsafeBufferPointer<UInt8>, published: Day?, scratch: Scratch, into mentions: inout [Mention]) throws -> Int {
        scratch.candidates.removeAll(keepingCapacity: true)
        for index in list where index >= 64 || allowed & (1 << UInt64(index)) != 0 {
            let matcher = scratch.matchers[index]
            do {
                guard try matcher.matches(bytes, from: position) else { continue }
            } catch {
                throw ScanError.rule(rules[index].rule.name, offset: position, error)
            }
            let end = matcher.range.upperBound
            if end > position { scratch.candidates.append((index, end)) }
        }
        guard !scratch.candidates.isEmpty else { return -1 }
        if scratch.candidates.count > 1 {
            scratch.candidates.sort { a, b in
                if a.end != b.end { return a.end > b.end }
                let pa = rules[a.rule].rule.priority, pb = rules[b.rule].rule.priority
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
