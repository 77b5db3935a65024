import PCRE2

/// Which rules can start with a given first word: the scanner's second filter, after the byte
/// pairs. At a candidate that begins with an ASCII letter, the scanner reads the word (the run
/// of ASCII letters) and tries only the rules that can start with exactly that word, so that
/// "the", "since" or "and" no longer run every rule whose phrases begin with "th", "si" or "an".
///
/// The words are found once, at load time, the way the pair tables are: by asking PCRE2 for hard
/// partial matches, letter by letter, of every rule (with its JIT, a few milliseconds a rule).
/// A word is kept when it is a viable prefix, so the table over-approximates (it holds "thir"
/// as well as "thirty"), which costs a call now and then, never a match.
///
/// A probe at the start of a word sees no text before the word, where the real text has some;
/// so rules are probed with their lookbehinds made always true (or, inside a negation, always
/// false): see ``probeSource(_:)``. A rule is left out of the filter (always tried, as before)
/// when that cannot be done, or when it has too many words to list (`[\w.+-]+@…` starts with
/// any word at all). Words are
/// probed exactly as the table keys them (first letter in either case, the rest in lower case);
/// a word with a capital further in is not looked up. A prefix that
/// any letter may follow ("Wednesday", which also matches in "Wednesdays") is kept as a prefix:
/// every word that begins with it is tried.
struct FirstWordFilter: Sendable {
    /// Words this long or longer are not looked up (every rule is tried).
    static let maximumLength = 20
    /// How many prefixes a rule may have before it counts as "starts with any word".
    static let maximumWords = 5_000

    /// Bit i: rule i is filtered. Rules beyond the 64th are never filtered.
    let filtered: UInt64
    /// A first word (first letter as written, then lower case) → the filtered rules that may
    /// start with it.
    private let table: WordTable
    /// Prefixes that any letters may follow ("Wednesday" matches in "Wednesdays") → the rules
    /// that start with every word beginning with them; and their lengths, as bits.
    private let prefixes: WordTable
    private let prefixLengths: UInt32

    /// A word of up to 20 ASCII letters, 6 bits a letter.
    struct Word: Hashable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        @inline(__always) mutating func append(_ code: UInt64, at index: Int) {
            if index < 10 { low |= code << (6 * UInt64(index)) } else { high |= code << (6 * UInt64(index - 10)) }
        }

        /// Letter codes: the first letter keeps its case (1…26 lower, 27…52 upper), later ones are
        /// folded to lower case.
        @inline(__always) static func code(_ byte: UInt8, first: Bool) -> UInt64 {
            if first && byte < 0x61 { return UInt64(byte - 0x41) + 27 }
            return UInt64((byte | 0x20) - 0x60)
        }

        init() {}

        init(_ bytes: [UInt8]) {
            for (index, byte) in bytes.enumerated() { append(Word.code(byte, first: index == 0), at: index) }
        }
    }

    init(patterns: [Pattern]) throws {
        var filtered: UInt64 = 0
        var table: [Word: UInt64] = [:]
        var prefixes: [Word: UInt64] = [:]
        var prefixLengths: UInt32 = 0
        for (index, pattern) in patterns.enumerated() where index < 64 {
            guard let source = Self.probeSource(pattern.source) else { continue }
            // The probe pattern: the rule itself when nothing looks behind, else its rewrite
            // (compiled like the rule; a rewrite that does not compile leaves the rule unfiltered).
            let probe = source == pattern.source ? pattern : try? Pattern(source, options: pattern.options, limits: pattern.limits)
            guard let probe, probe.isJITCompiled == pattern.isJITCompiled, let found = try Self.firstWords(of: probe) else { continue }
            let bit = UInt64(1) << UInt64(index)
            filtered |= bit
            for word in found.words { table[word.code, default: 0] |= bit }
            for prefix in found.prefixes {
                prefixes[prefix.code, default: 0] |= bit
                prefixLengths |= 1 << UInt32(prefix.length)
            }
        }
        self.filtered = filtered
        self.table = WordTable(table)
        self.prefixes = WordTable(prefixes)
        self.prefixLengths = prefixLengths
    }

    /// The rules (as bits) worth trying at `position`, whose byte is an ASCII letter: every
    /// unfiltered rule, and the filtered ones that can start with the word there. All rules when
    /// the word runs to the end of the text, into a non-ASCII byte, or past the maximum length.
    @inline(__always)
    func rules(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word = Word()
        var fromPrefixes: UInt64 = 0
        var j = position
        let n = bytes.count
        while j < n {
            let b = bytes[j]
            guard ByteClass.isLetter(b) else { break }
            let length = j - position
            // Words are probed as written with the first letter in either case and the rest in
            // lower case; "UNRWA" or "McDonald" are not in the table, and every rule is tried.
            if length == Self.maximumLength - 1 || (length > 0 && b < 0x61) { return .max }
            word.append(Word.code(b, first: length == 0), at: length)
            if prefixLengths & (1 << UInt32(length + 1)) != 0, let rules = prefixes[word] { fromPrefixes |= rules }
            j += 1
        }
        if j == n || bytes[j] >= 0x80 { return .max }
        return (table[word] ?? 0) | fromPrefixes | ~filtered
    }

    /// A read-only hash table of words, open addressing with a multiplicative hash: the
    /// standard Dictionary's seeded SipHash cost more than the rest of a lookup.
    struct WordTable: Sendable {
        private let keys: [Word]
        private let values: [UInt64]
        private let shift: UInt64
        private let mask: Int

        init(_ entries: [Word: UInt64]) {
            var bits: UInt64 = 4
            while (1 << bits) < 2 * entries.count + 1 { bits += 1 }
            let size = 1 << Int(bits)
            var keys = [Word](repeating: Word(), count: size)
            var values = [UInt64](repeating: 0, count: size)
            shift = 64 - bits
            mask = size - 1
            // The empty word (all zero) marks a free slot: no entry has it.
            for (word, value) in entries.sorted(by: { ($0.key.low, $0.key.high) < ($1.key.low, $1.key.high) }) {
                var slot = WordTable.slot(word, shift)
                while keys[slot] != Word() { slot = (slot + 1) & mask }
                keys[slot] = word
                values[slot] = value
            }
            self.keys = keys
            self.values = values
        }

        @inline(__always) static func slot(_ word: Word, _ shift: UInt64) -> Int {
            Int(truncatingIfNeeded: ((word.low ^ (word.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> shift)
        }

        @inline(__always) subscript(_ word: Word) -> UInt64? {
            var slot = WordTable.slot(word, shift)
            while true {
                let key = keys[slot]
                if key == word { return values[slot] }
                if key == Word() { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The pattern to probe words with: `source` with every lookbehind (`(?<= \bin\s )`,
    /// `(?<![\p{L}\p{N}])`) replaced by what makes the whole most permissive, because a probe at a
    /// word start has no text before it while the text does: an always-true `(?:)`, or inside a
    /// negative lookahead an always-false `(?!)`; likewise `\B`, and `\b`, `\A`, `\G`, `^` inside a
    /// negation. A condition that looks behind keeps both branches (and an empty one). So a probe
    /// can only say yes more often than the text, never less. `nil` when the pattern has
    /// backtracking verbs, `\Q`, or a lookbehind condition inside a negation.
    static func probeSource(_ source: String) -> String? {
        let c = Array(source.utf8)
        let always = Array("(?:)".utf8), never = Array("(?!)".utf8)
        func at(_ i: Int, _ literal: String) -> Bool {
            let l = Array(literal.utf8)
            return i + l.count <= c.count && Array(c[i..<(i + l.count)]) == l
        }
        /// The end of the class opened at `i` (the index of its `]`).
        func classEnd(_ open: Int) -> Int {
            var i = open + 1
            if i < c.count && c[i] == UInt8(ascii: "^") { i += 1 }
            if i < c.count && c[i] == UInt8(ascii: "]") { i += 1 }
            while i < c.count && c[i] != UInt8(ascii: "]") {
                if c[i] == UInt8(ascii: "\\") { i += 1 } else if at(i, "[:") { while i < c.count && !at(i, ":]") { i += 1 }; i += 1 }
                i += 1
            }
            return i
        }
        /// The index of the `)` that closes the group opened at `open`.
        func closing(_ open: Int) -> Int? {
            var depth = 0
            var i = open
            while i < c.count {
                switch c[i] {
                case UInt8(ascii: "\\"): i += 1
                case UInt8(ascii: "["): i = classEnd(i)
                case UInt8(ascii: "#"): while i < c.count && c[i] != 0x0A { i += 1 }
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return i }
                default: break
                }
                i += 1
            }
            return nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(c.count)
        var groups: [Bool] = []      // per open group: is it a negative lookahead
        var negations = 0
        var i = 0
        while i < c.count {
            let b = c[i]
            let negated = negations % 2 == 1
            switch b {
            case UInt8(ascii: "\\"):
                guard i + 1 < c.count else { return nil }
                let e = c[i + 1]
                if e == UInt8(ascii: "Q") { return nil }
                if e == UInt8(ascii: "B") || (negated && (e == UInt8(ascii: "b") || e == UInt8(ascii: "A") || e == UInt8(ascii: "G"))) {
                    out += negated ? never : always
                } else {
                    out += [b, e]
                }
                i += 2
                continue
            case UInt8(ascii: "["):
                let end = classEnd(i)
                guard end < c.count else { return nil }
                out += c[i...end]
                i = end + 1
                continue
            case UInt8(ascii: "#"):
                while i < c.count && c[i] != 0x0A { out.append(c[i]); i += 1 }
                continue
            case UInt8(ascii: "^"):
                out += negated ? never : [b]
                i += 1
                continue
            case UInt8(ascii: "("):
                if at(i, "(*") { return nil }
                if at(i, "(?(?<") {
                    // (?(?<=X)A|B) → (?:|A|B): either branch, or nothing.
                    guard !negated, let condition = closing(i + 2) else { return nil }
                    out += Array("(?:|".utf8)
                    groups.append(false)
                    i = condition + 1
                    continue
                }
                if at(i, "(?<=") || at(i, "(?<!") {
                    guard let end = closing(i) else { return nil }
                    out += negated ? never : always
                    i = end + 1
                    continue
                }
                let negative = at(i, "(?!")
                groups.append(negative)
                if negative { negations += 1 }
            case UInt8(ascii: ")"):
                if let negative = groups.popLast(), negative { negations -= 1 }
            default:
                break
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every ASCII-letter prefix (shorter than the maximum length) that `pattern` can start
    /// with, and those after which any letter may come (not expanded further); `nil` when there
    /// are too many to list or any letter may follow a single first letter.
    static func firstWords(of pattern: Pattern) throws -> (words: [(code: Word, length: Int)], prefixes: [(code: Word, length: Int)])? {
        let matcher = Matcher(pattern)
        func viable(_ prefix: [UInt8]) throws -> Bool {
            try prefix.withUnsafeBufferPointer { try matcher.canMatch(prefix: $0) }
        }
        let lower = Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
        let upper = Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        var stack: [[UInt8]] = []
        for letter in lower + upper where try viable([letter]) { stack.append([letter]) }
        var words: [(code: Word, length: Int)] = []
        var prefixes: [(code: Word, length: Int)] = []
        while let prefix = stack.popLast() {
            words.append((Word(prefix), prefix.count))
            if words.count > maximumWords { return nil }
            guard prefix.count + 1 < maximumLength else { continue }
            var children: [[UInt8]] = []
            for letter in lower where try viable(prefix + [letter]) { children.append(prefix + [letter]) }
            if children.count == lower.count {
                // Any letter may follow ("Wednesday" in "Wednesdays", "half" in "halfway").
                if prefix.count == 1 { return nil }
                prefixes.append((Word(prefix), prefix.count))
            } else {
                stack += children
            }
        }
        return (words, prefixes)
    }
}
