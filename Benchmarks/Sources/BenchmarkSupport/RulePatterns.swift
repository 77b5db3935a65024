import Figures

/// The lexical rules' patterns, taken apart for the baselines: the grammar pieces of their
/// `(?(DEFINE)…)` blocks and the rule bodies.
///
/// - ``alternation``: every rule as one PCRE2 pattern (one DEFINE block, the bodies as one
///   alternation), compiled caseless and extended, unanchored: the naive use of PCRE2.
/// - ``icuAlternation``: the same alternation rewritten for ICU (`NSRegularExpression`), which
///   has no subroutine calls, conditionals or duplicate group names: `(?&piece)` is inlined,
///   named groups become plain groups, `(?(?=X)A|B)` becomes `(?:(?=X)A|(?!X)B)`, and the
///   extended-mode whitespace and comments are removed.
public struct RulePatterns: Sendable {
    public struct Rule: Sendable {
        public let name: String
        public let body: String
    }

    /// Grammar pieces by name, and their order of first appearance.
    public let pieces: [String: String]
    public let pieceOrder: [String]
    public let rules: [Rule]

    public init(_ book: RuleBook) {
        var pieces: [String: String] = [:]
        var order: [String] = []
        var rules: [Rule] = []
        for name in book.lexicalRuleNames {
            guard let source = book.compiledPattern(of: name) else { continue }
            let parsed = PatternText(source).splitDefine()
            for (piece, body) in parsed.pieces where pieces[piece] == nil {
                pieces[piece] = body
                order.append(piece)
            }
            rules.append(Rule(name: name, body: parsed.body))
        }
        self.pieces = pieces
        self.pieceOrder = order
        self.rules = rules
    }

    /// One PCRE2 pattern for every rule (compile with caseless, extended, duplicate names).
    public var alternation: String {
        let define = pieceOrder.map { "(?<\($0)>\(pieces[$0]!)\n)" }.joined()
        return "(?(DEFINE)\(define))(?:" + rules.map { "(?:\($0.body)\n)" }.joined(separator: "|") + ")"
    }

    /// The alternation in ICU's dialect (compile with case-insensitive only).
    public var icuAlternation: String {
        var translator = ICUTranslator(pieces: pieces)
        return "(?:" + rules.map { "(?:" + translator.translate($0.body) + ")" }.joined(separator: "|") + ")"
    }
}

/// A pattern as characters, with the bracket matching the rewrites need.
struct PatternText {
    let chars: [Character]

    init(_ source: String) { chars = Array(source) }

    /// The index of the `)` that closes the group opened at `open`, skipping escapes and
    /// character classes.
    func closing(_ open: Int) -> Int {
        var depth = 0
        var i = open
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "[": i = classEnd(i)
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return chars.count - 1
    }

    /// The index of the `]` that closes the class opened at `open`.
    func classEnd(_ open: Int) -> Int {
        var i = open + 1
        if i < chars.count && chars[i] == "^" { i += 1 }
        if i < chars.count && chars[i] == "]" { i += 1 }
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "[" && i + 1 < chars.count && chars[i + 1] == ":" {
                // A POSIX class [:alpha:] inside a class.
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == ":" && chars[j + 1] == "]") { j += 1 }
                i = j + 2
                continue
            }
            if chars[i] == "]" { return i }
            i += 1
        }
        return chars.count - 1
    }

    func string(_ range: Range<Int>) -> String { String(chars[range]) }

    func hasPrefix(_ prefix: String, at i: Int) -> Bool {
        let p = Array(prefix)
        return i + p.count <= chars.count && Array(chars[i..<(i + p.count)]) == p
    }

    /// `(?(DEFINE)(?<a>…)(?<b>…))body` → the pieces and the body.
    func splitDefine() -> (pieces: [(String, String)], body: String) {
        guard hasPrefix("(?(DEFINE)", at: 0) else { return ([], String(chars)) }
        let end = closing(0)
        var pieces: [(String, String)] = []
        var i = "(?(DEFINE)".count
        while i < end {
            if chars[i].isWhitespace { i += 1; continue }
            guard hasPrefix("(?<", at: i) else { i += 1; continue }
            let close = closing(i)
            var nameEnd = i + 3
            while chars[nameEnd] != ">" { nameEnd += 1 }
            pieces.append((string((i + 3)..<nameEnd), string((nameEnd + 1)..<close)))
            i = close + 1
        }
        return (pieces, string((end + 1)..<chars.count))
    }
}

/// Rewrites PCRE2 pattern text (extended mode) into ICU's dialect.
struct ICUTranslator {
    let pieces: [String: String]
    private var cache: [String: String] = [:]

    init(pieces: [String: String]) { self.pieces = pieces }

    mutating func translate(_ source: String) -> String {
        let text = PatternText(source)
        return translate(text, 0..<text.chars.count)
    }

    private mutating func translate(_ text: PatternText, _ range: Range<Int>) -> String {
        let c = text.chars
        var out = ""
        var i = range.lowerBound
        while i < range.upperBound {
            let ch = c[i]
            if ch == "\\" {
                out.append(ch)
                if i + 1 < range.upperBound { out.append(c[i + 1]) }
                i += 2
                continue
            }
            if ch.isWhitespace { i += 1; continue }               // extended mode
            if ch == "#" {                                        // an extended-mode comment
                while i < range.upperBound && c[i] != "\n" { i += 1 }
                continue
            }
            if ch == "[" {
                let end = text.classEnd(i)
                out += text.string(i..<(end + 1))
                i = end + 1
                continue
            }
            if ch == "(" {
                let close = text.closing(i)
                if text.hasPrefix("(?&", at: i) {
                    let name = text.string((i + 3)..<close)
                    out += "(?:" + piece(name) + ")"
                } else if text.hasPrefix("(?(", at: i) {
                    out += conditional(text, i, close)
                } else if text.hasPrefix("(?<", at: i) && !text.hasPrefix("(?<=", at: i) && !text.hasPrefix("(?<!", at: i) {
                    var nameEnd = i + 3
                    while c[nameEnd] != ">" { nameEnd += 1 }
                    out += "(?:" + translate(text, (nameEnd + 1)..<close) + ")"
                } else {
                    // Keep the group's opening ("(", "(?:", "(?=", "(?-i:" …) and translate inside.
                    var bodyStart = i + 1
                    if bodyStart < close && c[bodyStart] == "?" {
                        bodyStart += 1
                        while bodyStart < close && c[bodyStart] != ":" && c[bodyStart] != "=" && c[bodyStart] != "!" && c[bodyStart] != ">" {
                            bodyStart += 1
                        }
                        bodyStart += 1
                    }
                    out += bodyStart > close ? text.string(i..<(close + 1))   // an inline option setting: (?i)
                        : text.string(i..<bodyStart) + translate(text, bodyStart..<close) + ")"
                }
                i = close + 1
                continue
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    private mutating func piece(_ name: String) -> String {
        if let done = cache[name] { return done }
        let translated = translate(pieces[name] ?? "")
        cache[name] = translated
        return translated
    }

    /// `(?(?=X)A|B)` → `(?:(?=X)A|(?!X)B)`, for assertion conditions.
    private mutating func conditional(_ text: PatternText, _ open: Int, _ close: Int) -> String {
        let c = text.chars
        let conditionOpen = open + 2
        let conditionClose = text.closing(conditionOpen)
        let condition = text.string(conditionOpen..<(conditionClose + 1))
        let assertion = ["(?=": "(?!", "(?!": "(?=", "(?<=": "(?<!", "(?<!": "(?<="]
        let kind = ["(?<=", "(?<!", "(?=", "(?!"].first { condition.hasPrefix($0) } ?? "(?="
        // The top-level | that separates the two branches.
        var bar = -1
        var i = conditionClose + 1
        while i < close {
            switch c[i] {
            case "\\": i += 1
            case "[": i = text.classEnd(i)
            case "(": i = text.closing(i)
            case "|": if bar < 0 { bar = i }
            default: break
            }
            i += 1
        }
        let inner = translate(text, (conditionOpen + kind.count)..<conditionClose)
        let yes = translate(text, (conditionClose + 1)..<(bar < 0 ? close : bar))
        let no = bar < 0 ? "" : translate(text, (bar + 1)..<close)
        return "(?:\(kind)\(inner))\(yes)|\(assertion[kind]!)\(inner))\(no))"
    }
}
