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
    func closure(of source: String) -> (pieces: [Piece], unknown: [String]) {
        var seen: Set<String> = []
        var order: [Piece] = []
        var unknown: [String] = []
        var stack = Grammar.calls(in: source)
        while let name = stack.popLast() {
            guard !seen.contains(name) else { continue }
            seen.insert(name)
            guard let piece = pieces[name] else { unknown.append(name); continue }
            order.append(piece)
            stack += Grammar.calls(in: piece.source)
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

    /// The pattern handed to PCRE2: a DEFINE block with the needed pieces, then the rule.
    /// Returns the prefix length too, so compile errors can be placed in the rule or a piece.
    func compose(_ written: String) -> (pattern: String, prefix: [(piece: Piece, range: Range<Int>)], ruleOffset: Int, unknown: [String]) {
        let (source, missing) = inline(written)
        var (needed, unknown) = closure(of: source)
        unknown += missing
        guard !needed.isEmpty else { return (source, [], 0, unknown) }
        var pattern = "(?(DEFINE)"
        var placed: [(Piece, Range<Int>)] = []
        for piece in needed {
            pattern += "(?<\(piece.name)>"
            let start = pattern.utf8.count
            pattern += piece.source
            placed.append((piece, start..<pattern.utf8.count))
            pattern += "\n)" // a newline ends a trailing # comment in extended mode
        }
        pattern += ")"
        let offset = pattern.utf8.count
        return (pattern + source, placed, offset, unknown)
    }
}
