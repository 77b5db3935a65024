import Foundation

/// The named pieces of the rule grammar (section `define`), written once and called from every
/// rule's pattern with `(?&name)`.
///
/// A piece is either a PCRE2 fragment or `{table: NAME}`, the alternation of a lexicon table's
/// phrases. Each rule is compiled with a `(?(DEFINE)…)` block holding just the pieces it calls,
/// directly or through other pieces.
///
/// A piece can also be written inline with `{{name}}`: its text is pasted into the pattern, so
/// capture groups inside it capture (a `(?&name)` call cannot: PCRE2 restores captures when a
/// subroutine returns). Use it for small prefixes that carry a capture, such as
/// `{{since_prefix}}`.
struct Grammar: Sendable {
    struct Piece: Sendable {
        let name: String
        let source: String
        let file: String
        let line: Int?
    }

    private(set) var pieces: [String: Piece] = [:]

    mutating func define(_ name: String, _ node: TableNode, lexicon: Lexicon) throws {
        let source: String
        if node.node.mapping != nil {
            let fields = try node.fields(allowed: ["table", "tables", "words"], what: "a grammar piece")
            var phrases: [String] = []
            if let table = fields["table"] { phrases += lexicon.phrases(try table.string()) }
            if let tables = fields["tables"] { for t in try tables.strings() { phrases += lexicon.phrases(t) } }
            if let words = fields["words"] { phrases += try words.strings() }
            guard !phrases.isEmpty else { throw node.error("the piece '\(name)' names no phrases (empty or unknown table)") }
            source = Grammar.alternation(of: phrases)
        } else {
            source = try node.string()
        }
        pieces[name] = Piece(name: name, source: source, file: node.file, line: node.line)
    }

    /// `(?:longest|longer|long)(?!\w)`, with spaces matching any whitespace and apostrophes either
    /// form.
    static func alternation(of phrases: [String]) -> String {
        let unique = Set(phrases.map { $0.lowercased() }).map(atoms)
        return "(?:\(trie(unique))\n)(?![\\p{L}\\p{N}])"
    }

    /// The phrase as regex atoms: a space matches any whitespace, a hyphen an optional hyphen,
    /// dash or space, an apostrophe either form; other characters stand for themselves.
    static func atoms(_ phrase: String) -> [String] {
        var out: [String] = []
        var lastWasSpace = false
        for scalar in phrase.unicodeScalars {
            if scalar == " " {
                if !lastWasSpace { out.append("\\s+") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            switch scalar {
            case "'", "’": out.append("['’]")
            case "-": out.append("[-‐‑–\\s]?")
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "#", "/", " ":
                out.append("\\" + String(scalar))
            default: out.append(String(scalar))
            }
        }
        return out
    }

    static func escape(_ phrase: String) -> String { atoms(phrase).joined() }

    /// The phrases as a trie-shaped pattern: `(?:a(?:bout|round)|over)` rather than
    /// `about|around|over`. JIT code then tells the alternatives apart by their first character
    /// instead of trying each phrase in turn, which is what makes long tables cheap to match.
    /// Longer phrases are preferred: an optional continuation is greedy.
    static func trie(_ phrases: [[String]]) -> String {
        var groups: [String: [[String]]] = [:]
        var terminal = false
        for phrase in phrases {
            guard let first = phrase.first else { terminal = true; continue }
            groups[first, default: []].append(Array(phrase.dropFirst()))
        }
        // Longer continuations first among alternatives that could overlap (\s+ and [-…\s]?).
        let branches = groups.keys.sorted().map { atom in atom + trie(groups[atom]!) }
        guard !branches.isEmpty else { return "" }
        let body = branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
        return terminal ? "(?:" + body + ")?" : body
    }

    /// The names called with `(?&name)` in a fragment.
    static func calls(in source: String) -> [String] {
        var names: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "(?&") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            names.append(String(after[..<close]))
            rest = after[close...]
        }
        return names
    }

    /// The pieces `source` needs, directly or through other pieces, in a stable order.
    func closure(of source: String, body: (Piece) -> String = \.source) -> (pieces: [Piece], unknown: [String]) {
        var seen: Set<String> = []
        var order: [Piece] = []
        var unknown: [String] = []
        var stack = Grammar.calls(in: source)
        while let name = stack.popLast() {
            guard !seen.contains(name) else { continue }
            seen.insert(name)
            guard let piece = pieces[name] else { unknown.append(name); continue }
            order.append(piece)
            stack += Grammar.calls(in: body(piece))
        }
        return (order.sorted { $0.name < $1.name }, unknown)
    }

    /// Pastes `{{name}}` pieces into `source` (up to a depth of 8), returning the names not found.
    func inline(_ source: String) -> (String, [String]) {
        var text = source
        var missing: [String] = []
        for _ in 0..<8 {
            guard text.contains("{{") else { break }
            var out = ""
            var rest = Substring(text)
            while let open = rest.range(of: "{{") {
                out += rest[..<open.lowerBound]
                let after = rest[open.upperBound...]
                guard let close = after.range(of: "}}") else { out += rest[open.lowerBound...]; rest = ""; break }
                let name = String(after[..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
                if let piece = pieces[name] { out += "(?:" + piece.source + "\n)" } else { missing.append(name) }
                rest = after[close.upperBound...]
            }
            out += rest
            text = out
        }
        return (text, missing)
    }

    /// A function that replaces every call of a small piece by the piece's text, for speed: a
    /// subroutine call costs the JIT code a frame, and each piece of the DEFINE block is a
    /// capture group that every match resets and copies out (the count rule ran about a fifth
    /// faster with the pieces of up to `limit` bytes pasted). Only pieces that behave the same
    /// pasted are pasted: no capture groups, conditions, recursion, back references or
    /// backtracking verbs, and whatever they call pasted too. The text goes in a group that
    /// sets the options the piece was defined with (`flags`, e.g. "i-msnU"): a subroutine runs
    /// with those, whatever the options where it is called.
    func paster(limit: Int, flags: String) -> (String) -> String {
        var sizes: [String: Int?] = [:] // the pasted size of a piece, nil when it cannot be pasted
        func pastedSize(_ name: String, _ visiting: Set<String>) -> Int? {
            if let known = sizes[name] { return known }
            guard let piece = pieces[name], !visiting.contains(name), Grammar.isPastable(piece.source) else { return nil }
            var size = piece.source.utf8.count
            for call in Grammar.calls(in: piece.source) {
                guard let inner = pastedSize(call, visiting.union([name])) else { sizes[name] = .some(nil); return nil }
                size += inner
            }
            let result = size <= limit ? size : nil
            sizes[name] = .some(result)
            return result
        }
        func paste(_ source: String) -> String {
            var out = ""
            var rest = Substring(source)
            while let open = rest.range(of: "(?&") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let name = String(after[..<close])
                out += rest[..<open.lowerBound]
                if pastedSize(name, []) != nil, let piece = pieces[name] {
                    out += "(?\(flags):" + paste(piece.source) + "\n)"
                } else {
                    out += rest[open.lowerBound...close]
                }
                rest = after[after.index(after: close)...]
            }
            return out + rest
        }
        return paste
    }

    /// Whether a piece's text means the same pasted as called: no capture group (named or not),
    /// no condition, recursion, back reference, callout, `\Q…\E` or verb.
    static func isPastable(_ source: String) -> Bool {
        let units = Array(source.utf8)
        var i = 0
        var inClass = false
        while i < units.count {
            let c = units[i]
            if c == UInt8(ascii: "\\") {
                guard i + 1 < units.count else { return false }
                let next = units[i + 1]
                if !inClass, [UInt8(ascii: "g"), UInt8(ascii: "k"), UInt8(ascii: "Q")].contains(next) || (next >= 0x31 && next <= 0x39) { return false }
                i += 2
                continue
            }
            if inClass {
                if c == UInt8(ascii: "]") { inClass = false }
                i += 1
                continue
            }
            if c == UInt8(ascii: "[") {
                inClass = true
                i += 1
                // a ] first in a class (or after ^) is a literal
                if i < units.count, units[i] == UInt8(ascii: "^") { i += 1 }
                if i < units.count, units[i] == UInt8(ascii: "]") { i += 1 }
                continue
            }
            if c == UInt8(ascii: "#") { return false } // a comment could hide anything
            if c == UInt8(ascii: "(") {
                guard i + 1 < units.count, units[i + 1] == UInt8(ascii: "?") else { return false } // a capture or a verb
                guard i + 2 < units.count else { return false }
                let kind = units[i + 2]
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    break
                case UInt8(ascii: "<"):
                    guard i + 3 < units.count, units[i + 3] == UInt8(ascii: "=") || units[i + 3] == UInt8(ascii: "!") else { return false }
                case UInt8(ascii: "-"), UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "n"), UInt8(ascii: "^"):
                    // option settings, scoped (?-i: … ) or not; (?-1) is recursion
                    guard i + 3 < units.count, !(units[i + 3] >= 0x30 && units[i + 3] <= 0x39) else { return false }
                default:
                    return false
                }
            }
            i += 1
        }
        return !inClass
    }

    /// The pattern handed to PCRE2: a DEFINE block with the needed pieces, then the rule.
    /// Returns the prefix length too, so compile errors can be placed in the rule or a piece.
    /// With a `paste` function (``paster(limit:flags:)``), small pieces are pasted instead.
    func compose(_ written: String, paste: ((String) -> String)? = nil) -> (pattern: String, prefix: [(piece: Piece, range: Range<Int>)], ruleOffset: Int, unknown: [String]) {
        var (source, missing) = inline(written)
        let body: (Piece) -> String = { paste?($0.source) ?? $0.source }
        if let paste { source = paste(source) }
        var (needed, unknown) = closure(of: source, body: body)
        unknown += missing
        guard !needed.isEmpty else { return (source, [], 0, unknown) }
        var pattern = "(?(DEFINE)"
        var placed: [(Piece, Range<Int>)] = []
        for piece in needed {
            pattern += "(?<\(piece.name)>"
            let start = pattern.utf8.count
            pattern += body(piece)
            placed.append((piece, start..<pattern.utf8.count))
            pattern += "\n)" // a newline ends a trailing # comment in extended mode
        }
        pattern += ")"
        let offset = pattern.utf8.count
        return (pattern + source, placed, offset, unknown)
    }
}
